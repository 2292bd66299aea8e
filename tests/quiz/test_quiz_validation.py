"""Loading quizzes/<module>.yml: what a valid file gives, and the mistakes tied to its name.

Every other author mistake in a quiz file is a golden pair, ``tests/golden/errors/quiz-<case>.yml``
with the exact line it must give in ``<case>.txt`` (``tests/core/test_author_errors.py``).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.quiz.load import load_quiz_file, load_quizzes
from aci_course.quiz.model import SingleQuestion

T = "{ru: Р, be: Б, en: E}"  # a text in every language, for short fixtures


def write(root: Path, text: str, name: str = "demo.yml", module: str | None = "demo") -> Path:
    if module:
        (root / "modules" / module).mkdir(parents=True, exist_ok=True)
    path = root / "quizzes" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def error_of(root: Path, text: str, **kwargs: str | None) -> str:
    path = write(root, text, **kwargs)
    with pytest.raises(AuthorError) as caught:
        load_quiz_file(path, root, LANGUAGES)
    return str(caught.value)


def quiz(*questions: str, extra: str = "") -> str:
    """A quiz file with check-1 holding ``questions`` (YAML, 6-space indented items)."""
    head = f"quizzes:\n  - id: check-1\n    pass_mark: 0.5\n{extra}    questions:\n"
    return head + "".join(
        textwrap.indent(textwrap.dedent(q).strip("\n"), "      ") + "\n" for q in questions
    )


SINGLE = f"""
- id: q1
  type: single
  text: {T}
  options:
    - text: {T}
      correct: true
    - text: {T}
"""


def test_a_valid_file_loads(tmp_path: Path) -> None:
    path = write(tmp_path, quiz(SINGLE))
    loaded = load_quiz_file(path, tmp_path, LANGUAGES)
    question = loaded.quizzes[0].questions[0]
    assert isinstance(question, SingleQuestion)
    assert question.correct_indexes == (0,)
    assert loaded.quizzes[0].full_id == "demo/check-1"
    assert question.line == 5


# --- the file ---------------------------------------------------------------------


def test_file_without_module_folder(tmp_path: Path) -> None:
    (tmp_path / "modules" / "inclusive-school").mkdir(parents=True)
    text = quiz(SINGLE)
    assert error_of(tmp_path, text, name="inclusive-schol.yml", module=None) == (
        'quizzes/inclusive-schol.yml:1: there is no module "inclusive-schol" (no folder '
        "modules/inclusive-schol/) - name the file after the id of its module: "
        "inclusive-school.yml"
    )


def test_yaml_extension(tmp_path: Path) -> None:
    assert error_of(tmp_path, quiz(SINGLE), name="demo.yaml") == (
        "quizzes/demo.yaml: quiz files end in .yml - rename it to quizzes/demo.yml"
    )


# --- single and multiple choice ---------------------------------------------------


def test_answer_index_instead_of_correct(tmp_path: Path) -> None:
    path = write(tmp_path, quiz(SINGLE.replace("      correct: true\n", "") + "  answer: 1\n"))
    question = load_quiz_file(path, tmp_path, LANGUAGES).quizzes[0].questions[0]
    assert isinstance(question, SingleQuestion)
    assert question.correct_indexes == (1,)


# --- the whole folder ---------------------------------------------------------------------


def test_load_quizzes_by_full_id(tmp_path: Path) -> None:
    write(tmp_path, quiz(SINGLE))
    write(tmp_path, quiz(SINGLE), name="other.yml", module="other")
    (tmp_path / "quizzes" / "README.md").write_text("not a quiz file\n", encoding="utf-8")
    assert sorted(load_quizzes(tmp_path, LANGUAGES)) == ["demo/check-1", "other/check-1"]


def test_the_course_quizzes_are_valid() -> None:
    root = Path(__file__).resolve().parents[2]
    for quiz_ in load_quizzes(root, LANGUAGES).values():
        assert quiz_.questions
