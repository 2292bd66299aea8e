"""The installable web app: offline over localhost, fresh after a rebuild, silent over file://."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from aci_course.course.modules import load_modules
from tests.browser.conftest import ROOT, SUBPATH, _SubpathHandler

pytestmark = pytest.mark.browser

FIRST = load_modules(ROOT)[0]
LESSON = f"modules/{FIRST.id}/{FIRST.lessons[0].slug}.html"
READY = "navigator.serviceWorker.controller !== null"
MARKER = "Абзац после пересборки"


def wait_controlled(page: Any) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(READY, timeout=30_000)


def test_a_lesson_opens_with_the_network_off(new_browse: Any, http_base: str) -> None:
    browse = new_browse(base=http_base)
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


def _build(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture
def copied_course(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the course, built and served under /course/ on its own port."""
    for name in ("docs", "modules", "quizzes", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    _build(tmp_path)
    handler = functools.partial(_SubpathHandler, directory=str(tmp_path / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()
    server.server_close()


def test_a_rebuilt_lesson_is_never_served_stale(
    new_browse: Any, copied_course: tuple[Path, str]
) -> None:
    project, base = copied_course
    browse = new_browse(base=base)
    page = browse.goto(LESSON)
    wait_controlled(page)
    page.reload()  # now served by the worker, from its cache
    assert MARKER not in (page.locator("article").text_content() or "")
    lesson = project / "modules" / FIRST.id / "ru" / FIRST.lessons[0].name
    lesson.write_text(lesson.read_text("utf-8") + f"\n{MARKER}.\n", encoding="utf-8")
    _build(project)
    page.reload()
    page.wait_for_function(
        "text => document.querySelector('article').textContent.includes(text)",
        arg=MARKER,
        timeout=30_000,
    )
    browse.assert_clean()
