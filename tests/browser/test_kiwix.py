"""The course inside Kiwix: kiwix-serve serves the English ZIM on 127.0.0.1.

A lesson opens, its quiz is taken and its result is kept after a reload, with no
request to another host, no service worker, and storage keys carrying the ZIM's
name; Kiwix's own full-text search finds lessons.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from aci_course.cli import cli
from aci_course.export.project import course_version
from tests.browser.conftest import ROOT, Browse, _missing_browser, _new_browse
from tests.browser.test_progress import states
from tests.browser.test_quiz import CASES, fill_in
from tests.sitecheck import repo_site

pytestmark = pytest.mark.browser

LANG = "en"
BOOK = f"aci-course-{LANG}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def kiwix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``http://127.0.0.1:<port>/aci-course-en/`` served by kiwix-serve from a fresh ZIM."""
    for tool, package in (("kiwix-serve", "kiwix-tools"), ("zimwriterfs", "zim-tools")):
        if shutil.which(tool) is None:
            _missing_browser(f"{tool} not found - apt-get install {package}")
    site = repo_site(tmp_path_factory.mktemp("kiwix") / "site")
    out = tmp_path_factory.mktemp("zim")
    result = CliRunner().invoke(
        cli, ["--root", str(ROOT), "zim", "--site", str(site), "--out", str(out), "--lang", LANG]
    )
    assert result.exit_code == 0, result.stderr
    port = _free_port()
    server = subprocess.Popen(
        ["kiwix-serve", "--address=127.0.0.1", f"--port={port}", str(out / f"{BOOK}.zim")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/{BOOK}/"
    try:
        deadline = time.monotonic() + 30
        while not _answers(base + f"{LANG}/index.html"):  # waits for the server, not a time
            assert server.poll() is None, "kiwix-serve stopped"
            assert time.monotonic() < deadline, "kiwix-serve did not answer in 30 s"
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def browse(chromium: object, kiwix: str) -> Iterator[Browse]:
    # Service workers allowed: the test checks that none registers.
    browse = _new_browse(chromium, kiwix, service_workers="allow")
    yield browse
    browse.page.context.close()


def test_quiz_result_kept_after_reload(browse: Browse) -> None:
    case = CASES[0]
    quiz = case.quiz
    page = browse.goto(case.page, LANG)
    assert page.locator("html").get_attribute("data-aci-storage-scope") == "aci-course_en"
    form = page.locator(f'form[data-quiz="{quiz.full_id}"]')
    assert form.get_attribute("data-quiz-ready") == "true"
    fill_in(form, quiz, LANG, right=True)
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-quiz-state") == "passed"

    page.reload()
    page.wait_for_load_state("load")
    assert form.get_attribute("data-quiz-state") == "passed"
    assert form.locator("[data-quiz-retry]").is_visible()

    keys = page.evaluate("Object.keys(localStorage)")
    version = course_version(ROOT)
    assert f"aci:{version}/aci-course_en:quiz:{quiz.full_id}" in keys
    assert f"aci:{version}:quiz:{quiz.full_id}" not in keys  # the site's own key stays free
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0

    page = browse.goto("progress.html", LANG)  # progress follows, under the ZIM's key
    state = page.locator(f'[data-progress-module="{quiz.module}"]').get_attribute("data-state")
    assert state in {"in-progress", "completed"}
    assert f"aci:{version}/aci-course_en:progress" in page.evaluate("Object.keys(localStorage)")
    browse.assert_clean()


def test_progress_of_another_zim_is_not_carried_over(browse: Browse) -> None:
    case = CASES[0]
    page = browse.goto("index.html", LANG)
    other = {
        "v": 1,
        "learner": "another-zim",
        "saved": "2025-05-01T10:00:00.000Z",
        "lessons": {},
        "quizzes": {case.quiz.full_id: {"attempts": 1, "best": 1, "passed": True}},
        "last": None,
    }
    page.evaluate(
        "old => { localStorage.setItem('aci:2025.1/aci-course_be:progress', JSON.stringify(old));"
        " localStorage.setItem('aci:2025.1:progress', JSON.stringify(old)); }",
        other,
    )
    page = browse.goto("progress.html", LANG)
    assert set(states(page).values()) == {"not-started"}
    # The same ZIM's record of an older course version does carry over.
    page.evaluate(
        "old => { localStorage.clear();"
        " localStorage.setItem('aci:2025.1/aci-course_en:progress', JSON.stringify(old)); }",
        other,
    )
    page = browse.goto("progress.html", LANG)
    assert states(page)[case.quiz.module] == "in-progress"
    browse.assert_clean()


def test_kiwix_search_finds_lessons(kiwix: str) -> None:
    root = kiwix.removesuffix(f"{BOOK}/")
    with urllib.request.urlopen(f"{root}search?content={BOOK}&pattern=foster+care") as reply:
        html = reply.read().decode("utf-8")
    assert f'href="/{BOOK}/{LANG}/modules/foster-care/' in html


def test_navigation_and_present_mode(browse: Browse) -> None:
    page = browse.goto(CASES[0].page, LANG)
    link = page.locator("a.md-footer__link--next")
    target = link.get_attribute("href")
    assert target
    link.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(browse.base + LANG + "/")  # still inside the ZIM
    assert page.locator("article h1").count() == 1

    page.locator("[data-present]").click()
    position = page.locator("[data-present-position]")
    assert (position.inner_text() or "").startswith("1 / ")
    page.keyboard.press("ArrowRight")
    assert (position.inner_text() or "").startswith("2 / ")
    page.keyboard.press("Escape")
    assert page.locator("[data-present-dialog]").is_hidden()
    browse.assert_clean()
