"""The course as a reader meets it: every kind of page, the language switch,
the fallback notice and the catalogue filter, from disk and over HTTP."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import Browse
from tests.conftest import Project

pytestmark = pytest.mark.browser

PAGES = [
    "index.html",
    "modules/index.html",
    "modules/inclusive-care-basics/index.html",
    "modules/inclusive-care-basics/01-rights-of-every-child.html",
    "modules/life-skills-first-steps/03-planning-steps.html",
]


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
def test_every_kind_of_page_opens_offline(browse: Browse, lang: str) -> None:
    for path in PAGES:
        page = browse.goto(path, lang)
        assert page.locator("html").get_attribute("lang") == lang, path
        assert page.locator("article h1").first.is_visible(), path
    browse.page.wait_for_timeout(300)  # let late requests (search index, worker) show up
    browse.assert_clean()


def _switch(page: Any, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state("load")


def test_language_switch_keeps_the_page(browse: Browse) -> None:
    lesson = "modules/inclusive-care-basics/01-rights-of-every-child.html"
    page = browse.goto(lesson, "be")
    _switch(page, "en")
    assert page.url.endswith("/en/" + lesson)
    assert page.locator("html").get_attribute("lang") == "en"
    _switch(page, "ru")
    assert re.search(r"/(site|course)/" + re.escape(lesson) + "$", page.url), page.url
    assert page.locator("html").get_attribute("lang") == "ru"
    _switch(page, "be")
    assert page.url.endswith("/be/" + lesson)
    browse.assert_clean()


def test_catalogue_filter_works_by_keyboard(browse: Browse) -> None:
    page = browse.goto("modules/index.html", "en")
    cards = page.locator(".aci-card")
    total = cards.count()
    assert total >= 2
    everyone = page.locator('input[name="aci-audience"][value=""]')
    everyone.focus()
    # Arrow keys move through a radio group until "Adolescents" is checked.
    for _ in range(10):
        if page.locator('input[value="adolescents"]').is_checked():
            break
        page.keyboard.press("ArrowRight")
    assert page.locator('input[value="adolescents"]').is_checked()
    visible = [c for c in cards.all() if c.is_visible()]
    assert 0 < len(visible) < total
    for card in visible:
        assert "adolescents" in (card.get_attribute("data-audience") or "")
    status = page.locator(".aci-filter__status")
    assert status.text_content() == f"Showing {len(visible)} of {total} modules"
    for _ in range(10):  # back to everyone
        if everyone.is_checked():
            break
        page.keyboard.press("ArrowLeft")
    assert everyone.is_checked()
    assert all(c.is_visible() for c in cards.all())
    browse.assert_clean()


def test_catalogue_lists_everything_without_scripts(chromium: Any, file_base: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(file_base + "be/modules/index.html")
    assert page.locator(".aci-filter").is_hidden()
    assert all(card.is_visible() for card in page.locator(".aci-card").all())
    context.close()


def test_fallback_notice_in_readers_language(make_project, new_browse) -> None:  # type: ignore[no-untyped-def]
    project: Project = make_project()
    project.module("demo", {"ru": ["01-a.md", "02-b.md"], "be": ["01-a.md"], "en": ["01-a.md"]})
    result = project.build()
    assert result.returncode == 0, result.stderr
    browse = new_browse(base=(project.root / "site").as_uri() + "/")
    page = browse.goto("modules/demo/02-b.html", "en")
    notice = page.locator(".aci-fallback")
    assert notice.is_visible()
    assert "has not been translated into English" in (notice.text_content() or "")
    notice.locator("a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/site/modules/demo/02-b.html")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator(".aci-fallback").count() == 0
