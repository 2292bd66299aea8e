"""Author errors as golden pairs, checked by the package's own loaders, without a build.

``tests/golden/errors/<kind>-<case>.yml`` (or ``.md``) is one broken author file and
``<case>.txt`` the exact message it must give (``path:line: what is wrong - how to fix it``).
The kind says where the file goes in a small valid course: ``module`` is
``modules/first/module.yml``, ``quiz`` is ``quizzes/first.yml``, ``lesson-<lang>`` is
``modules/first/<lang>/01-a.md`` and ``page-<lang>`` is ``docs/<lang>/index.md``. The course
is then checked the way the build checks it, in the build's order (modules, quizzes, then every
page's text, content and quiz lines), calling the functions the plugins call. A new case is
two files; ``pytest --update-golden`` writes the ``.txt`` of a new or changed case
(review the diff).

The full builds that remain (``test_broken_inputs.py``) prove the plugins turn these errors
into a stopped build that leaves the previous site alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.yamlsource import read_text
from aci_course.course.modules import load_modules
from aci_course.quality import content_safety
from aci_course.quiz.embed import embed_quizzes
from aci_course.quiz.load import load_quizzes
from tests.conftest import Project, check_golden

ERRORS = Path(__file__).parents[1] / "golden" / "errors"
CASES = sorted(path for path in ERRORS.iterdir() if path.suffix in (".yml", ".md"))

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
MODULE = "modules/first/module.yml"
QUIZZES = "quizzes/first.yml"


def base_course(project: Project) -> None:
    """One module with a lesson in every language, its quiz file and the home pages."""
    project.module("first", {lang: ["01-a.md"] for lang in LANGUAGES})
    project.write("modules/first/ru/01-a.md", LESSON_RU)
    project.write(QUIZZES, QUIZ)
    for lang in LANGUAGES:
        project.write(f"docs/{lang}/index.md", f"# Home {lang}\n\nWelcome {lang}.\n")


def target(case: Path) -> str:
    """Where the case's file goes in the course, from its kind."""
    kind, _, rest = case.stem.partition("-")
    if kind == "module":
        return MODULE
    if kind == "quiz":
        return QUIZZES
    lang = rest.split("-", 1)[0]
    assert lang in LANGUAGES, f"{case.name}: write it as {kind}-<lang>-<case>{case.suffix}"
    if kind == "lesson":
        return f"modules/first/{lang}/01-a.md"
    assert kind == "page", f"{case.name}: the kind is module, quiz, lesson-<lang> or page-<lang>"
    return f"docs/{lang}/index.md"


def check_course(root: Path) -> None:
    """The author checks of a build, in its order, calling what the plugins call."""
    load_modules(root, LANGUAGES)  # aci-course plugin: module.yml, lesson names and titles
    quizzes = load_quizzes(root, LANGUAGES)  # aci-quiz plugin: every quiz file
    pages = sorted((root / "docs").rglob("*.md")) + sorted((root / "modules").rglob("*.md"))
    texts = {}
    for path in pages:  # aci-quality plugin, on_files: readable, not too big, not empty
        display = path.relative_to(root).as_posix()
        texts[display] = read_text(path, display)
        content_safety.check_not_empty(texts[display], display)
    for display, text in texts.items():  # on_page_markdown: what MkDocs renders
        markdown = get_data(text)[0]
        content_safety.check_markdown(markdown, text, display)
        parts = display.split("/")  # docs/<lang>/... or modules/<id>/<lang>/...
        module, lang = (parts[1], parts[2]) if parts[0] == "modules" else (None, parts[1])
        embed_quizzes(  # aci-quiz plugin: the {{ quiz }} lines
            markdown,
            module=module,
            source=display,
            source_text=text,
            quizzes=quizzes,
            lang=lang,
            course_version="test",
            slot_prefix="test",
        )


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_author_error_message(case: Path, tmp_path: Path, update_golden: bool) -> None:
    project = Project(tmp_path)
    base_course(project)
    broken = tmp_path / target(case)
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(case.read_bytes())
    with pytest.raises(AuthorError) as error:
        check_course(tmp_path)
    check_golden(f"{error.value}\n", case.with_suffix(".txt"), update_golden)


def test_the_base_course_is_valid(tmp_path: Path) -> None:
    base_course(Project(tmp_path))
    check_course(tmp_path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            lambda root: (root / MODULE).unlink(),
            f"{MODULE}: is missing - every folder in modules/ needs a module.yml (see DESIGN.md)",
            id="module-without-module-yml",
        ),
        pytest.param(
            lambda root: [p.unlink() for p in (root / "modules/first/ru").iterdir()],
            "modules/first/ru: has no lessons - "
            "add the Russian lessons as modules/first/ru/01-name.md",
            id="module-without-ru",
        ),
        pytest.param(
            lambda root: (root / "quizzes/ghost.yml").write_text(QUIZ, encoding="utf-8"),
            'quizzes/ghost.yml:1: there is no module "ghost" (no folder modules/ghost/) - '
            "name the file after the id of its module: first.yml",
            id="quiz-file-of-no-module",
        ),
        pytest.param(
            lambda root: (root / QUIZZES).write_text(
                QUIZ + "# " + "x" * 1_100_000 + "\n", encoding="utf-8"
            ),
            f"{QUIZZES}: is 1.1 MB, more than the 1 MB a course text file may have - "
            "split it into smaller files (several lessons, or one quiz file per module); "
            "images and other media belong in media/",
            id="huge-quiz-file",
        ),
    ],
)
def test_missing_and_huge_files(tmp_path: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    base_course(Project(tmp_path))
    change(tmp_path)
    with pytest.raises(AuthorError) as error:
        check_course(tmp_path)
    assert str(error.value) == message
