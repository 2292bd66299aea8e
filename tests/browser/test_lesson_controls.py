"""A lesson's controls are drawn by its scripts, where the contract expects them.

Issue 22: Present, Listen, the plain-language switch and "lesson done" did nothing
without scripts, so no page carries them as HTML; aci.js, plain.js and
progress-lesson.js draw them from the language's interface texts (texts/<lang>.js)
and the lesson's id on core.js. Their behaviour is tested with each feature
(test_present, test_listen, test_plain, test_progress); here: the place, markup,
roles and texts, and nothing for a reader without scripts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aci_course.core.texts import t
from tests.browser.conftest import Browse

pytestmark = pytest.mark.browser

LESSON = "modules/staying-safe/01-relationships-and-consent.html"  # with a plain version
CONTROLS = "[data-present], [data-listen-box], [data-plain-toggle], [data-lesson-done]"

# The article's controls as the page has them once drawn: for each, its place and markup.
LAYOUT = """() => {
  const article = document.querySelector(".md-content article");
  const kids = Array.from(article.children);
  const describe = (node) => node && {
    tag: node.tagName.toLowerCase(),
    attributes: Object.fromEntries(Array.from(node.attributes, a => [a.name, a.value])),
    text: node.textContent.trim(),
    children: Array.from(node.children, child => ({
      tag: child.tagName.toLowerCase(),
      attributes: Object.fromEntries(Array.from(child.attributes, a => [a.name, a.value])),
      text: child.textContent.trim(),
    })),
  };
  const section = article.querySelector("section[data-plain]");
  return {
    first: describe(kids[0]),
    second: describe(kids[1]),
    third: kids[2].tagName.toLowerCase(),
    beforePlain: describe(section.previousElementSibling),
    afterTitle: section.previousElementSibling.previousElementSibling.tagName.toLowerCase(),
    last: describe(kids[kids.length - 1]),
  };
}"""


def layout(page: Any) -> dict[str, Any]:
    for selector in ("[data-present]", "[data-plain-toggle]", "[data-lesson-done]"):
        page.locator(selector).wait_for(state="visible")
    return dict(page.evaluate(LAYOUT))


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_the_controls_are_drawn_in_their_places(browse: Browse, lang: str) -> None:
    page = browse.goto(LESSON, lang)
    found = layout(page)
    # Before the title: Present, then the read-aloud box.
    assert found["first"]["attributes"] == {"class": "aci-present-start", "data-search-exclude": ""}
    assert found["first"]["children"] == [
        {
            "tag": "button",
            "attributes": {
                "type": "button",
                "class": "md-button aci-present-button",
                "data-present": "",
                "data-aci-ready": "",
            },
            "text": t("present.start", lang),
        }
    ]
    box = found["second"]
    assert {k: v for k, v in box["attributes"].items() if k != "hidden"} == {
        "class": "aci-listen",
        "data-listen-box": "",
        "data-search-exclude": "",
        "role": "region",
        "aria-label": t("listen.box", lang),
        "data-aci-ready": "",
    }
    starts = [c for c in box["children"] if c["tag"] == "button"]
    assert [c["text"] for c in starts] == [t("listen.start", lang)] + (
        [t("listen.use-russian", lang)] if lang == "be" else []
    )
    assert "data-listen" in starts[0]["attributes"]
    assert lang == "ru" or starts[1]["attributes"]["data-listen-fallback"] == "ru"
    status = box["children"][-1]["attributes"]
    assert status == {
        "class": "aci-sr-only",
        "data-listen-status": "",
        "role": "status",
        "aria-live": "polite",
    }
    assert found["third"] == "h1"
    # Right after the title, above the plain version: its switch.
    assert found["afterTitle"] == "h1"
    bar = found["beforePlain"]
    assert bar["attributes"] == {"class": "aci-plain-bar", "data-search-exclude": ""}
    [switch] = bar["children"]
    assert switch["attributes"] == {
        "type": "button",
        "class": "md-button aci-plain-toggle",
        "data-plain-toggle": "",
        "aria-pressed": "false",
        "data-plain-ready": "",
    }
    assert switch["text"] == t("plain.toggle", lang)
    # At the end of the article: "lesson done" and its storage notice (hidden: kept).
    done = found["last"]
    assert done["attributes"] == {
        "class": "aci-lesson-done",
        "data-progress-lesson": "staying-safe/01-relationships-and-consent",
        "data-search-exclude": "",
    }
    button, notice = done["children"]
    assert button["attributes"] == {
        "type": "button",
        "class": "md-button aci-lesson-done__button",
        "data-lesson-done": "",
        "aria-pressed": "false",
    }
    assert button["text"] == t("progress.lesson-done", lang)
    assert notice["attributes"] == {
        "class": "aci-progress-notice",
        "data-progress-storage-notice": "",
        "role": "status",
        "hidden": "",
    }
    assert notice["text"] == t("progress.no-storage", lang)
    assert page.locator("[data-lesson-done] .aci-lesson-done__mark[aria-hidden=true]").count() == 1
    assert page.locator(CONTROLS).count() == 4  # drawn once, though aci.ready runs twice
    browse.assert_clean()


def test_a_page_that_is_no_lesson_draws_none(browse: Browse) -> None:
    page = browse.goto("modules/staying-safe/index.html", "ru")
    page.locator(".md-content article h1").wait_for()
    page.wait_for_load_state("load")
    assert page.evaluate("window.aci.lesson") == ""
    assert page.locator(CONTROLS).count() == 0
    browse.assert_clean()


def test_without_scripts_a_reader_sees_no_controls(
    new_browse: Callable[..., Browse], built_site: Path
) -> None:
    """They did nothing without scripts: no page has them as HTML, no reader sees them."""
    for lesson in built_site.glob("modules/*/0*.html"):
        html = lesson.read_text("utf-8")
        for marker in ("data-present", "data-listen", "data-plain-toggle", "data-lesson-done"):
            assert marker not in html, (lesson, marker)
    browse = new_browse(java_script_enabled=False)
    page = browse.goto(LESSON, "ru")
    assert page.locator("article h1").is_visible()
    assert page.locator(CONTROLS).count() == 0
    browse.assert_clean()


def test_the_plain_state_keeps_quizzes_figures_and_lesson_done(browse: Browse) -> None:
    """The full lesson is what follows the plain version (no block of it is marked): in
    the plain state only its quizzes, figures and the "lesson done" toggle still show."""
    page = browse.goto("modules/staying-safe/03-health-and-help.html", "ru")
    page.locator("[data-lesson-done]").wait_for(state="visible")
    page.locator("[data-plain-toggle]").click()
    page.wait_for_selector("html[data-aci-plain]", state="attached")
    page.locator("section[data-plain] p").first.wait_for(state="visible")
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll("section[data-plain] ~ *"))
             .filter(node => node.getClientRects().length)
             .map(node => node.getAttribute("data-quiz") ? "quiz"
                  : node.hasAttribute("data-figure") ? "figure" : node.className)"""
    )
    assert "quiz" in shown and "figure" in shown
    assert set(shown) == {"quiz", "figure", "aci-lesson-done"}
    assert page.locator("article > h1").is_visible()
    page.locator("[data-plain-toggle]").click()
    page.wait_for_selector("html:not([data-aci-plain])", state="attached")
    assert page.locator("section[data-plain]").is_hidden()
    assert page.locator("section[data-plain] ~ h2").first.is_visible()
    browse.assert_clean()
