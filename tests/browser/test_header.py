"""The header on a phone: the drawer after going Back, the title, the text-size control."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from aci_course.core.texts import t
from tests.browser.conftest import Browse

pytestmark = pytest.mark.browser

LESSON = "modules/inclusive-care-basics/01-rights-of-every-child.html"
PHONE = {"width": 360, "height": 740}


def test_drawer_is_closed_after_going_back(browse: Browse) -> None:
    page = browse.page
    page.set_viewport_size(PHONE)
    browse.goto(LESSON, "ru")
    page.locator('label.md-header__button[for="__drawer"]').click()
    assert page.locator("#__drawer").is_checked()
    page.wait_for_timeout(400)  # the drawer slides in; a moving link cannot be clicked
    page.locator('.md-nav--primary a.md-nav__link[href="02-welcoming-a-child.html"]').first.click()
    page.wait_for_load_state("load")
    assert not page.url.endswith(LESSON)
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.endswith(LESSON)
    assert not page.locator("#__drawer").is_checked()
    assert not page.locator("#__search").is_checked()
    browse.assert_clean()


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
def test_site_title_reads_in_full_on_a_phone(new_browse: Callable[..., Browse], lang: str) -> None:
    browse = new_browse(viewport=PHONE)
    page = browse.goto(LESSON, lang)
    title = page.locator(".md-header__title .md-header__topic:first-child .md-ellipsis")
    sizes = title.evaluate(
        "e => ({sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight})"
    )
    assert sizes["sw"] <= sizes["cw"], f"title cut sideways: {sizes}"
    assert sizes["sh"] <= sizes["ch"], f"title cut below: {sizes}"
    header = page.locator(".md-header").bounding_box()
    box = title.bounding_box()
    assert header is not None and box is not None
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"]
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the header makes the page scroll sideways: {widths}"
    # The three steps live behind one button; the toggle shows in their place.
    assert page.locator(".aci-text-size").is_hidden()
    assert page.locator(".aci-text-size-menu__toggle").is_visible()
    browse.assert_clean()


def test_text_size_menu_works_by_keyboard_on_a_phone(new_browse: Callable[..., Browse]) -> None:
    browse = new_browse(viewport=PHONE)
    page = browse.goto(LESSON, "be")
    toggle = page.locator(".aci-text-size-menu__toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "aci-text-size"
    assert t("a11y.text-size", "be") in (toggle.text_content() or "")
    normal = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".aci-text-size").is_visible()
    for _ in range(3):  # normal, large, largest
        page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('data-aci-text-size')")
    assert focused == "2"
    page.keyboard.press("Enter")
    largest = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    assert float(largest.removesuffix("px")) > float(normal.removesuffix("px"))
    assert page.locator("button[data-aci-text-size='2']").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.locator(".aci-text-size").is_hidden()
    assert page.evaluate(
        "() => document.activeElement.classList.contains('aci-text-size-menu__toggle')"
    )
    browse.assert_clean()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_contents_and_footer_are_drawn_from_the_page(browse: Browse, lang: str) -> None:
    """The app shell draws the table of contents from the article's headings and the
    footer's links from the navigation (issue 22); Material's bundle binds to both."""
    page = browse.goto(LESSON, lang)
    toc = page.locator('.md-nav--primary .md-nav__item--active [data-md-component="toc"]')
    headings = page.locator("article h2[id]").evaluate_all(
        "hs => hs.filter(h => !h.closest('[data-plain], form')).map(h => '#' + h.id)"
    )
    links = toc.locator(":scope > li > a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert links == headings and len(links) > 2
    # Material's scroll spy marks the entries read past once the reader scrolls down.
    page.locator(f'article h2[id="{headings[-1][1:]}"]').scroll_into_view_if_needed()
    toc.locator(".md-nav__link--passed").first.wait_for(state="attached")
    # The previous page is the module's overview, the next its second lesson.
    prev = page.locator("footer .md-footer__link--prev")
    after = page.locator("footer .md-footer__link--next")
    assert prev.get_attribute("href") == "index.html"
    assert after.get_attribute("href") == "02-welcoming-a-child.html"
    after.click()
    page.wait_for_url("**/02-welcoming-a-child.html")
    browse.assert_clean()
