"""ZIM files for Kiwix: one per language, each passing zimcheck, pages fit for Kiwix."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath

import lxml.etree
import lxml.html
import pytest
from click.testing import CliRunner

from aci_course import LANGUAGES
from aci_course.cli import cli
from aci_course.export.project import ExportError
from aci_course.export.zim import (
    ISO_639_3,
    STORAGE_SCOPE,
    LanguageTexts,
    _belongs,
    metadata,
    rewrite_page,
)
from tests.repo_config import ROOT
from tests.sitecheck import repo_site


def _need(tool: str, package: str) -> None:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found - apt-get install {package} (make zim installs it)")


@pytest.fixture(scope="module")
def zims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for tool, package in (
        ("zimwriterfs", "zim-tools"),
        ("zimcheck", "zim-tools"),
        ("rsvg-convert", "librsvg2-bin"),
    ):
        _need(tool, package)
    site = repo_site(tmp_path_factory.mktemp("zim") / "site")
    out = tmp_path_factory.mktemp("dist")
    result = CliRunner().invoke(
        cli, ["--root", str(ROOT), "zim", "--site", str(site), "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    return out


def test_one_zim_per_language(zims: Path) -> None:
    assert sorted(p.name for p in zims.iterdir()) == sorted(
        f"aci-course-{lang}.zim" for lang in LANGUAGES
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zimcheck_passes(zims: Path, lang: str) -> None:
    result = subprocess.run(
        ["zimcheck", "--all", str(zims / f"aci-course-{lang}.zim")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Overall Test Status: Pass" in result.stdout


def _library(zim: Path, tmp_path: Path) -> dict[str, str]:
    """The book's metadata as kiwix-manage reads it (what Kiwix libraries show)."""
    _need("kiwix-manage", "kiwix-tools")
    library = tmp_path / "library.xml"
    subprocess.run(["kiwix-manage", str(library), "add", str(zim)], check=True)
    book = lxml.etree.parse(str(library)).getroot().find("book")
    assert book is not None
    return dict(book.attrib)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_metadata(zims: Path, lang: str, tmp_path: Path) -> None:
    book = _library(zims / f"aci-course-{lang}.zim", tmp_path)
    assert book["language"] == ISO_639_3[lang]
    assert book["name"] == f"aci-course_{lang}"
    assert book["creator"] == book["publisher"] == "All Children Included"
    assert book["title"] and book["description"] and book["date"]
    assert book["faviconMimeType"] == "image/png"  # the 48x48 illustration
    assert "_ftindex:yes" in book["tags"].split(";")  # Kiwix's own full-text search
    assert "education" in book["tags"].split(";")
    titles = {"ru": "Все дети включены", "be": "Усе дзеці ўключаны", "en": "All Children Included"}
    assert book["title"] == titles[lang]


def _entries(zim: Path) -> list[str]:
    listed = subprocess.run(
        ["zimdump", "list", str(zim)], capture_output=True, text=True, check=True
    )
    return listed.stdout.split()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_language_and_no_web_app(zims: Path, lang: str) -> None:
    entries = _entries(zims / f"aci-course-{lang}.zim")
    html = [e for e in entries if e.endswith(".html")]
    own = f"{lang}/" if lang != "ru" else ""
    assert html and all(e.startswith(own) for e in html)
    for other in LANGUAGES:
        if other not in (lang, "ru"):
            assert not [e for e in entries if e.startswith(f"{other}/")]
    assert "assets/javascripts/quiz.js" in entries  # the shared assets come along
    for absent in ("sw.js", f"{own}sw.js", "assets/javascripts/webapp.js", f"{own}404.html"):
        assert absent not in entries


def test_rewrite_drops_web_app_and_other_languages() -> None:
    page = PurePosixPath("be/modules/m/01-a.html")
    present = {page, PurePosixPath("be/modules/m/02-b.html")}
    html = (
        '<!doctype html><html lang="be"><head>'
        '<link rel="manifest" href="../../manifest.webmanifest"></head><body>'
        '<div class="md-header__option"><div class="md-select"><ul class="md-select__list">'
        '<li class="md-select__item"><a href="../../../modules/m/01-a.html" hreflang="ru"'
        ' class="md-select__link">Русский</a></li>'
        '<li class="md-select__item"><a href="01-a.html" hreflang="be"'
        ' class="md-select__link">Беларуская</a></li></ul></div></div>'
        '<p><a href="02-b.html#x">next</a> <a href="../../../modules/m/01-a.html" hreflang="ru">'
        'original</a> <a href="https://example.org/">out</a></p>'
        '<script src="../../../assets/javascripts/webapp.js"></script>'
        '<script src="../../../assets/javascripts/quiz.js"></script></body></html>'
    )
    doc = lxml.html.document_fromstring(rewrite_page(html, page, present, "aci-course_be"))
    assert doc.get(STORAGE_SCOPE) == "aci-course_be"
    assert [s.get("src") for s in doc.iter("script")] == ["../../../assets/javascripts/quiz.js"]
    assert not doc.xpath("//link[@rel='manifest']")
    assert not doc.find_class("md-select")  # one language left: no selector
    links = {a.text: a.get("href") for a in doc.iter("a")}
    assert links == {"next": "02-b.html#x", "original": None, "out": "https://example.org/"}


@pytest.mark.parametrize(
    ("path", "lang", "kept"),
    [
        ("index.html", "ru", True),
        ("index.html", "be", False),
        ("search/search_index.js", "be", False),
        ("be/search/search_index.js", "be", True),
        ("en/index.html", "be", False),
        ("en/index.html", "ru", False),
        ("assets/javascripts/quiz.js", "en", True),
        ("assets/javascripts/progress-data.ru.js", "en", False),
        ("modules/m/media/a.svg", "be", True),
        ("modules/m/01-a.html", "be", False),
        ("sw.js", "ru", False),
        ("be/sw.js", "be", False),
        ("assets/javascripts/vendor/workbox/workbox-sw.js", "ru", False),
    ],
)
def test_which_files_go_in(path: str, lang: str, kept: bool) -> None:
    assert _belongs(PurePosixPath(path), lang) is kept


def test_missing_site_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--root", str(ROOT), "zim", "--site", str(tmp_path / "nothing")]
    )
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: {tmp_path / 'nothing'}: no built site here - run `make site` first\n"
    )


def test_metadata_over_openzim_limits_is_one_line() -> None:
    long_title = LanguageTexts("A" * 31, "Short.")
    with pytest.raises(ExportError) as error:
        metadata("en", long_title, "Author")
    assert str(error.value) == (
        f"mkdocs.yml: site_name of en ({'A' * 31!r}) must be 1 to 30 characters for a ZIM "
        "file - shorten it in mkdocs.yml (or the profile)"
    )
    meta = metadata("be", LanguageTexts("Title", "Description."), "Author", "aci-course-x")
    assert (meta.name, meta.language, meta.welcome) == ("aci-course-x_be", "bel", "be/index.html")


def test_profile_not_built_is_one_line() -> None:
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "zim", "--profile", "nope"])
    assert result.exit_code == 1
    config = ROOT / "build" / "profile-nope" / "mkdocs.yml"
    assert result.stderr == f"Error: {config}: not found - run make site PROFILE=nope first\n"
