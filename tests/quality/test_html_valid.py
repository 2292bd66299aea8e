"""Every built page passes the Nu HTML Checker (vnu.jar from npm's vnu-jar), errors only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from aci_course.quality.valid_html import repair
from tests.repo_config import ROOT
from tests.sitecheck import edition_sites, repo_site

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _unavailable(reason: str) -> None:
    """Fail in CI, skip loudly elsewhere (as the browser tests do)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"HTML check cannot run in CI: {reason}")
    pytest.skip(f"HTML CHECK SKIPPED: {reason}")


def check_html(folder: Path) -> list[dict[str, object]]:
    """The checker's error messages for every HTML file under ``folder``."""
    java = shutil.which("java")
    if java is None:
        _unavailable("java not found - apt-get install default-jre-headless")
    if not VNU.is_file():
        _unavailable(f"{VNU.relative_to(ROOT)} not found - make deps (npm ci)")
    result = subprocess.run(
        [
            str(java),
            "-jar",
            str(VNU),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    report = json.loads(result.stderr or '{"messages": []}')
    messages: list[dict[str, object]] = report["messages"]
    return messages


def describe(message: dict[str, object], site: Path) -> str:
    url = str(message.get("url", "")).removeprefix("file:")
    where = os.path.relpath(url, site) if url.startswith("/") else url
    return f"{where}:{message.get('lastLine')}: {message.get('type')}: {message.get('message')}"


def test_every_page_is_valid_html(tmp_path_factory: pytest.TempPathFactory) -> None:
    site = repo_site(tmp_path_factory.mktemp("vnu") / "site")
    messages = check_html(site)
    errors = [describe(m, site) for m in messages]
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors[:100])


def test_checker_reports_errors(tmp_path: Path) -> None:
    """The check itself works: a broken page is reported."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body>'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off"><p><div>block in p</div><span id="a"></span><span id="a"></span>'
        "</body></html>",
        encoding="utf-8",
    )
    texts = " | ".join(str(m["message"]) for m in check_html(tmp_path))
    assert "Duplicate ID “a”" in texts
    assert "“autocomplete” is only allowed" in texts


def test_empty_tabindex_is_dropped_and_others_kept() -> None:
    assert repair('<label class="md-nav__link" for="n" tabindex="">x</label>') == (
        '<label class="md-nav__link" for="n">x</label>'
    )
    kept = '<label for="n" tabindex="0">x</label><code>tabindex=""</code>'
    assert repair(kept) == kept


def test_toggle_autocomplete_is_dropped_and_the_search_box_keeps_its_own() -> None:
    toggle = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">'
    )
    assert repair(toggle) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
    )
    query = '<input type="text" class="md-search__input" autocomplete="off" required>'
    assert repair(query) == query


def test_facilitator_pages_are_valid_html(tmp_path_factory: pytest.TempPathFactory) -> None:
    """What only the facilitator edition has: plans, answer keys, trainer pages, notes."""
    _, _, site = edition_sites(tmp_path_factory.mktemp("editions") / "course")
    chosen = tmp_path_factory.mktemp("vnu-facilitator")
    patterns = ("**/session-plan.html", "**/answer-key.html", "**/facilitator/*.html", "index.html")
    pages = {page for pattern in patterns for page in site.glob(pattern)}
    pages |= {sorted((site / "modules").glob("*/0*.html"))[0]}  # a lesson with trainer notes
    for page in pages:
        target = chosen / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, target)
    errors = [describe(m, chosen) for m in check_html(chosen)]
    assert len(pages) > 15
    assert errors == [], "\n".join(errors)
