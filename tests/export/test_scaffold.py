"""make module ID=<id>: a scaffold that builds strictly at once and lists what is to write."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from aci_course.cli import cli
from tests.conftest import DEFAULT_PLUGINS, Project
from tests.quality.test_spelling import DICTIONARIES, prose

PLUGINS = [*DEFAULT_PLUGINS, "aci-quiz"]
ROOT = Path(__file__).resolve().parents[2]


def new_module(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--root", str(root), "new-module", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def course(make_project) -> Project:  # type: ignore[no-untyped-def]
    project: Project = make_project(plugins=PLUGINS)
    project.module("care", {lang: ["01-a.md"] for lang in ("ru", "be", "en")}, order=4)
    return project


def test_scaffold_builds_strictly_and_lists_drafts(course: Project) -> None:
    status, out, err = new_module(course.root, "family-contact")
    assert status == 0, err
    assert "wrote modules/family-contact/module.yml\n" in out
    assert out.endswith(
        "next: write the lessons in modules/family-contact/, then run `make site`\n"
    )
    for lang in ("ru", "be", "en"):
        for name in ("01-introduction.md", "02-check.md"):
            assert (course.root / f"modules/family-contact/{lang}/{name}").is_file()
        plan = course.root / f"modules/family-contact/facilitator/{lang}/session-plan.md"
        text = plan.read_text(encoding="utf-8")
        for anchor in ("objectives", "agenda", "methods", "materials", "preparation", "evaluation"):
            assert f"{{#{anchor}}}" in text
        minutes = [
            int(line.split("|")[1])
            for line in text.splitlines()
            if line.startswith("| ") and line.split("|")[1].strip().isdigit()
        ]
        assert sum(minutes) == 90  # duration_minutes of the scaffold's module.yml
    assert "order: 5\n" in (course.root / "modules/family-contact/module.yml").read_text()
    assert (course.root / "quizzes/family-contact.yml").is_file()

    result = course.build()
    assert result.returncode == 0, result.stderr
    page = course.html("en/modules/family-contact/02-check.html")
    assert '<script src="../../../assets/javascripts/quiz/en/family-contact/check-1.js">' in page
    form = course.html("assets/javascripts/quiz/en/family-contact/check-1.js")
    assert 'data-quiz="family-contact/check-1"' in form
    rows = {
        line.split()[2]: line.split(None, 3)[3]
        for line in result.stderr.splitlines()
        if line.startswith("INFO    -  ") and len(line.split()) > 3
    }
    to_write = "2/2 ok, to write: 01-introduction, 02-check"
    assert rows["family-contact"].split("  ")[0] == to_write
    assert rows["family-contact"].count(to_write) == 3  # every language
    assert "to write" not in rows["care"]


@pytest.mark.parametrize("lang", sorted(DICTIONARIES))
def test_placeholder_text_passes_the_spelling_test(tmp_path: Path, lang: str) -> None:
    if shutil.which("hunspell") is None:
        pytest.skip("hunspell not installed")
    root = tmp_path / "course"
    (root / "modules").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(
        'site_name: X\nextra: {course_version: "1"}\n', encoding="utf-8"
    )
    assert new_module(root, "family-contact")[0] == 0
    texts = sorted((root / "modules/family-contact").glob(f"**/{lang}/*.md"))
    assert len(texts) == 3
    wordlist = str(ROOT / "spelling" / f"{lang}.txt")
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARIES[lang], "-p", wordlist, "-i", "utf-8", "-l"],
        input="\n".join(prose(p.read_text(encoding="utf-8")) for p in texts),
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


@pytest.mark.parametrize(
    ("module_id", "message"),
    [
        (
            "Family Contact",
            'Error: "Family Contact" is not a module id - use lowercase ASCII letters, digits '
            "and single hyphens, at most 60 characters, e.g. family-contact\n",
        ),
        (
            "семья",
            'Error: "семья" is not a module id - use lowercase ASCII letters, digits '
            "and single hyphens, at most 60 characters, e.g. family-contact\n",
        ),
        (
            "care",
            "Error: modules/care already exists - choose another id, or edit that module\n",
        ),
    ],
)
def test_bad_or_taken_id_is_one_line(course: Project, module_id: str, message: str) -> None:
    status, out, err = new_module(course.root, module_id)
    assert (status, out, err) == (1, "", message)
    assert not list((course.root / "modules").glob(".*"))


def test_unknown_track_and_missing_id(course: Project) -> None:
    status, _, err = new_module(course.root, "x", "--track", "cooking")
    assert status == 2
    assert err.startswith("Error: Invalid value for '--track': 'cooking' is not one of ")
    assert new_module(course.root)[2] == ("Error: Missing argument 'ID' - see aci-course --help\n")
