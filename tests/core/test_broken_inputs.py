"""Broken author input, through a real build: it stops with its own clear message, never a
traceback, and the previous site stays exactly as it was. Windows line ends and a BOM build fine.

These are smoke tests, one per way an error reaches the build (a YAML error of the modules
hook, a page the content-safety hook refuses, a quiz line, MkDocs' own link checks); the
messages of every kind of author error are golden pairs checked without a build
(``tests/golden/errors/``, ``test_author_errors.py``). Each case starts from the same small,
valid course whose site was built once, breaks one file and builds.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Project
from tests.core.test_author_errors import MODULE, base_course
from tests.repo_config import repo_plugins

# As in the repository's mkdocs.yml: a link to a missing heading stops a strict build.
VALIDATION = "validation:\n  anchors: warn\n  unrecognized_links: warn\n"
TOO_BIG_FIX = (
    "split it into smaller files (several lessons, or one quiz file per module); "
    "images and other media belong in media/"
)


_good_site: list[Path] = []  # the base course's site, built by the first case


@pytest.fixture
def course(make_project, tmp_path_factory: pytest.TempPathFactory) -> Project:  # type: ignore[no-untyped-def]
    """The base course with its site already built (copied after the first build)."""
    project: Project = make_project(plugins=repo_plugins(), extra_yml=VALIDATION)
    base_course(project)
    if not _good_site:
        result = project.build()
        assert result.returncode == 0, result.stderr
        keep = tmp_path_factory.mktemp("good") / "site"
        shutil.copytree(project.root / "site", keep)
        _good_site.append(keep)
    else:
        shutil.copytree(_good_site[0], project.root / "site")
    return project


def snapshot(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


# --- how to break a file ---------------------------------------------------------------


def replace(rel: str, old: str, new: str) -> Callable[[Project], None]:
    def change(project: Project) -> None:
        text = (project.root / rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        project.write(rel, text.replace(old, new, 1))

    return change


def write(rel: str, text: str) -> Callable[[Project], None]:
    return lambda project: (project.write(rel, text), None)[1]


def write_bytes(rel: str, data: bytes) -> Callable[[Project], None]:
    def change(project: Project) -> None:
        path = project.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return change


@dataclass(frozen=True)
class Broken:
    """One broken input and the message the build must stop with."""

    change: Callable[[Project], None]
    message: str


HUGE = (
    "# Big\n\n" + ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20 + "\n\n") * 1000
)

CASES: dict[str, Broken] = {
    "module tab": Broken(
        replace(MODULE, "  ru: [", "\tru: ["),
        f"{MODULE}:12: a tab character - indent and separate with spaces: YAML does not allow tabs",
    ),
    "empty Russian page": Broken(
        write("docs/ru/index.md", ""),
        "docs/ru/index.md:1: is empty - write the page, or delete the file",
    ),
    "huge lesson": Broken(
        write("modules/first/en/01-a.md", HUGE),
        "modules/first/en/01-a.md: is 1.1 MB, more than the 1 MB a course text file may have - "
        + TOO_BIG_FIX,
    ),
    "script in a CRLF lesson": Broken(
        write_bytes(
            "modules/first/en/01-a.md",
            b"---\r\ntitle: Lesson\r\n---\r\n\r\n# Lesson\r\n\r\n<script>x()</script>\r\n",
        ),
        "modules/first/en/01-a.md:7: raw <script> tag - remove it",
    ),
    "unknown quiz": Broken(
        replace("modules/first/ru/01-a.md", "check-1", "check-9"),
        'modules/first/ru/01-a.md:9: unknown quiz "check-9" - '
        "use one of the quizzes of quizzes/first.yml: check-1",
    ),
    # MkDocs' own link checks (strict): only a build gives them.
    "unknown page": Broken(
        write("docs/en/index.md", "# Home\n\n[About](nowhere.md)\n"),
        "Doc file 'en/index.md' contains a link 'nowhere.md', "
        "but the target 'en/nowhere.md' is not found among documentation files.",
    ),
    "unknown heading": Broken(
        write("docs/be/index.md", "# Галоўная\n\n[Ніжэй](#nowhere)\n"),
        "Doc file 'be/index.md' contains a link '#nowhere', "
        "but there is no such anchor on this page.",
    ),
    "unknown image": Broken(
        replace("modules/first/ru/01-a.md", "Текст.", "![Схема](../media/missing.png)"),
        "Doc file 'modules/first/ru/01-a.md' contains a link '../media/missing.png', "
        "but the target 'modules/first/media/missing.png' is not found among documentation files.",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_broken_input_stops_the_build(course: Project, case: str) -> None:
    site = course.root / "site"
    before = snapshot(site)
    assert before, "the previous site is missing"
    CASES[case].change(course)
    result = course.build()
    assert result.returncode == 1, result.stderr
    assert CASES[case].message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site) == before, "the failed build changed the previous site"
    assert not (course.root / "site.partial").exists()


def _all_course_files(project: Project) -> list[Path]:
    return [
        path
        for path in sorted(project.root.rglob("*"))
        if path.is_file()
        and path.suffix in (".md", ".yml")
        and path.name != "mkdocs.yml"
        and "site" not in path.relative_to(project.root).parts
        and "node_modules" not in path.relative_to(project.root).parts
    ]


@pytest.mark.parametrize(
    "convert",
    [
        pytest.param(lambda data: data.replace(b"\n", b"\r\n"), id="windows-line-ends"),
        pytest.param(lambda data: b"\xef\xbb\xbf" + data, id="utf8-bom"),
        pytest.param(lambda data: b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), id="both"),
    ],
)
def test_windows_files_build(course: Project, convert: Callable[[bytes], bytes]) -> None:
    for path in _all_course_files(course):
        path.write_bytes(convert(path.read_bytes()))
    result = course.build()
    assert result.returncode == 0, result.stderr
    lesson = course.html("modules/first/01-a.html")
    assert "<title>Урок" in lesson and "\ufeff" not in lesson
    assert "assets/javascripts/quiz/ru/first/check-1.js" in lesson  # the quiz's form
    assert 'data-quiz="first/check-1"' in course.html("assets/javascripts/quiz/ru/first/check-1.js")
    assert "Module first" in course.html("en/modules/first/index.html")
    assert "Welcome be." in course.html("be/index.html")
