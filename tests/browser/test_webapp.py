"""The installable web app: offline over localhost, fresh after a rebuild, silent over file://."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from aci_course import LANGUAGES
from aci_course.course.modules import load_modules
from aci_course.progress import webapp
from tests.browser.conftest import ROOT, SUBPATH, _SubpathHandler
from tests.repo_config import course_version

pytestmark = pytest.mark.browser

FIRST = load_modules(ROOT, LANGUAGES)[0]
LESSON = f"modules/{FIRST.id}/{FIRST.lessons[0].slug}.html"
READY = "navigator.serviceWorker.controller !== null"
MARKER = "Абзац после пересборки"


def wait_controlled(page: Any) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(READY, timeout=30_000)


def test_a_lesson_opens_with_the_network_off(new_browse: Any, http_base: str) -> None:
    browse = new_browse(base=http_base, service_workers="allow")
    page = browse.goto("index.html")
    assert page.locator('link[rel="manifest"]').get_attribute("href", timeout=5000)
    wait_controlled(page)
    page.context.set_offline(True)
    page = browse.goto(LESSON)
    assert (page.locator("h1").first.text_content() or "").startswith(FIRST.lessons[0].title("ru"))
    assert page.locator("[data-lesson-done]").is_visible()
    page.context.set_offline(False)
    browse.assert_clean()


def test_nothing_changes_over_file(new_browse: Any) -> None:
    browse = new_browse()
    page = browse.goto(LESSON)
    assert page.locator('link[rel="manifest"]').count() == 0
    assert (
        page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    )
    browse.assert_clean()


@pytest.fixture
def copied_site(built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the built course, served under /course/ on its own port (its own origin)."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    handler = functools.partial(_SubpathHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()
    server.server_close()


def test_a_rebuilt_lesson_is_never_served_stale(
    new_browse: Any, copied_site: tuple[Path, str]
) -> None:
    site, base = copied_site
    browse = new_browse(base=base, service_workers="allow")
    page = browse.goto(LESSON)
    wait_controlled(page)
    page.reload()  # now served by the worker, from its cache
    assert MARKER not in (page.locator("article").text_content() or "")
    # A rebuild with a changed lesson, cut to what matters here (a whole second build
    # would double the cost): the lesson's page changes, then the build's last step
    # (plugin aci-progress) writes the service workers again.
    lesson = site / LESSON
    html = lesson.read_text("utf-8").replace("</article>", f"<p>{MARKER}</p></article>", 1)
    lesson.write_text(html, "utf-8")
    webapp.write_service_workers(ROOT, site, course_version())
    page.reload()
    page.wait_for_function(
        "text => document.querySelector('article').textContent.includes(text)",
        arg=MARKER,
        timeout=30_000,
    )
    browse.assert_clean()
