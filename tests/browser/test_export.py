"""Exports in Chromium: the USB zip opened from disk, a SCORM package in scorm-again."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from aci_course import LANGUAGES
from aci_course.course.modules import load_modules
from aci_course.export.package import build_package
from aci_course.export.scorm import ADLCP, IMSCP, SCHEMA_DIR, build_module_package
from tests.browser.conftest import ROOT, SUBPATH, Browse, _SubpathHandler
from tests.browser.test_quiz import CASES, fill_in

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


# --- SCORM 1.2 in scorm-again -----------------------------------------------------------------

PLAYER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="scorm12.js"></script>
<script>
  window.API = new Scorm12API({autocommit: false, logLevel: 5});
  var start = new URLSearchParams(location.search).get("start");
  if (start) window.API.loadFromJSON(JSON.parse(start));
</script></head>
<body><iframe id="sco" title="lesson" style="width:100%;height:700px"></iframe>
<script>
  document.getElementById("sco").src = new URLSearchParams(location.search).get("sco");
</script></body></html>
"""


@dataclass
class Lms:
    """scorm-again playing one unzipped package, served over HTTP on 127.0.0.1."""

    base: str
    manifest: ET.Element
    lang: str

    def sco_hrefs(self) -> list[str]:
        ns = {"cp": IMSCP}
        return [
            resource.get("href", "")
            for resource in self.manifest.iterfind("cp:resources/cp:resource", ns)
            if resource.get(f"{{{ADLCP}}}scormtype") == "sco"
        ]

    def launch(self, browse: Browse, href: str, start: str = "") -> Any:
        query = urlencode({"sco": f"pkg/{href}", **({"start": start} if start else {})})
        browse.page.goto(f"{self.base}player.html?{query}")
        browse.page.wait_for_load_state("load")
        frame = browse.page.frame_locator("#sco")
        frame.locator("h1").first.wait_for()
        # scorm.js loads on demand (aci.js, inside a frame): wait until it has started.
        browse.page.wait_for_function("window.API.isInitialized()")
        return frame

    def cmi(self, browse: Browse, element: str) -> Any:
        return browse.page.evaluate(f"window.API.LMSGetValue({element!r})")


@pytest.fixture(scope="module")
def lms(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lms]:
    case = CASES[0]
    module = next(m for m in load_modules(ROOT, LANGUAGES) if m.id == case.quiz.module)
    folder = tmp_path_factory.mktemp("lms")
    target = build_module_package(built_site, module, "en", folder, "9.9", ROOT / SCHEMA_DIR)
    with zipfile.ZipFile(target) as archive:
        archive.extractall(folder / "pkg")
    shutil.copy(ROOT / "node_modules/scorm-again/dist/scorm12.js", folder / "scorm12.js")
    (folder / "player.html").write_text(PLAYER, encoding="utf-8")
    handler = functools.partial(_SubpathHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    manifest = ET.parse(folder / "pkg" / "imsmanifest.xml").getroot()
    yield Lms(f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}", manifest, "en")
    server.shutdown()
    server.server_close()


def lms_browse(new_browse: Any) -> Browse:
    """A browser as a learner's: service workers allowed, every failed response an error.

    Inside an LMS a lesson that registers a service worker asks for a ``sw.js`` the
    package lacks; Chromium logs the 404 as a console error, which fails the test.
    """
    browse: Browse = new_browse(service_workers="allow")
    browse.page.on(
        "response",
        lambda response: (
            browse.errors.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )
    return browse


def test_scorm_quiz_lesson_reports_passed_and_score(lms: Lms, new_browse: Any) -> None:
    case = CASES[0]
    browse = lms_browse(new_browse)
    href = next(h for h in lms.sco_hrefs() if h.endswith(case.page.split("/")[-1]))
    frame = lms.launch(browse, href)
    form = frame.locator(f'form[data-quiz="{case.quiz.full_id}"]')
    assert form.get_attribute("data-quiz-ready") == "true"
    assert browse.page.evaluate("window.API.isInitialized()") is True
    assert lms.cmi(browse, "cmi.core.lesson_status") == "incomplete"
    fill_in(form, case.quiz, lms.lang, right=True)
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-quiz-state") == "passed"
    assert lms.cmi(browse, "cmi.core.lesson_status") == "passed"
    assert lms.cmi(browse, "cmi.core.score.raw") == "100"
    assert lms.cmi(browse, "cmi.core.score.min") == "0"
    assert lms.cmi(browse, "cmi.core.score.max") == "100"
    # The search control is hidden inside the LMS (its results would leave the SCO).
    assert frame.locator('[data-md-component="search"]').is_hidden()

    # Scroll to a heading, then leave: the position is saved and the session finished.
    heading_id = frame.locator(".md-content h2[id]").nth(1).get_attribute("id")
    frame.locator(f'[id="{heading_id}"]').evaluate("h => h.scrollIntoView()")
    browse.page.evaluate("document.getElementById('sco').src = 'about:blank'")
    browse.page.wait_for_function("window.API.isTerminated()")
    location = browse.page.evaluate("window.API.cmi.core.lesson_location")
    assert location == f"#{heading_id}"
    assert len(location) <= 255
    browse.assert_clean()


def test_scorm_resume_and_lesson_without_quiz(lms: Lms, new_browse: Any) -> None:
    first = lms.sco_hrefs()[0]
    browse = lms_browse(new_browse)
    frame = lms.launch(browse, first)
    assert frame.locator("form[data-quiz]").count() == 0
    assert lms.cmi(browse, "cmi.core.lesson_status") == "completed"
    heading_id = frame.locator(".md-content h2[id]").nth(1).get_attribute("id")

    start = json.dumps({"core": {"lesson_location": f"#{heading_id}", "entry": "resume"}})
    again = lms_browse(new_browse)
    frame = lms.launch(again, first, start)
    top = frame.locator(f'[id="{heading_id}"]').evaluate("h => h.getBoundingClientRect().top")
    assert abs(top) < 100  # scrolled back to where the learner left
    browse.assert_clean()
    again.assert_clean()


def test_without_an_lms_the_package_pages_work_as_on_the_site(lms: Lms, new_browse: Any) -> None:
    browse = lms_browse(new_browse)
    href = lms.sco_hrefs()[0]
    page = browse.page
    page.goto(f"{lms.base}pkg/{href}")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__aciScorm") == "undefined"
    assert page.locator('[data-md-component="search"]').is_visible()
    browse.assert_clean()


def test_every_heading_fits_in_lesson_location(built_site: Path) -> None:
    """Resume needs "#<heading id>" within SCORM 1.2's 255 characters, in every lesson."""
    too_long = []
    for page in built_site.rglob("modules/*/*.html"):
        for heading_id in re.findall(r'<h[23] id="([^"]*)"', page.read_text(encoding="utf-8")):
            if len(heading_id) + 1 > 255:
                too_long.append(f"{page}: #{heading_id}")
    assert too_long == []
