"""The site opens in every language with nothing fetched from other hosts."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Browse

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
def test_home_opens_offline(browse: Browse, lang: str) -> None:
    page = browse.goto("index.html", lang)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.is_visible()
    browse.assert_clean()
