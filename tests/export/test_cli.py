"""The aci-course command: every mistake a user can make is one line and a non-zero exit."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from aci_course.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def course(tmp_path: Path, *, version: str = '"2026.1"', site: bool = True) -> Path:
    root = tmp_path / "course"
    (root / "docs").mkdir(parents=True)
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
    for verb in ("package", "scorm", "quiz-bank", "new-module", "pdf", "site"):
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


def test_pdf_unknown_module_is_one_line(tmp_path: Path) -> None:
    status, out, err = run("--root", str(course(tmp_path)), "pdf", "--module", "nope")
    assert status == 1
    assert out == ""
    assert err == 'Error: unknown module "nope" - use one of: (none yet)\n'


def test_pdf_unknown_language_is_one_line(tmp_path: Path) -> None:
    status, _, err = run("--root", str(course(tmp_path)), "pdf", "--lang", "de")
    assert status == 2
    assert err == (
        "Error: Invalid value for '--lang': 'de' is not one of 'ru', 'be', 'en' "
        "- see aci-course --help\n"
    )


def test_pdf_prints_the_chosen_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aci_course.export import pdf

    asked: list[tuple[list[tuple[str, str]], Path]] = []

    def documents(
        root: Path, ids: list[str], langs: tuple[str, ...], config_file: str
    ) -> list[pdf.Document]:
        assert config_file == "mkdocs.yml"
        return [pdf.Document(module, lang, "kit", "") for module in ids for lang in langs]

    def printed(docs: list[pdf.Document], out: Path) -> list[Path]:
        asked.append(([(d.module, d.lang) for d in docs], out))
        return [out / d.name for d in docs]

    monkeypatch.setattr(pdf, "all_documents", documents)
    monkeypatch.setattr(pdf, "print_pdfs", printed)
    modules = [SimpleNamespace(id="a"), SimpleNamespace(id="b")]
    monkeypatch.setattr("aci_course.course.modules.load_modules", lambda root, languages: modules)
    root, where = course(tmp_path), tmp_path / "o"
    status, out, _ = run(
        "--root", str(root), "pdf", "--module", "b", "--lang", "en", "--out", str(where)
    )
    assert status == 0
    assert asked == [([("b", "en")], where)]
    assert out == f"wrote {where / 'en' / 'b-kit.pdf'}\n"
    status, out, err = run("--root", str(root), "pdf", "--module", "c")
    assert (status, out, err) == (1, "", 'Error: unknown module "c" - use one of: a, b\n')


def test_pdf_without_chromium_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aci_course.export import pdf

    broken = tmp_path / "chromium"
    broken.write_text("not a browser", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setattr(pdf, "CHROMIUM", str(broken))
    monkeypatch.setattr(pdf, "all_documents", lambda root, ids, langs, config_file: [])
    status, out, err = run("--root", str(course(tmp_path)), "pdf")
    assert status == 1
    assert out == ""
    assert err.startswith(f"Error: {broken}: Chromium does not start (")
    assert err.endswith(") - apt-get install chromium, or set ACI_CHROMIUM to a Chromium\n")
    assert err.count("\n") == 1
