"""A quiz's form comes from its own script (aci_course/quiz/scripts.py, core.js aci.quizForm).

In Chromium, the form each lesson and each pre-test page has once its scripts ran is
the one the build renders for that page (``render_quiz`` in mode ``normal`` or
``pre``, what the pages carried before the form moved into a script), for every quiz
of the course; the script's tag is gone, the form is there before quiz.js runs, and
without scripts the page says that the test needs them.
"""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest

from aci_course import LANGUAGES
from aci_course.core.texts import t
from aci_course.quiz.render import render_quiz
from tests.browser.conftest import Browse
from tests.browser.test_quiz import ALL_CASES, CASES, Case

pytestmark = pytest.mark.browser

# What the page holds where a quiz line was, once its scripts ran: the form's HTML as
# the parser made it, before quiz.js (which the page loads last) touches it.
FORM_AS_WRITTEN = """(id) => {
  const form = document.querySelector(`form[data-quiz="${id}"]`);
  return form && form.getAttribute("data-quiz-written");
}"""

# Keeps a copy of each form's HTML the moment it is in the page, before any other
# script (quiz.js, Material's) changes it.
RECORD_FORMS = """
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType === 1 && node.matches("form[data-quiz]")) {
        node.setAttribute("data-quiz-written", node.outerHTML);
      }
    }
  }
}).observe(document, { childList: true, subtree: true });
"""


def canonical(html: str) -> list[str]:
    """A form as a list of its elements (tag, attributes, text), in document order.

    Blank text between elements does not count: where the script leaves out an element
    of the other mode, the blank lines around it stay. An attribute without a value and
    one with an empty value are the same attribute (the browser writes ``hidden=""``).
    The form's own ``<noscript>`` is now beside its script's tag, in the page.
    """
    form = lxml.html.fragment_fromstring(html)
    for element in form.xpath("//noscript"):
        element.drop_tree()
    return [
        f"<{element.tag} {dict(element.attrib)}> {(element.text or '').strip()!r}"
        f" {(element.tail or '').strip()!r}"
        for element in form.iter()
    ]


def pretest_page(case: Case) -> str:
    return f"modules/{case.quiz.module}/pretest.html"


def written_form(browse: Browse, page: str, lang: str, full_id: str) -> tuple[str, Any]:
    opened = browse.goto(page, lang)
    html = opened.evaluate(FORM_AS_WRITTEN, full_id)
    assert html, f"{page} ({lang}): no form {full_id}"
    return html, opened


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lesson_and_pretest_get_the_form_the_build_renders(new_browse: Any, lang: str) -> None:
    browse = new_browse()
    browse.page.add_init_script(RECORD_FORMS)
    for case in ALL_CASES if lang == "ru" else CASES:
        quiz = case.quiz
        pages = [(case.page, "normal")]
        if case.page.startswith(f"modules/{quiz.module}/") and quiz.scored_questions:
            pages.append((pretest_page(case), "pre"))
        for page, mode in pages:
            html, opened = written_form(browse, page, lang, quiz.full_id)
            version = lxml.html.fragment_fromstring(html).get("data-course-version")
            expected = render_quiz(quiz, lang, version, mode)
            assert canonical(html) == canonical(expected), f"{page} ({lang}, {mode})"
            # The tag is gone; the note for readers without scripts follows the form.
            form = opened.locator(f'form[data-quiz="{quiz.full_id}"]')
            assert opened.locator('script[src*="javascripts/quiz/"]').count() == 0
            note = form.locator("xpath=following-sibling::*[1]")
            assert note.evaluate("(n) => n.tagName") == "NOSCRIPT"
            assert form.get_attribute("data-quiz-ready") == "true"  # quiz.js found it
            assert form.locator("[data-quiz-only]").count() == 0
    browse.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_scripts_the_page_says_the_test_needs_them(new_browse: Any, lang: str) -> None:
    browse = new_browse(java_script_enabled=False)
    case = CASES[0]
    for page in (case.page, pretest_page(case)):
        opened = browse.goto(page, lang)
        assert opened.locator("form[data-quiz]").count() == 0
        note = opened.locator(".aci-quiz__noscript")
        assert note.count() == 1
        assert note.is_visible()
        assert note.text_content() == t("quiz.needs-script", lang)
