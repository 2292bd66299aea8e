"""Accessibility in Chromium: axe-core finds no WCAG 2.1 A/AA violation, the keyboard suffices.

axe-core comes from npm (node_modules/axe-core, package.json) and is injected into
each page. Every kind of page is checked in every language, in the light and the
dark palette (the reader's system preference): home, catalogue, a module overview,
a lesson, the site pages, a lesson with a quiz before and after checking, and the
search with results. The text-size control, the skip link and a keyboard-only walk
(home -> a lesson -> a quiz -> the other language) are tested on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aci_course import LANGUAGES
from aci_course.core.texts import t
from aci_course.course.modules import load_modules
from tests.browser.conftest import LANG_PREFIX, ROOT, Browse
from tests.repo_config import course_version

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ["light", "dark"]
SITE_PAGES = ["about", "offline", "trainers", "accessibility", "licence", "glossary"]
TEXT_SIZE_KEY = f"aci:{course_version()}:text-size"
REFUSE_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""

NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

MODULES = load_modules(ROOT)
FIRST = MODULES[0]
LESSON = f"modules/{FIRST.id}/{FIRST.lessons[0].slug}.html"


def _quiz_lesson() -> str:
    """The first Russian lesson that embeds a quiz (same path in every language)."""
    for module in MODULES:
        for lesson in module.lessons:
            _, path = lesson.source("ru")
            if "{{ quiz" in path.read_text(encoding="utf-8"):
                return f"modules/{module.id}/{lesson.slug}.html"
    raise AssertionError("no lesson of the course embeds a quiz")


QUIZ_LESSON = _quiz_lesson()
PAGES = [
    "index.html",
    "modules/index.html",
    f"modules/{FIRST.id}/index.html",
    LESSON,
    *(f"{name}.html" for name in SITE_PAGES if (ROOT / "docs" / "ru" / f"{name}.md").is_file()),
]


def axe_violations(page: Any) -> list[str]:
    """WCAG 2.1 A/AA violations on the page as it is now, one line per element."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing - make deps (npm ci)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
        # Colours are judged in their final state, not halfway through a transition.
        page.add_style_tag(content=NO_MOTION)
    violations = page.evaluate(
        """async (tags) => {
            // preload: false - axe would fetch the stylesheets itself, which file:// refuses.
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: tags}, preload: false,
            });
            return result.violations.map(v => ({
                id: v.id, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "")),
            }));
        }""",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['help']}): {node}".replace("\n", " ")
        for v in violations
        for node in v["nodes"]
    ]


def answer_everything(form: Any) -> None:
    """Some answer to every question (right or wrong does not matter here)."""
    for question in form.locator("[data-question]").all():
        for kind in ("radio", "checkbox"):
            first = question.locator(f"input[type={kind}]").first
            if first.count():
                first.check()
        for select in question.locator("select").all():
            select.select_option(index=1)
        for field in question.locator("input[type=text], textarea").all():
            field.fill("x")


def search_word(lang: str) -> str:
    """A word of the first module's title in ``lang``: search finds that module."""
    words = [w for w in re.findall(r"\w+", FIRST.title[lang]) if len(w) >= 5]
    return words[0].lower()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_wcag_violations(new_browse: Callable[..., Browse], lang: str, scheme: str) -> None:
    browse = new_browse(color_scheme=scheme)
    page = browse.page
    found: list[str] = []

    def check(what: str) -> None:
        found.extend(f"{LANG_PREFIX[lang]}{what}: {line}" for line in axe_violations(page))

    for path in PAGES:
        browse.goto(path, lang)
        assert page.locator(".aci-text-size").is_visible(), "the text-size control is hidden"
        check(path)

    browse.goto(QUIZ_LESSON, lang)
    form = page.locator("form[data-quiz]").first
    check(f"{QUIZ_LESSON} (quiz not checked)")
    answer_everything(form)
    form.locator("button[type=submit]").click()
    page.wait_for_selector("form[data-quiz][data-quiz-state]")
    check(f"{QUIZ_LESSON} (quiz checked)")

    page.locator("[data-aci-text-size='2']").click()
    check(f"{QUIZ_LESSON} (largest text)")

    browse.goto("index.html", lang)
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")  # Material's shortcut: opens search, focuses the box
    box.wait_for(state="visible")
    box.press_sequentially(search_word(lang), delay=20)
    box.press("End")  # Material reads the box on keyup (Cyrillic comes without key events)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    check("index.html (search open with results)")

    scheme_now = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert scheme_now == ("slate" if scheme == "dark" else "default")
    assert found == [], f"{len(found)} WCAG violations:\n" + "\n".join(found)
    browse.assert_clean()


# --- text size ------------------------------------------------------------------------------


def root_font_px(page: Any) -> float:
    size = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    return float(size.removesuffix("px"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_size_has_three_steps_and_is_remembered(browse: Browse, lang: str) -> None:
    page = browse.goto(LESSON, lang)
    group = page.locator(".aci-text-size")
    assert group.get_attribute("aria-label") == t("a11y.text-size", lang)
    buttons = group.locator("button")
    assert buttons.count() == 3
    for step in range(3):
        button = buttons.nth(step)
        assert button.get_attribute("title") == t(f"a11y.text-size-{step}", lang)
        assert t(f"a11y.text-size-{step}", lang) in (button.text_content() or "")
    normal = root_font_px(page)
    assert buttons.nth(0).get_attribute("aria-pressed") == "true"

    buttons.nth(1).click()
    large = root_font_px(page)
    buttons.nth(2).click()
    largest = root_font_px(page)
    assert normal < large < largest
    assert [buttons.nth(i).get_attribute("aria-pressed") for i in range(3)] == [
        "false",
        "false",
        "true",
    ]
    assert page.evaluate(f"() => localStorage.getItem({TEXT_SIZE_KEY!r})") == "2"

    page.reload()
    assert root_font_px(page) == largest
    assert page.locator(".aci-text-size button").nth(2).get_attribute("aria-pressed") == "true"
    browse.goto("index.html", lang)  # another page of the site: the same size
    assert root_font_px(page) == largest

    page.locator(".aci-text-size button").nth(0).click()
    assert root_font_px(page) == normal
    assert page.evaluate(f"() => localStorage.getItem({TEXT_SIZE_KEY!r})") is None
    browse.assert_clean()


def test_text_size_works_when_storage_is_refused(new_browse: Callable[..., Browse]) -> None:
    browse = new_browse()
    browse.page.add_init_script(REFUSE_STORAGE)
    page = browse.goto(LESSON, "en")
    normal = root_font_px(page)
    page.locator(".aci-text-size button").nth(1).click()
    assert root_font_px(page) > normal
    assert page.locator(".aci-text-size button").nth(1).get_attribute("aria-pressed") == "true"
    browse.assert_clean()


# --- keyboard -------------------------------------------------------------------------------


def tab_to(page: Any, predicate: str, limit: int = 300) -> None:
    """Press Tab until ``predicate`` (JS taking the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def href_ends(path: str) -> str:
    return f"el && el.getAttribute('href') && el.getAttribute('href').endsWith({path!r})"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_appears_on_focus(browse: Browse, lang: str) -> None:
    page = browse.goto(LESSON, lang)
    skip = page.locator("a.md-skip")
    assert skip.count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('a.md-skip')).opacity === '1'"
    )
    box = skip.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["width"] > 0 and box["height"] > 0
    assert 0 <= box["y"] < viewport["height"] and 0 <= box["x"] < viewport["width"]
    page.keyboard.press("Enter")
    target = (skip.get_attribute("href") or "").split("#")[-1]
    assert page.evaluate("() => decodeURIComponent(location.hash.slice(1))") == target
    browse.assert_clean()


def test_keyboard_only_home_lesson_quiz_language(browse: Browse) -> None:
    page = browse.goto("index.html", "ru")
    module = QUIZ_LESSON.split("/")[1]

    tab_to(page, href_ends("modules/index.html"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"modules/index\.html$"))
    tab_to(page, href_ends(f"{module}/index.html"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"{module}/index\.html$"))
    lesson_file = QUIZ_LESSON.rsplit("/", 1)[1]
    tab_to(page, href_ends(lesson_file))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"{re.escape(QUIZ_LESSON)}$"))

    # Answer every question of the first quiz with keys only, then check it.
    tab_to(page, "el && el.closest('form[data-quiz]')")
    for _ in range(200):
        kind = page.evaluate(
            """() => { const el = document.activeElement;
                if (!el || !el.closest('form[data-quiz]')) return 'outside';
                if (el.matches('button[type=submit]')) return 'submit';
                if (el.matches('input[type=radio], input[type=checkbox]')) return 'choice';
                if (el.matches('select')) return 'select';
                if (el.matches('input[type=text], textarea')) return 'text';
                return 'other'; }"""
        )
        if kind == "submit":
            page.keyboard.press("Enter")
            break
        assert kind != "outside", "Tab left the quiz before reaching its button"
        if kind == "choice":
            page.keyboard.press("Space")
        elif kind == "select":
            page.keyboard.press("ArrowDown")
        elif kind == "text":
            page.keyboard.type("x")
        page.keyboard.press("Tab")
    form = page.locator("form[data-quiz]").first
    page.wait_for_selector("form[data-quiz][data-quiz-state]")
    assert form.get_attribute("data-quiz-state") in ("passed", "failed")
    assert (form.locator("[data-quiz-score]").text_content() or "").strip()

    # The same lesson in English, through the language selector.
    tab_to(page, "el && el.getAttribute('hreflang') === 'en'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"en/{re.escape(QUIZ_LESSON)}$"))
    assert page.locator("html").get_attribute("lang") == "en"
    browse.assert_clean()


def test_axe_finds_what_it_should(new_browse: Callable[..., Browse], tmp_path: Path) -> None:
    """The check itself works: a page with known faults gets violations."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html><head><title>x</title></head><body><img src="x.png">'
        '<p style="color:#777;background:#888">low contrast</p></body></html>',
        encoding="utf-8",
    )
    browse = new_browse(base=tmp_path.as_uri() + "/")
    browse.page.goto(bad.as_uri())
    found = " ".join(axe_violations(browse.page))
    assert "image-alt" in found and "html-has-lang" in found and "color-contrast" in found
