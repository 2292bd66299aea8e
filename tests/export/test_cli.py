"""The aci-course command: every mistake a user can make is one line and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from aci_course.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def course(tmp_path: Path, *, version: str = '"2026.1"', site: bool = True) -> Path:
    root = tmp_path / "course"
    root.mkdir()
    (root / "mkdocs.yml").write_text(
        "site_name: X\n"
        "markdown_extensions:\n"
        "  - toc:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
        "        kwds: {case: lower}\n"
        f"extra:\n  course_version: {version}\n",
        encoding="utf-8",
    )
    if site:
        (root / "site").mkdir()
        (root / "site" / "index.html").write_text("<p>home</p>", encoding="utf-8")
    return root


def test_help_lists_the_verbs() -> None:
    status, out, _ = run("--help")
    assert status == 0
    for verb in ("package", "scorm", "quiz-bank", "new-module"):
        assert verb in out


def test_unknown_verb_is_one_line() -> None:
    status, out, err = run("publish")
    assert status == 2
    assert out == ""
    assert err == "Error: No such command 'publish' - see aci-course --help\n"


def test_unknown_option_is_one_line(tmp_path: Path) -> None:
    status, _, err = run("--root", str(course(tmp_path)), "package", "--zip")
    assert status == 2
    assert err == "Error: No such option '--zip' - see aci-course --help\n"


def test_package_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    root = course(tmp_path, site=False)
    status, out, err = run("--root", str(root), "package")
    assert status == 1
    assert out == ""
    assert err == f"Error: {root / 'site'}: no built site here - run `make site` first\n"


def test_missing_course_version_is_an_author_error(tmp_path: Path) -> None:
    root = course(tmp_path, version='""')
    status, _, err = run("--root", str(root), "package")
    assert status == 1
    assert err == (
        "Error: mkdocs.yml: extra.course_version is missing - "
        'add it, e.g. extra: {course_version: "2026.1"}\n'
    )


def test_outside_a_course_folder(tmp_path: Path) -> None:
    status, _, err = run("--root", str(tmp_path), "package")
    assert status == 1
    where = tmp_path / "mkdocs.yml"
    assert err == f"Error: {where}: not found - run aci-course from the course folder\n"


def test_unwritable_dist_is_one_line(tmp_path: Path) -> None:
    root = course(tmp_path)
    (root / "dist").write_text("a file where the folder should be", encoding="utf-8")
    status, _, err = run("--root", str(root), "package")
    assert status == 1
    assert err.startswith(f"Error: {root / 'dist'}: ")
    assert err.endswith(" - check the path and its permissions\n")
    assert err.count("\n") == 1
