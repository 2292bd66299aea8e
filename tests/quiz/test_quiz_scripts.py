"""A quiz's form in its own script (aci_course/quiz/scripts.py), without a browser.

The form in mode ``both`` holds each mode's form: keeping the elements marked for one
mode, dropping the others' and moving in the page's data for that mode (the rule of
core.js ``aci.quizForm``; in Chromium: tests/browser/test_quiz_scripts.py) gives exactly
what ``render_quiz`` renders in that mode, for every quiz of the course and every
language. The script's string reads back as the form in JavaScript.
"""

from __future__ import annotations

import json
import subprocess

import lxml.html
import pytest

from aci_course import LANGUAGES
from aci_course.core.node import node_executable
from aci_course.quiz.load import load_quizzes
from aci_course.quiz.render import quiz_data, render_quiz
from aci_course.quiz.scripts import WRITER, script_path, script_tag, script_text
from tests.repo_config import ROOT

QUIZZES = load_quizzes(ROOT, LANGUAGES)


def one_side(html: str, mode: str, data: str) -> lxml.html.HtmlElement:
    """What core.js makes of a ``both`` form for ``mode``, with the page's ``data``."""
    form = lxml.html.fragment_fromstring(html)
    form.append(lxml.html.fragment_fromstring(data))
    for element in form.xpath("//*[@data-quiz-only]"):
        if element.get("data-quiz-only") == mode:
            del element.attrib["data-quiz-only"]
        else:
            element.drop_tree()
    if mode == "pre":
        form.set("data-quiz-mode", "pre")
    return form


def elements(form: lxml.html.HtmlElement) -> list[str]:
    """Each element's tag, attributes (in order) and text; blank text between them aside."""
    for element in form.xpath("//noscript"):  # the page carries it, beside the script's tag
        element.drop_tree()
    return [
        f"<{e.tag} {list(e.attrib.items())}> {(e.text or '').strip()!r} {(e.tail or '').strip()!r}"
        for e in form.iter()
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("full_id", sorted(QUIZZES))
def test_each_side_of_the_shared_form_is_that_modes_form(full_id: str, lang: str) -> None:
    quiz = QUIZZES[full_id]
    both = render_quiz(quiz, lang, "2026.1", "both")
    assert 'data-quiz-only="pre"' in both and "<noscript>" not in both
    assert "data-quiz-data" not in both  # each page carries its own
    for mode in ("normal", "pre"):
        expected = render_quiz(quiz, lang, "2026.1", mode)
        if not expected:  # nothing scored: no test before
            continue
        page = script_tag(quiz, script_path(lang, quiz), "modules/m/01-a.html", lang, mode)
        data = page[: page.index("</script>") + len("</script>")]
        side = elements(one_side(both, mode, data))
        assert side == elements(lxml.html.fragment_fromstring(expected)), mode


def test_an_unknown_mode_is_refused() -> None:
    quiz = next(iter(QUIZZES.values()))
    with pytest.raises(ValueError, match="quiz mode 'post' is not one of normal, pre, both"):
        render_quiz(quiz, "ru", "1", "post")


def test_the_script_hands_core_js_the_form_as_written() -> None:
    node = node_executable()
    if node is None:
        pytest.fail("node is not installed (make deps installs it into .venv)")
    form = '<form data-x="a\\b">`${not a placeholder}` \r\n \u2028 «ё» \\` $ {x}</form>'
    script = script_text(form)
    assert script.startswith(f"{WRITER}(document.currentScript,`")
    harness = (
        "const window = {aci: {quizForm: (tag, html) => process.stdout.write("
        "JSON.stringify([tag, html]))}};\n"
        "const document = {currentScript: 'the tag'};\n" + script
    )
    run = subprocess.run(
        [node, "-e", harness], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(run.stdout) == ["the tag", form]


def test_the_tag_is_relative_to_the_page_and_asks_for_the_mode() -> None:
    quiz = QUIZZES["foster-care/check"]
    path = script_path("be", quiz)
    assert path == "assets/javascripts/quiz/be/foster-care/check.js"
    lesson = script_tag(quiz, path, "be/modules/foster-care/03-a.html", "be", "normal")
    data = f'<script type="application/json" data-quiz-data>{quiz_data(quiz, "be", "normal")}'
    assert lesson.startswith(
        f"{data}</script>\n"
        '<script src="../../../assets/javascripts/quiz/be/foster-care/check.js"></script>\n'
    )
    pretest = script_tag(quiz, path, "be/modules/foster-care/pretest.html", "be", "pre")
    data = f'<script type="application/json" data-quiz-data>{quiz_data(quiz, "be", "pre")}'
    assert pretest.startswith(
        f"{data}</script>\n"
        '<script src="../../../assets/javascripts/quiz/be/foster-care/check.js"'
        ' data-quiz-mode="pre"></script>\n<noscript><p class="aci-quiz__noscript" lang="be">'
    )
