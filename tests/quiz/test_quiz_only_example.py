"""examples/quiz-only: the quiz plugin in a MkDocs + Material site with nothing else of ours."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import yaml

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "quiz-only"


def build_example(site: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` run in the example's folder, output in ``site``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=EXAMPLE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_package_registers_its_plugins() -> None:
    names = {entry.name for entry in entry_points(group="mkdocs.plugins")}
    assert {
        "aci-course",
        "aci-quality",
        "aci-search",
        "aci-quiz",
        "aci-progress",
        "aci-editions",
    } <= names


def test_example_uses_only_search_and_the_quiz_plugin() -> None:
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search", "aci-quiz"]
    assert "custom_dir" not in config["theme"]
    assert not {"hooks", "extra_css", "extra_javascript"} & set(config)
    built = {"site", ".cache", ".gitignore"}  # what a build leaves (.cache: kept quiz forms)
    assert sorted(p.name for p in EXAMPLE.iterdir() if p.name not in built) == [
        "docs",
        "mkdocs.yml",
        "quizzes",
    ]


def test_example_builds_with_its_quiz_and_the_quiz_front_end(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_example(site)
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-quiz="rights/check-1"' in page
    assert 'src="assets/javascripts/quiz.js"' in page
    assert 'href="assets/stylesheets/quiz.css"' in page
    assert (site / "assets" / "javascripts" / "quiz.js").is_file()
    assert (site / "assets" / "stylesheets" / "quiz.css").is_file()
    # Nothing of the course came along.
    for course_only in ("progress.html", "modules", "be", "en", "sw.js"):
        assert not (site / course_only).exists(), course_only
    assert "data-aci-lesson" not in page  # no lesson, so no lesson controls are drawn
