"""Broken author input: every build stops with its own clear message, never a traceback,
and the previous site stays exactly as it was. Windows line ends and a BOM build fine.

Each case starts from the same small, valid course whose site was built once; the
case breaks one file, builds (a real strict build), and compares the message and the
site.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Project
from tests.repo_config import repo_plugins

QUIZ = """\
quizzes:
  - id: check-1
    questions:
      - id: q1
        type: true_false
        text: {ru: "Да?", be: "Так?", en: "Yes?"}
        answer: true
"""
LESSON_RU = '---\ntitle: Урок\n---\n\n# Урок\n\nТекст.\n\n{{ quiz "check-1" }}\n'
# As in the repository's mkdocs.yml: a link to a missing heading stops a strict build.
VALIDATION = "validation:\n  anchors: warn\n  unrecognized_links: warn\n"

MODULE = "modules/first/module.yml"
QUIZZES = "quizzes/first.yml"
GENERIC_YAML_FIX = (
    "fix the indentation or quoting on this line (values with ':' or '#' need quotes)"
)
TOO_BIG_FIX = (
    "split it into smaller files (several lessons, or one quiz file per module); "
    "images and other media belong in media/"
)


def _base(project: Project) -> None:
    project.module("first", {"ru": ["01-a.md"], "be": ["01-a.md"], "en": ["01-a.md"]})
    project.write("modules/first/ru/01-a.md", LESSON_RU)
    project.write(QUIZZES, QUIZ)


_good_site: list[Path] = []  # the base course's site, built by the first case


@pytest.fixture
def course(make_project, tmp_path_factory: pytest.TempPathFactory) -> Project:  # type: ignore[no-untyped-def]
    """The base course with its site already built (copied after the first build)."""
    project: Project = make_project(plugins=repo_plugins(), extra_yml=VALIDATION)
    _base(project)
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


def encode(rel: str, encoding: str, old: str = "", new: str = "") -> Callable[[Project], None]:
    """Save ``rel`` in another encoding (after replacing ``old`` by ``new``)."""

    def change(project: Project) -> None:
        path = project.root / rel
        text = path.read_text(encoding="utf-8").replace(old, new, 1) if old else None
        path.write_bytes((text or path.read_text(encoding="utf-8")).encode(encoding))

    return change


def remove(rel: str) -> Callable[[Project], None]:
    def change(project: Project) -> None:
        path = project.root / rel
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()

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
    # --- module.yml: YAML of every kind -------------------------------------------------
    "module tab": Broken(
        replace(MODULE, "  ru: [", "\tru: ["),
        f"{MODULE}:12: a tab character - indent and separate with spaces: YAML does not allow tabs",
    ),
    "module unclosed double quote": Broken(
        replace(MODULE, "prerequisites: []", 'prerequisites: "[]'),
        f"{MODULE}:15: a quoted text starts here and is never closed - "
        "add the closing quote at the end of the text",
    ),
    "module unclosed single quote": Broken(
        replace(MODULE, "licence: CC-BY-SA-4.0", "licence: 'CC-BY-SA-4.0"),
        f"{MODULE}:7: a quoted text starts here and is never closed - "
        "add the closing quote at the end of the text",
    ),
    "module unclosed bracket": Broken(
        replace(MODULE, 'authors: ["Test Author"]', 'authors: ["Test Author"'),
        f"{MODULE}:9: YAML syntax error: expected ',' or ']', but got '<scalar>' - "
        + GENERIC_YAML_FIX,
    ),
    "module unclosed brace": Broken(
        replace(MODULE, 'en: "In short."}', 'en: "In short."'),
        f"{MODULE}:11: YAML syntax error: expected ',' or '}}', but got '<scalar>' - "
        + GENERIC_YAML_FIX,
    ),
    "module duplicate key": Broken(
        replace(MODULE, "order: 1\n", "order: 1\norder: 2\n"),
        f'{MODULE}:4: key "order" appears twice (first on line 3) - '
        "keep one of them: YAML would silently use only the last",
    ),
    "module duplicate language": Broken(
        replace(MODULE, '  en: ["Understand the topic."]', '  ru: ["Понимать."]'),
        f'{MODULE}:14: key "ru" appears twice (first on line 12) - '
        "keep one of them: YAML would silently use only the last",
    ),
    "module colon in a value": Broken(
        replace(MODULE, "licence: CC-BY-SA-4.0", "licence: CC: BY"),
        f'{MODULE}:7: a ": " where YAML does not expect a new key - put the whole text in quotes '
        '(e.g. summary: "Time: 90 minutes"), or fix the indentation of this line',
    ),
    "module bad indentation": Broken(
        replace(MODULE, '  be: ["Разумець тэму."]', ' be: ["Разумець тэму."]'),
        f"{MODULE}:13: the indentation of this line does not match the lines above - "
        "indent keys or list items of one level by the same number of spaces",
    ),
    "module alias": Broken(
        replace(MODULE, "prerequisites: []", "base: &b []\nprerequisites: *b"),
        f'{MODULE}:16: YAML alias "*b" is not allowed in course files - '
        "write the value out in full where it is needed",
    ),
    "module python tag": Broken(
        replace(MODULE, "order: 1", "order: !!python/object/apply:os.getpid []"),
        f'{MODULE}:3: YAML tag "!!python/object/apply:os.getpid" is not allowed in course files - '
        "remove the tag: course files hold only texts, numbers, true/false, lists and mappings",
    ),
    "module two documents": Broken(
        replace(MODULE, "order: 1\n", "order: 1\n---\n"),
        f'{MODULE}:4: a second YAML document starts here ("---") - '
        "remove the --- line: a course file holds one document",
    ),
    "module control character": Broken(
        replace(MODULE, "licence: CC-BY-SA-4.0", "licence: CC-BY\x00-SA-4.0"),
        f"{MODULE}:7: contains a control character YAML does not allow (#x0000) - "
        "delete it (it often comes with text pasted from another program)",
    ),
    # --- quizzes: YAML of every kind ----------------------------------------------------
    "quiz tab": Broken(
        replace(QUIZZES, "        answer", "\tanswer"),
        f"{QUIZZES}:7: a tab character - indent and separate with spaces: YAML does not allow tabs",
    ),
    "quiz unclosed quote": Broken(
        replace(QUIZZES, "answer: true\n", 'answer: true\n        explanation: {ru: "Потому\n'),
        f"{QUIZZES}:8: a quoted text starts here and is never closed - "
        "add the closing quote at the end of the text",
    ),
    "quiz unclosed brace": Broken(
        replace(QUIZZES, 'en: "Yes?"}', 'en: "Yes?"'),
        f"{QUIZZES}:7: YAML syntax error: expected ',' or '}}', but got '<scalar>' - "
        + GENERIC_YAML_FIX,
    ),
    "quiz unclosed bracket": Broken(
        replace(QUIZZES, "questions:\n", "questions: [\n"),
        f"{QUIZZES}:4: this line is inside a [ ] or {{ }} that an earlier line opened and did "
        'not close - close that bracket, or write the list as lines starting with "- " '
        "without brackets",
    ),
    "quiz duplicate key": Broken(
        replace(QUIZZES, "        answer: true", "        answer: true\n        answer: false"),
        f'{QUIZZES}:8: key "answer" appears twice (first on line 7) - '
        "keep one of them: YAML would silently use only the last",
    ),
    "quiz alias bomb": Broken(
        write(QUIZZES, "a: &a [1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a]\n" + QUIZ),
        f'{QUIZZES}:2: YAML alias "*a" is not allowed in course files - '
        "write the value out in full where it is needed",
    ),
    "quiz nested too deep": Broken(
        write(QUIZZES, "quizzes: " + "[" * 3000 + "]" * 3000 + "\n"),
        f"{QUIZZES}: is nested too deeply to read - write lists and mappings flatter",
    ),
    # --- missing files --------------------------------------------------------------------
    "module without module.yml": Broken(
        remove(MODULE),
        f"{MODULE}: is missing - every folder in modules/ needs a module.yml (see DESIGN.md)",
    ),
    "module without ru": Broken(
        remove("modules/first/ru"),
        "modules/first/ru: has no lessons - add the Russian lessons as modules/first/ru/01-name.md",
    ),
    "quiz file of no module": Broken(
        write("quizzes/ghost.yml", QUIZ),
        'quizzes/ghost.yml:1: there is no module "ghost" (no folder modules/ghost/) - '
        "name the file after the id of its module: first.yml",
    ),
    # --- unknown references ---------------------------------------------------------------
    "unknown prerequisite": Broken(
        replace(MODULE, "prerequisites: []", "prerequisites: [nowhere]"),
        f'{MODULE}:15: unknown prerequisite "nowhere" - use the id of a module in modules/: first',
    ),
    "unknown quiz": Broken(
        replace("modules/first/ru/01-a.md", "check-1", "check-9"),
        'modules/first/ru/01-a.md:9: unknown quiz "check-9" - '
        "use one of the quizzes of quizzes/first.yml: check-1",
    ),
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
    "unknown lesson": Broken(
        replace("modules/first/ru/01-a.md", "Текст.", "[Дальше](09-missing.md)"),
        "Doc file 'modules/first/ru/01-a.md' contains a link '09-missing.md', "
        "but the target 'modules/first/ru/09-missing.md' is not found among documentation files.",
    ),
    "unknown image": Broken(
        replace("modules/first/ru/01-a.md", "Текст.", "![Схема](../media/missing.png)"),
        "Doc file 'modules/first/ru/01-a.md' contains a link '../media/missing.png', "
        "but the target 'modules/first/media/missing.png' is not found among documentation files.",
    ),
    # --- huge and empty files -------------------------------------------------------------
    "huge lesson": Broken(
        write("modules/first/en/01-a.md", HUGE),
        "modules/first/en/01-a.md: is 1.1 MB, more than the 1 MB a course text file may have - "
        + TOO_BIG_FIX,
    ),
    "huge page": Broken(
        write("docs/be/index.md", HUGE),
        "docs/be/index.md: is 1.1 MB, more than the 1 MB a course text file may have - "
        + TOO_BIG_FIX,
    ),
    "huge quiz file": Broken(
        write(QUIZZES, QUIZ + "# " + "x" * 1_100_000 + "\n"),
        f"{QUIZZES}: is 1.1 MB, more than the 1 MB a course text file may have - " + TOO_BIG_FIX,
    ),
    "empty lesson": Broken(
        write("modules/first/be/01-a.md", ""),
        'modules/first/be/01-a.md:1: lesson has no title - add front matter "title: ..." '
        'or a first "# Heading"',
    ),
    "lesson with a title only": Broken(
        write("modules/first/be/01-a.md", "---\ntitle: Урок\n---\n"),
        "modules/first/be/01-a.md:1: is empty - write the page, or delete the file "
        "so that readers get the Russian page with a notice",
    ),
    "empty page": Broken(
        write("docs/en/index.md", "\n\n"),
        "docs/en/index.md:1: is empty - write the page, or delete the file "
        "so that readers get the Russian page with a notice",
    ),
    "empty Russian page": Broken(
        write("docs/ru/index.md", ""),
        "docs/ru/index.md:1: is empty - write the page, or delete the file",
    ),
    "empty module.yml": Broken(
        write(MODULE, ""),
        f"{MODULE}:1: must be a mapping of keys - start from the module.yml example in DESIGN.md",
    ),
    "empty quiz file": Broken(
        write(QUIZZES, ""),
        f'{QUIZZES}:1: the file is empty - start it with "quizzes:" followed by a list of quizzes',
    ),
    # --- wrong encoding -------------------------------------------------------------------
    "lesson in cp1251": Broken(
        encode("modules/first/ru/01-a.md", "cp1251"),
        "modules/first/ru/01-a.md:2: is not valid UTF-8 text - save the file with UTF-8 encoding",
    ),
    "page in cp1251": Broken(
        write_bytes("docs/be/index.md", "# Галоўная\n\nТэкст.\n".encode("cp1251")),
        "docs/be/index.md:1: is not valid UTF-8 text - save the file with UTF-8 encoding",
    ),
    "module.yml in cp1251": Broken(
        encode(MODULE, "cp1251"),
        f"{MODULE}:9: is not valid UTF-8 text - save the file with UTF-8 encoding",
    ),
    "quiz file in cp1251": Broken(
        encode(QUIZZES, "cp1251"),
        f"{QUIZZES}:6: is not valid UTF-8 text - save the file with UTF-8 encoding",
    ),
    "module.yml in UTF-16": Broken(
        encode(MODULE, "utf-16"),
        f"{MODULE}:1: is saved as UTF-16 text - save the file as UTF-8",
    ),
    "binary file as a lesson": Broken(
        write_bytes("modules/first/en/01-a.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"),
        "modules/first/en/01-a.md:1: is not valid UTF-8 text - save the file with UTF-8 encoding",
    ),
    # --- hostile content, in a file with Windows line ends ----------------------------------
    "script in a CRLF lesson": Broken(
        write_bytes(
            "modules/first/en/01-a.md",
            b"---\r\ntitle: Lesson\r\n---\r\n\r\n# Lesson\r\n\r\n<script>x()</script>\r\n",
        ),
        "modules/first/en/01-a.md:7: raw <script> tag - remove it",
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
    assert 'data-quiz="first/check-1"' in lesson
    assert "Module first" in course.html("en/modules/first/index.html")
    assert "Welcome be." in course.html("be/index.html")
