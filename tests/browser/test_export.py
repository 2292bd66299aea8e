"""Exports in Chromium: the USB zip opened from disk, a SCORM package in scorm-again."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from aci_course.export.package import build_package
from tests.browser.conftest import Browse

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped_package(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The USB zip of the real course, unzipped into another folder."""
    dist = tmp_path_factory.mktemp("dist")
    target = build_package(built_site, dist, "9.9")
    out = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(target) as archive:
        archive.extractall(out)
    return out / "aci-course-9.9"


def test_usb_package_works_from_disk_with_no_network(
    unzipped_package: Path, new_browse: Any
) -> None:
    browse: Browse = new_browse(base=unzipped_package.as_uri() + "/")
    page = browse.goto("index.html")
    assert page.locator("h1").count() >= 1
    for lang in ("ru", "be", "en"):
        page = browse.goto("modules/index.html", lang)
        first = page.locator(".md-content a[href$='/index.html']").first
        first.click()
        page.wait_for_load_state("load")
        assert "/modules/" in page.url
    browse.assert_clean()
    files = [url for url in browse.requests if url.startswith("file:")]
    assert all(url.startswith(unzipped_package.as_uri()) for url in files)
