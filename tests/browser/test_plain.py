"""The "Plain language" switch: shows the plain version, and the choice stays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.conftest import Browse
from tests.browser.test_a11y import axe_violations
from tests.quality.test_html_valid import check_html, describe

pytestmark = pytest.mark.browser

FIRST = "modules/staying-safe/01-relationships-and-consent.html"
SECOND = "modules/staying-safe/02-safe-online.html"


def _state(browse: Browse) -> tuple[str | None, bool, bool]:
    """The switch's aria-pressed, and whether the plain version and the full lesson show."""
    page = browse.page
    toggle = page.locator("[data-plain-toggle]")
    toggle.wait_for(state="visible")
    return (
        toggle.get_attribute("aria-pressed"),
        page.locator("section[data-plain]").is_visible(),
        page.locator("article section[data-plain] ~ p").first.is_visible(),
    )


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_choice_persists_across_pages_and_reload(browse: Browse, lang: str) -> None:
    page = browse.goto(FIRST, lang)
    assert _state(browse) == ("false", False, True)
    # Keyboard: the switch is a native button.
    page.locator("[data-plain-toggle]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("html[data-aci-plain]", state="attached")
    assert _state(browse) == ("true", True, False)

    browse.goto(SECOND, lang)
    assert _state(browse) == ("true", True, False)
    page.reload()
    page.wait_for_load_state("load")
    assert _state(browse) == ("true", True, False)

    page.locator("[data-plain-toggle]").click()
    page.wait_for_selector("html:not([data-aci-plain])", state="attached")
    assert _state(browse) == ("false", False, True)
    browse.goto(FIRST, lang)
    assert _state(browse) == ("false", False, True)
    browse.assert_clean()


def test_chosen_before_the_first_paint(browse: Browse) -> None:
    """The first animation frame (rendering runs after it) already has the reader's choice."""
    page = browse.goto(FIRST, "ru")
    page.locator("[data-plain-toggle]").click()
    page.wait_for_selector("html[data-aci-plain]", state="attached")
    page.add_init_script(
        """requestAnimationFrame(() => {
             const root = document.documentElement;
             window.__aciPlainAtFirstFrame = root.hasAttribute("data-aci-plain");
           });"""
    )
    browse.goto(SECOND, "ru")
    page.wait_for_function("window.__aciPlainAtFirstFrame !== undefined")
    assert page.evaluate("window.__aciPlainAtFirstFrame") is True
    browse.assert_clean()


def test_axe_and_vnu_cover_the_switch_in_both_states(
    new_browse: Callable[..., Browse], tmp_path: Path
) -> None:
    """Issue 23: the switch and both versions pass axe (light and dark); the plain state
    passes the HTML checker (the full state is the built page, checked with every page)."""
    found: list[str] = []
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    for scheme in ("light", "dark"):
        browse = new_browse(color_scheme=scheme)
        page = browse.goto(FIRST, "be")
        page.locator("[data-plain-toggle]").click()
        page.wait_for_selector("html[data-aci-plain]", state="attached")
        # The snapshot before axe adds its own script to the page.
        (snapshots / f"plain-{scheme}.html").write_text(page.content(), "utf-8")
        found += [f"plain version, {scheme}: {line}" for line in axe_violations(page)]
        page.locator("[data-plain-toggle]").click()
        page.wait_for_selector("html:not([data-aci-plain])", state="attached")
        found += [f"full lesson, {scheme}: {line}" for line in axe_violations(page)]
        browse.assert_clean()
    assert found == [], "\n".join(found)
    errors = [describe(m, snapshots) for m in check_html(snapshots)]
    assert errors == []
