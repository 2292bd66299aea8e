"""SCORM 1.2 packages of the real course: valid manifests, only their module, no way out."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from aci_course import LANGUAGES
from aci_course.cli import cli
from aci_course.course.modules import load_modules
from aci_course.export.project import ExportError
from aci_course.export.scorm import (
    ADLCP,
    IMSCP,
    SCHEMA_DIR,
    SCHEMA_FILES,
    WEB_APP_FILES,
    WEB_APP_SCRIPT,
    _empty_search_index,
    check_contained,
    rewrite_links,
    validate_manifest,
)
from tests.repo_config import ROOT
from tests.sitecheck import repo_site

NS = {"cp": IMSCP}
URL = re.compile(r'\s(?:href|src)="([^"]*)"')


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = repo_site(tmp_path_factory.mktemp("scorm") / "site")
    out = tmp_path_factory.mktemp("dist")
    result = CliRunner().invoke(
        cli, ["--root", str(ROOT), "scorm", "--site", str(site), "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    return out


def test_one_zip_per_module_and_language(packages: Path) -> None:
    expected = {f"{m.id}-{lang}.zip" for m in load_modules(ROOT, LANGUAGES) for lang in LANGUAGES}
    assert {p.name for p in packages.iterdir()} == expected


@pytest.mark.parametrize("module", [m.id for m in load_modules(ROOT, LANGUAGES)])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_package(packages: Path, module: str, lang: str) -> None:
    archive = zipfile.ZipFile(packages / f"{module}-{lang}.zip")
    names = set(archive.namelist())
    data = archive.read("imsmanifest.xml")
    assert validate_manifest(data, ROOT / SCHEMA_DIR) == []
    assert set(SCHEMA_FILES) <= names

    manifest = ET.fromstring(data)
    organizations = manifest.findall("cp:organizations/cp:organization", NS)
    assert len(organizations) == 1
    items = organizations[0].findall("cp:item", NS)
    lessons = next(m for m in load_modules(ROOT, LANGUAGES) if m.id == module).lessons
    assert [i.findtext("cp:title", namespaces=NS) for i in items] == [
        lesson.title(lang) for lesson in lessons
    ]
    resources = {r.get("identifier"): r for r in manifest.iterfind("cp:resources/cp:resource", NS)}
    for item in items:
        sco = resources[item.get("identifierref")]
        assert sco.get(f"{{{ADLCP}}}scormtype") == "sco"
    listed = {f.get("href") for f in manifest.iterfind("cp:resources/cp:resource/cp:file", NS)}
    assert listed == names - {"imsmanifest.xml", *SCHEMA_FILES}  # every file, nothing more

    base = "" if lang == "ru" else f"{lang}/"
    pages = sorted(n for n in names if n.endswith(".html"))
    assert pages == sorted(f"{base}modules/{module}/{lesson.slug}.html" for lesson in lessons)
    assert not [n for n in names if "/modules/" in f"/{n}" and f"modules/{module}/" not in n]
    for page in pages:
        html = archive.read(page).decode()
        for url in URL.findall(html):
            if url.startswith(("#", "http://", "https://", "mailto:", "data:")):
                continue
            target = Path(page).parent.joinpath(url.split("#")[0]).as_posix()
            resolved = str(Path("/", target).resolve())[1:]
            assert resolved in names, f"{page}: {url} leads outside the package"
            assert not resolved.endswith(".html") or resolved == page, f"{page}: {url}"
    assert json.loads(archive.read(f"{base}search/search_index.json"))["docs"] == []
    # No service worker inside an LMS: the package has neither its script nor its runtime.
    assert not [n for n in names if n == WEB_APP_SCRIPT or n.startswith(WEB_APP_FILES)]
    for page in pages:
        assert b"webapp.js" not in archive.read(page)


def test_rewrite_keeps_anchors_files_and_other_hosts() -> None:
    page = "en/modules/m/01-a.html"
    inside = {page, "en/modules/m/02-b.html", "assets/x.css", "modules/m/media/a.pdf"}
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<link rel="next" href="02-b.html"><link rel="stylesheet" href="../../../assets/x.css">'
        '<link rel="icon" href="../../../assets/missing.svg"></head><body>'
        '<a href="#top">t</a><a href="02-b.html" class="n">next</a>'
        '<a href="../../index.html">home</a><a href="https://example.org/">ext</a>'
        '<a href="../../../modules/m/media/a.pdf">pdf</a><a href="01-a.html#s">self</a>'
        "</body></html>"
    )
    assert rewrite_links(html, page, inside) == (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="../../../assets/x.css"></head><body>'
        '<a href="#top">t</a><a class="n">next</a>'
        '<a>home</a><a href="https://example.org/">ext</a>'
        '<a href="../../../modules/m/media/a.pdf">pdf</a><a href="01-a.html#s">self</a>'
        "</body></html>\n"
    )


def test_rewrite_drops_the_web_app_and_keeps_the_text_around_it() -> None:
    page = "be/modules/m/01-a.html"
    html = (
        '<!doctype html><html><head></head><body><p>before<script src="../../../assets/'
        'javascripts/webapp.js"></script> after</p><script src="../../../assets/javascripts/'
        'quiz.js"></script></body></html>'
    )
    assert rewrite_links(html, page, {page}) == (
        "<!doctype html>\n<html><head></head><body><p>before after</p>"
        '<script src="../../../assets/javascripts/quiz.js"></script></body></html>\n'
    )


def test_empty_search_index_keeps_the_configuration() -> None:
    index = {"config": {"lang": ["en"], "separator": "[\\s]+"}, "docs": [{"text": "]}"}]}
    data = json.dumps(index).encode()
    assert json.loads(_empty_search_index(data)) == {"config": index["config"], "docs": []}
    script = _empty_search_index(b"var __index = " + data).decode()
    assert script.startswith("var __index = ")
    assert json.loads(script.removeprefix("var __index = "))["docs"] == []


def test_an_image_of_another_module_is_a_clear_error() -> None:
    with pytest.raises(ExportError) as error:
        check_contained(
            '<img src="../other/media/a.png">', "modules/m/01-a.html", {"modules/m/01-a.html"}
        )
    assert str(error.value) == (
        "modules/m/01-a.html: asks for ../other/media/a.png, which is not part of its module "
        "- keep a module's images in its own media/ folder"
    )


def test_unknown_module_is_one_line(packages: Path) -> None:
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "scorm", "--module", "nope"])
    assert result.exit_code == 1
    known = ", ".join(sorted(m.id for m in load_modules(ROOT, LANGUAGES)))
    assert result.stderr == f'Error: unknown module "nope" - use one of: {known}\n'
