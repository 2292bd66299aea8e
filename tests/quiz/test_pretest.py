"""The test before a module (issue 21): its form, its page, and its numbers.

The pre-test form shows the scored questions only, numbered as in the lesson's form,
with no explanation, option feedback or retry; the printed test and its answer sheet
of the training kit number the same questions the same way.
"""

from __future__ import annotations

import lxml.html
import pytest

from aci_course import LANGUAGES
from aci_course.course.modules import load_modules
from aci_course.course.pages import PRE_TEST_META, overview_html, pretest_page, pretest_quizzes
from aci_course.editions.answer_key import quiz_keys
from aci_course.export.pdf import print_quiz
from aci_course.quiz.load import load_quizzes
from aci_course.quiz.render import render_quiz
from tests.repo_config import ROOT

QUIZZES = load_quizzes(ROOT, LANGUAGES)
MODULES = load_modules(ROOT, LANGUAGES)


def numbers(form_html: str) -> dict[str, int]:
    """Question id -> the number its legend shows."""
    form = lxml.html.fragment_fromstring(form_html)
    return {
        str(q.get("data-question")): int(q.xpath(".//*[@class='aci-quiz__number']")[0].text[:-1])
        for q in form.xpath("//*[@data-question]")
    }


@pytest.mark.parametrize("full_id", sorted(QUIZZES))
def test_pre_form_numbers_match_the_lesson_form_and_the_printed_test(full_id: str) -> None:
    quiz = QUIZZES[full_id]
    lesson = numbers(render_quiz(quiz, "ru", "1"))
    pre_html = render_quiz(quiz, "ru", "1", "pre")
    pre = numbers(pre_html)
    assert pre == {q.id: lesson[q.id] for q in quiz.scored_questions}
    printed = {q["number"]: q["text"] for q in print_quiz(quiz, "ru")["questions"]}
    for question in quiz.questions:
        assert printed[lesson[question.id]] == question.text.in_("ru")
    # The answer sheet is an ordered list in the quiz's order: item k is question k.
    sheet = quiz_keys([quiz], "ru")[0]["questions"]
    assert [item["text"] for item in sheet] == [q.text.in_("ru") for q in quiz.questions]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pre_form_shows_no_answers(lang: str) -> None:
    quiz = next(q for q in QUIZZES.values() if any(not x.scored for x in q.questions))
    form = lxml.html.fragment_fromstring(render_quiz(quiz, lang, "1", "pre"))
    assert form.get("data-quiz-mode") == "pre"
    for selector in ("data-quiz-explanation", "data-quiz-option-feedback", "data-quiz-retry"):
        assert form.xpath(f"//*[@{selector}]") == [], selector
    assert form.xpath("//textarea") == []
    assert form.xpath("//*[@data-quiz-pre-done]")
    lesson = lxml.html.fragment_fromstring(render_quiz(quiz, lang, "1"))
    assert lesson.get("data-quiz-mode") is None
    assert lesson.xpath("//*[@data-quiz-retry]")


def test_every_module_with_a_quiz_has_a_pretest_page() -> None:
    for module in MODULES:
        found = pretest_quizzes(module)
        own = sorted(q for q in QUIZZES if q.startswith(f"{module.id}/"))
        assert sorted(full for full, _ in found) == own
        overview = overview_html(module, "en", MODULES)
        assert ('href="pretest.html" data-pretest' in overview) == bool(found)
        if found:
            page = pretest_page(module, "en", found)
            assert f'{PRE_TEST_META}: "pre"' in page
            assert 'search: {"exclude": true}' in page
            for full, _ in found:
                assert f'{{{{ quiz "{full}" }}}}' in page
