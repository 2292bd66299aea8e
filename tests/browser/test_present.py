"""Present mode by keyboard, the trainer's notes window, and axe on both editions.

The learner edition is the shared built site (``built_site``); the facilitator edition
is a copy of the course with trainer notes in a lesson (``tests.sitecheck.edition_sites``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aci_course.core.texts import t
from tests.browser.conftest import LANG_PREFIX, Browse
from tests.browser.test_a11y import FIRST, axe_violations
from tests.quality.test_html_valid import check_html, describe
from tests.sitecheck import NOTES, edition_sites

LESSON = f"modules/{FIRST.id}/{FIRST.lessons[0].slug}.html"


@pytest.fixture(scope="module")
def facilitator_base(tmp_path_factory: pytest.TempPathFactory) -> str:
    _, _, site = edition_sites(tmp_path_factory.mktemp("editions") / "course")
    return site.as_uri() + "/"


def position(page: Any) -> str:
    return str(page.locator("[data-present-position]").inner_text())


def sections(page: Any) -> int:
    """Sections of the lesson: what comes before the first h2, then one per h2."""
    return int(page.evaluate("document.querySelectorAll('article h2').length")) + 1


def heading(page: Any, index: int) -> str:
    """The text of the lesson's h2 number ``index`` (Python's indexing), before presenting."""
    texts = page.evaluate(
        "Array.from(document.querySelectorAll('article h2'),"
        " h => h.textContent.replace(/¶$/, '').trim())"
    )
    return str(texts[index])


def shown_section(page: Any) -> str:
    """The section on the screen: its h2, or the heading a continued screen repeats."""
    return str(
        page.locator("[data-present-slide] > h2, [data-present-running]")
        .first.inner_text()
        .replace("¶", "")
        .strip()
    )


def test_present_mode_by_keyboard(browse: Browse) -> None:
    page = browse.goto(LESSON, "en")
    assert sections(page) >= 3
    last = heading(page, -1)
    before = page.locator("article").inner_text()
    button = page.locator("[data-present]")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("[data-present-dialog]")
    assert dialog.get_attribute("role") == "dialog"
    # The position counts screens: one per section at least, more where one continues.
    total = int(position(page).split(" / ")[1])
    assert total >= sections(page)
    assert position(page) == f"1 / {total}"
    announce = page.locator("[data-present-announce]")
    assert announce.get_attribute("aria-live") == "polite"
    assert announce.inner_text() == t("present.position", "en").format(n=1, total=total)
    assert page.evaluate("document.activeElement.hasAttribute('data-present-slide')")
    assert page.locator("[data-present-notes]").count() == 0  # learner edition
    for key, expected in [
        ("ArrowRight", 2),
        ("PageDown", 3),
        ("ArrowLeft", 2),
        ("Space", 3),
        ("PageUp", 2),
        ("ArrowLeft", 1),
        ("ArrowLeft", 1),  # nothing before the first screen
    ]:
        page.keyboard.press(key)
        assert position(page) == f"{expected} / {total}", key
    assert announce.inner_text() == t("present.position", "en").format(n=1, total=total)
    for _ in range(total + 2):
        page.keyboard.press("ArrowRight")
    assert position(page) == f"{total} / {total}"
    # One section at a time: the last screen shows the lesson's last section.
    assert page.locator("[data-present-slide] > h2").count() <= 1
    assert shown_section(page) == last
    page.keyboard.press("Escape")
    assert dialog.count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-present')")
    assert page.locator("article").inner_text() == before  # the lesson is back as it was
    browse.assert_clean()


def test_buttons_work_too_and_a_quiz_stays_usable(new_browse: Callable[..., Browse]) -> None:
    browse = new_browse()
    page = browse.goto(LESSON, "ru")
    page.locator("[data-present]").click()
    page.locator("[data-present-next]").click()
    assert position(page).startswith("2 / ")
    page.locator("[data-present-prev]").click()
    assert position(page).startswith("1 / ")
    assert page.locator("[data-present-prev]").is_disabled()
    page.locator("[data-present-exit]").click()
    assert page.locator("[data-present-dialog]").count() == 0
    browse.assert_clean()


def test_notes_window_follows_in_the_facilitator_edition(
    new_browse: Callable[..., Browse], facilitator_base: str
) -> None:
    browse = new_browse(base=facilitator_base)
    page = browse.goto(LESSON, "en")
    assert page.locator("[data-edition='facilitator']").is_visible()
    assert page.locator("article [data-facilitator]").first.is_visible()
    second = heading(page, 1)
    with page.context.expect_page() as opened:
        page.locator("[data-present]").click()
    notes = opened.value
    assert position(page).startswith("1 / ")
    main = notes.locator("[data-present-notes-window]")
    assert NOTES["en"][0] not in main.inner_text()  # the first note is in the first h2 section
    page.keyboard.press("ArrowRight")
    assert NOTES["en"][0] in main.inner_text()
    assert re.search(r"2 / \d+", main.inner_text())
    # The room's screen never shows the notes.
    assert not page.locator("[data-present-slide] [data-facilitator]").first.is_visible()
    # On to the second section (the first may continue on a further screen).
    while shown_section(page) != second:
        before = position(page)
        page.keyboard.press("ArrowRight")
        assert position(page) != before
    assert NOTES["en"][1] in main.inner_text()
    screen = int(position(page).split(" / ")[0])
    notes.keyboard.press("ArrowLeft")  # a clicker's key while the notes window has focus
    assert position(page).startswith(f"{screen - 1} / ")
    assert page.locator("[data-present-notes]").is_visible()
    page.keyboard.press("Escape")
    if not notes.is_closed():  # closing is reported a moment later
        notes.wait_for_event("close", timeout=5_000)
    browse.assert_clean()


def test_a_blocked_notes_window_is_said_and_the_show_goes_on(
    new_browse: Callable[..., Browse], facilitator_base: str
) -> None:
    browse = new_browse(base=facilitator_base)
    browse.page.add_init_script("window.open = function () { return null; };")
    page = browse.goto(LESSON, "be")
    page.locator("[data-present]").click()
    status = page.locator("[data-present-status]")
    assert status.inner_text() == t("present.notes-blocked", "be")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("ArrowRight")
    assert position(page).startswith("2 / ")
    browse.assert_clean()


def test_axe_and_vnu_on_present_mode_and_the_facilitator_edition(
    new_browse: Callable[..., Browse], facilitator_base: str, tmp_path: Path
) -> None:
    """One language per kind of page keeps this quick; the pages share their templates."""
    found: list[str] = []
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    learner = new_browse()
    page = learner.goto(LESSON, "be")
    page.locator("[data-present]").click()
    # Snapshots before axe adds its own script to the page.
    (snapshots / "learner-present.html").write_text(page.content(), "utf-8")
    found += [f"learner present: {line}" for line in axe_violations(page)]

    browse = new_browse(base=facilitator_base)
    page = browse.page
    for path, lang in [
        (LESSON, "ru"),
        (f"modules/{FIRST.id}/session-plan.html", "en"),
        (f"modules/{FIRST.id}/answer-key.html", "be"),
        ("facilitator/cascade-training.html", "ru"),
    ]:
        browse.goto(path, lang)
        found += [f"{LANG_PREFIX[lang]}{path}: {line}" for line in axe_violations(page)]
    browse.goto(LESSON, "en")
    with page.context.expect_page() as opened:
        page.locator("[data-present]").click()
    page.keyboard.press("ArrowRight")
    (snapshots / "facilitator-present.html").write_text(page.content(), "utf-8")
    (snapshots / "notes-window.html").write_text(opened.value.content(), "utf-8")
    found += [f"facilitator present: {line}" for line in axe_violations(page)]
    found += [f"notes window: {line}" for line in axe_violations(opened.value)]
    assert found == [], "\n".join(found)
    learner.assert_clean()
    browse.assert_clean()
    # The DOM present mode builds passes the HTML checker too (as the pages do).
    errors = [describe(m, snapshots) for m in check_html(snapshots)]
    assert errors == []


def test_facilitator_site_is_built(facilitator_base: str) -> None:
    assert Path(facilitator_base.removeprefix("file://")).is_dir()


def test_a_page_prints_without_navigation_and_with_link_targets(
    new_browse: Callable[..., Browse],
) -> None:
    browse = new_browse()
    page = browse.goto(f"modules/{FIRST.id}/index.html", "en")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    link = page.locator("article a[href$='.html']:not(.md-button)").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert (
        after == f'" (" "{link.get_attribute("href")}" ")"' or link.get_attribute("href") in after
    )
    browse.assert_clean()
