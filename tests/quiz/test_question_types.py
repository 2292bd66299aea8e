"""The question-type registry: every part of the course finds a type through it alone."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, Literal

from aci_course.editions.answer_key import answer_key_html
from aci_course.export.moodle import quiz_bank
from aci_course.export.pdf import print_quiz_html
from aci_course.quiz.model import QUESTION_TYPES, Question, Quiz, Text
from aci_course.quiz.render import render_quiz
from aci_course.quiz.types import QuestionType, question_type, question_types, registered
from aci_course.quiz.types.moodle_xml import header, plain
from tests.repo_config import ROOT

QUIZ_JS = ROOT / "overrides/assets/javascripts/quiz.js"
TEMPLATES = ROOT / "aci_course/templates"
NAMED_TYPE = re.compile(
    r"\b(Single|Multiple|TrueFalse|Ordering|Matching|Fill|Reflection)Question\b"
)


def test_every_type_is_registered_with_its_templates_and_browser_handler() -> None:
    assert [kind.name for kind in question_types()] == list(QUESTION_TYPES)
    script = QUIZ_JS.read_text(encoding="utf-8")
    handlers_block = script[script.index("var HANDLERS = {") :]
    handlers_block = handlers_block[: handlers_block.index("\n  };")]
    handlers = set(re.findall(r"^    (\w+): ", handlers_block, re.MULTILINE))
    for kind in question_types():
        assert kind.model.model_fields["type"].default == kind.name
        assert kind.browser_handler in handlers, kind.name
        for template in (kind.form_template, kind.print_template, kind.key_template):
            assert (TEMPLATES / template).is_file(), template


def test_no_renderer_or_export_names_a_type() -> None:
    """Only the registry and the types' own modules know the types (no switch elsewhere)."""
    for path in ("quiz/render.py", "editions/answer_key.py", "export/pdf.py", "export/moodle.py"):
        source = (ROOT / "aci_course" / path).read_text(encoding="utf-8")
        assert not NAMED_TYPE.search(source), path


class ScaleQuestion(Question):
    """A throwaway type: a number on a scale, right when it is ``answer``."""

    type: Literal["scale"] = "scale"  # type: ignore[assignment]
    answer: int = 3


def _scale_moodle(quiz: Quiz, question: Any, lang: str) -> ET.Element:
    element = header(quiz, question, "numerical", lang)
    plain(element, "answer", str(question.answer))
    return element


SCALE = QuestionType(
    name="scale",
    model=ScaleQuestion,
    moodle=_scale_moodle,
    browser_handler="fill",
    browser_key=lambda question, lang: {"answers": [str(question.answer)]},
    print_view=lambda question, lang, seed: {},
    key_view=lambda question, lang: {"answers": [str(question.answer)]},
    # A throwaway type borrows fill's templates; a real one brings its own files.
    form_template="quiz/fill.html",
    print_template="export/quiz/fill.html",
    key_template="editions/answer_key/fill.html",
)


def _quiz() -> Quiz:
    text = Text(ru="Сколько?", be="Колькі?", en="How many?")
    question = ScaleQuestion.model_construct(
        id="q1", type="scale", text=text, explanation=None, answer=4, line=1
    )
    return Quiz.model_construct(
        id="scale",
        title=None,
        pass_mark=0.7,
        questions=(question,),
        module="mod",
        source="",
        line=1,
    )


def test_a_new_type_renders_prints_and_exports_through_the_registry_alone() -> None:
    quiz = _quiz()
    with registered(SCALE):
        assert question_type(quiz.questions[0]) is SCALE
        form = render_quiz(quiz, "en", "9.9")
        assert 'data-question-type="scale"' in form
        assert 'input type="text"' in form
        assert '"q1":{"answers":["4"],"type":"scale"}' in form
        printed = print_quiz_html(quiz, "en")
        assert "How many?" in printed and "aci-pquiz__line" in printed
        key = answer_key_html([quiz], "en")
        assert "<li>4</li>" in key
        bank = quiz_bank({quiz.full_id: quiz}, "en")
        element = bank.find("question[@type='numerical']")
        assert element is not None and element.findtext("answer") == "4"
    assert "scale" not in [kind.name for kind in question_types()]
