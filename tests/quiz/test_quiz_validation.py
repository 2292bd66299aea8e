"""Every author mistake in quizzes/<module>.yml stops with one exact, helpful line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

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
        load_quiz_file(path, root)
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
    loaded = load_quiz_file(path, tmp_path)
    question = loaded.quizzes[0].questions[0]
    assert isinstance(question, SingleQuestion)
    assert question.correct_indexes == (0,)
    assert loaded.quizzes[0].full_id == "demo/check-1"
    assert question.line == 5


# --- the file ---------------------------------------------------------------------


def test_yaml_syntax_error(tmp_path: Path) -> None:
    text = "quizzes:\n  - id: check-1\n    pass_mark: [0.7\n    questions: []\n"
    assert error_of(tmp_path, text) == (
        "quizzes/demo.yml:4: YAML syntax error: expected ',' or ']', but got ':' - "
        "fix the indentation or quoting on this line (values with ':' or '#' need quotes)"
    )


def test_empty_file(tmp_path: Path) -> None:
    assert error_of(tmp_path, "# nothing yet\n") == (
        'quizzes/demo.yml:1: the file is empty - start it with "quizzes:" followed by a list '
        "of quizzes"
    )


def test_file_not_a_mapping(tmp_path: Path) -> None:
    assert error_of(tmp_path, "- id: check-1\n") == (
        'quizzes/demo.yml:1: the file must be a mapping with the key "quizzes" - start it '
        'with "quizzes:" followed by a list of quizzes'
    )


def test_unknown_top_level_key(tmp_path: Path) -> None:
    text = quiz(SINGLE) + "quizes: []\n"
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:12: unknown key "quizes" in the file - remove it or use one of: quizzes'
    )


def test_missing_quizzes_key(tmp_path: Path) -> None:
    assert error_of(tmp_path, "title: x\n") == (
        'quizzes/demo.yml:1: unknown key "title" in the file - remove it or use one of: quizzes'
    )


def test_quizzes_not_a_list(tmp_path: Path) -> None:
    assert error_of(tmp_path, "quizzes: check-1\n") == (
        'quizzes/demo.yml:1: "quizzes" of the file must be a list of quizzes - write each one '
        'as an item starting with "- ", e.g. - id: check-1'
    )


def test_no_quizzes(tmp_path: Path) -> None:
    assert error_of(tmp_path, "quizzes: []\n") == (
        'quizzes/demo.yml:1: the file has no quizzes - add quizzes under "quizzes:"'
    )


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


# --- quizzes ----------------------------------------------------------------------


def test_unknown_quiz_key(tmp_path: Path) -> None:
    text = quiz(SINGLE, extra="    titel: {ru: a, be: b, en: c}\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:4: unknown key "titel" in quiz "check-1" - remove it or use one of: '
        "id, title, pass_mark, questions"
    )


def test_quiz_without_id(tmp_path: Path) -> None:
    text = "quizzes:\n  - pass_mark: 0.5\n    questions: []\n"
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:2: quiz 1 of the file has no "id" - add one, e.g. id: check-1'
    )


def test_quiz_id_not_a_slug(tmp_path: Path) -> None:
    text = quiz(SINGLE).replace("id: check-1", "id: Check 1")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:2: id "Check 1" of quiz 1 of the file is not a lowercase slug - use '
        "lowercase ASCII letters, digits and hyphens, e.g. id: check-1"
    )


def test_duplicate_quiz_id(tmp_path: Path) -> None:
    first = quiz(SINGLE)
    second = first.removeprefix("quizzes:\n")
    assert error_of(tmp_path, first + second) == (
        'quizzes/demo.yml:12: quiz id "check-1" is used twice (also on line 2) - give each quiz '
        "in the file its own id"
    )


def test_pass_mark_not_a_number(tmp_path: Path) -> None:
    text = quiz(SINGLE).replace("pass_mark: 0.5", "pass_mark: most")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:3: "pass_mark" of quiz "check-1" must be a number - write the '
        "fraction of points needed to pass, e.g. pass_mark: 0.7"
    )


@pytest.mark.parametrize("mark", ["70", "1.5", "-0.1"])
def test_pass_mark_outside_0_1(tmp_path: Path, mark: str) -> None:
    text = quiz(SINGLE).replace("pass_mark: 0.5", f"pass_mark: {mark}")
    assert error_of(tmp_path, text) == (
        f'quizzes/demo.yml:3: "pass_mark" of quiz "check-1" is {mark}, outside 0..1 - write '
        "the fraction of points needed to pass, e.g. 0.7 for 70 %"
    )


@pytest.mark.parametrize("questions", ["questions: []", "questions:"])
def test_empty_quiz(tmp_path: Path, questions: str) -> None:
    text = f"quizzes:\n  - id: check-1\n    {questions}\n"
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:3: quiz "check-1" has no questions - add at least one question '
        'under "questions:"'
    )


def test_quiz_without_questions_key(tmp_path: Path) -> None:
    text = "quizzes:\n  - id: check-1\n    pass_mark: 0.5\n"
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:2: quiz "check-1" has no questions - add at least one question '
        'under "questions:"'
    )


# --- questions --------------------------------------------------------------------


def test_duplicate_question_id(tmp_path: Path) -> None:
    assert error_of(tmp_path, quiz(SINGLE, SINGLE)) == (
        'quizzes/demo.yml:12: question id "q1" is used twice (also on line 5) - give each '
        'question of quiz "check-1" its own id'
    )


def test_question_without_type(tmp_path: Path) -> None:
    text = quiz(f"- id: q1\n  text: {T}\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:5: question "q1" has no "type" - add one: type: single | multiple | '
        "true_false | ordering | matching | fill | reflection"
    )


def test_unknown_question_type(tmp_path: Path) -> None:
    text = quiz(SINGLE.replace("type: single", "type: choice"))
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:6: question "q1" has unknown type "choice" - use one of: single, '
        "multiple, true_false, ordering, matching, fill, reflection"
    )


def test_unknown_question_key_for_its_type(tmp_path: Path) -> None:
    text = quiz(SINGLE + f"  items: [{T}, {T}]\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:12: unknown key "items" in question "q1" (type single) - remove it '
        "or use one of: id, type, text, options, answer, explanation"
    )


def test_question_without_text(tmp_path: Path) -> None:
    text = quiz("- id: q1\n  type: true_false\n  answer: true\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:5: question "q1" has no "text" - add text: {ru: "...", be: "...", '
        'en: "..."}'
    )


def test_text_not_per_language(tmp_path: Path) -> None:
    text = quiz("- id: q1\n  type: true_false\n  text: Is it?\n  answer: true\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:7: "text" of question "q1" must give each language - write it as '
        'text: {ru: "...", be: "...", en: "..."}'
    )


def test_missing_language(tmp_path: Path) -> None:
    text = quiz("- id: q1\n  type: true_false\n  text: {ru: Да, en: Yes}\n  answer: true\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:7: "text" of question "q1" lacks be - add be: "..." (every text needs '
        "ru, be, en)"
    )


def test_missing_language_in_option_feedback(tmp_path: Path) -> None:
    text = quiz(SINGLE.replace("correct: true", "correct: true\n      feedback:\n        ru: Да"))
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:12: "feedback" of an option of question "q1" lacks be - add be: "..." '
        "(every text needs ru, be, en)"
    )


def test_unknown_language(tmp_path: Path) -> None:
    text = quiz(
        SINGLE.replace(f"  text: {T}\n  options", "  text: {ru: a, be: b, en: c, de: d}\n  options")
    )
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:7: "text" of question "q1" has unknown language "de" - use only ru, '
        "be, en"
    )


def test_empty_text_in_a_language(tmp_path: Path) -> None:
    text = quiz("- id: q1\n  type: true_false\n  text: {ru: a, be: b, en: ''}\n  answer: true\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:7: "text" of question "q1" in en is not a text - write the en text in '
        'quotes, e.g. en: "..."'
    )


# --- single and multiple choice --------------------------------------------------------


def test_single_without_correct_option(tmp_path: Path) -> None:
    text = quiz(SINGLE.replace("      correct: true\n", ""))
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: single-choice question "q1" has no correct option - mark exactly '
        'one option with "correct: true"'
    )


def test_single_with_two_correct_options(tmp_path: Path) -> None:
    text = quiz(SINGLE + "      correct: true\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: single-choice question "q1" has 2 correct options - mark exactly '
        'one option with "correct: true", or make it type: multiple'
    )


def test_multiple_without_correct_option(tmp_path: Path) -> None:
    text = quiz(
        SINGLE.replace("type: single", "type: multiple").replace("      correct: true\n", "")
    )
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: multiple-choice question "q1" has no correct option - mark at '
        'least one option with "correct: true"'
    )


def test_one_option_only(tmp_path: Path) -> None:
    text = quiz(
        f"- id: q1\n  type: single\n  text: {T}\n  options:\n    - text: {T}\n      correct: true\n"
    )
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: question "q1" needs at least 2 options but has 1 - add '
        'options under "options:"'
    )


def test_correct_not_a_boolean(tmp_path: Path) -> None:
    text = quiz(SINGLE.replace("correct: true", "correct: right"))
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:10: "correct" of an option of question "q1" must be true or false - '
        "write correct: true on the right options and leave it out elsewhere"
    )


def test_unknown_option_key(tmp_path: Path) -> None:
    text = quiz(SINGLE.replace("correct: true", "right: true"))
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:10: unknown key "right" in an option of question "q1" - remove it or '
        "use one of: text, correct, feedback"
    )


def test_answer_index_that_does_not_exist(tmp_path: Path) -> None:
    text = quiz(SINGLE.replace("      correct: true\n", "") + "  answer: 2\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:11: answer 2 of question "q1" does not exist: its options are '
        "numbered 0 to 1 - use the 0-based number of one of its options"
    )


def test_multiple_answer_index_that_does_not_exist(tmp_path: Path) -> None:
    multiple = SINGLE.replace("type: single", "type: multiple").replace("      correct: true\n", "")
    text = quiz(multiple + "  answer:\n    - 0\n    - 5\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:13: answer 5 of question "q1" does not exist: its options are '
        "numbered 0 to 1 - use the 0-based number of one of its options"
    )


def test_answer_index_instead_of_correct(tmp_path: Path) -> None:
    path = write(tmp_path, quiz(SINGLE.replace("      correct: true\n", "") + "  answer: 1\n"))
    question = load_quiz_file(path, tmp_path).quizzes[0].questions[0]
    assert isinstance(question, SingleQuestion)
    assert question.correct_indexes == (1,)


def test_answer_given_twice(tmp_path: Path) -> None:
    text = quiz(SINGLE + "  answer: 0\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:12: question "q1" gives its answer twice ("answer" and "correct: true")'
        ' - keep one of them: "correct: true" on the options, or "answer"'
    )


# --- the other types ------------------------------------------------------------------


def test_true_false_answer_not_a_boolean(tmp_path: Path) -> None:
    text = quiz(f"- id: q1\n  type: true_false\n  text: {T}\n  answer: maybe\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: "answer" of true/false question "q1" must be true or false - '
        "write answer: true or answer: false"
    )


def test_true_false_without_answer(tmp_path: Path) -> None:
    text = quiz(f"- id: q1\n  type: true_false\n  text: {T}\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:6: question "q1" (type true_false) has no "answer" - add answer: true '
        "(or answer: false)"
    )


def test_matching_pair_without_right_side(tmp_path: Path) -> None:
    text = quiz(f"""
        - id: q1
          type: matching
          text: {T}
          pairs:
            - left: {T}
              right: {T}
            - left: {T}
        """)
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:11: a pair of question "q1" has no "right" side - add right: '
        '{ru: "...", be: "...", en: "..."}: every left needs its right'
    )


def test_matching_same_right_side_twice(tmp_path: Path) -> None:
    text = quiz(f"""
        - id: q1
          type: matching
          text: {T}
          pairs:
            - left: {{ru: a, be: b, en: c}}
              right: {T}
            - left: {{ru: d, be: e, en: f}}
              right: {T}
        """)
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:11: right sides of question "q1" repeat "Р" in ru (also on line 9) - '
        "make each of the right sides different"
    )


def test_ordering_with_one_item(tmp_path: Path) -> None:
    text = quiz(f"- id: q1\n  type: ordering\n  text: {T}\n  items: [{T}]\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: question "q1" needs at least 2 items but has 1 - add items '
        'under "items:"'
    )


def test_ordering_item_missing_language(tmp_path: Path) -> None:
    text = quiz(
        f"- id: q1\n  type: ordering\n  text: {T}\n  items:\n    - {T}\n    - {{ru: a, be: b}}\n"
    )
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:10: "item" of question "q1" lacks en - add en: "..." (every text '
        "needs ru, be, en)"
    )


def test_fill_answers_missing_language(tmp_path: Path) -> None:
    text = quiz(f"- id: q1\n  type: fill\n  text: {T}\n  answers: {{ru: [a], en: [c]}}\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: "answers" of question "q1" lacks be - add be: ["..."] (every '
        "question needs answers in ru, be, en)"
    )


def test_fill_answers_empty(tmp_path: Path) -> None:
    text = quiz(f"- id: q1\n  type: fill\n  text: {T}\n  answers: {{ru: [a], be: [], en: [c]}}\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: "answers" of question "q1" in be must list at least one answer - '
        'write be: ["answer", "other accepted answer"]'
    )


def test_reflection_takes_no_explanation(tmp_path: Path) -> None:
    text = quiz(f"- id: q1\n  type: reflection\n  text: {T}\n  explanation: {T}\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: unknown key "explanation" in question "q1" (type reflection) - '
        "remove it or use one of: id, type, text"
    )


# --- several mistakes: the one an author meets first is reported ---------------------------


def test_question_id_before_its_type(tmp_path: Path) -> None:
    text = quiz(f"- text: {T}\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:5: question 1 of quiz "check-1" has no "id" - add one, e.g. id: q1'
    )


def test_too_few_options_before_a_wrong_option(tmp_path: Path) -> None:
    text = quiz(f"- id: q1\n  type: single\n  text: {T}\n  options: [just text]\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:8: question "q1" needs at least 2 options but has 1 - add '
        'options under "options:"'
    )


def test_explanation_without_a_value(tmp_path: Path) -> None:
    text = quiz(SINGLE + "  explanation:\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:12: "explanation" of question "q1" must give each language - write '
        'it as explanation: {ru: "...", be: "...", en: "..."}'
    )


def test_quiz_id_before_unknown_keys(tmp_path: Path) -> None:
    text = "quizzes:\n  - titel: x\n    questions: []\n"
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:2: quiz 1 of the file has no "id" - add one, e.g. id: check-1'
    )


def test_a_loaders_own_key_is_unknown_to_authors(tmp_path: Path) -> None:
    text = quiz(SINGLE, extra="    line: 3\n")
    assert error_of(tmp_path, text) == (
        'quizzes/demo.yml:4: unknown key "line" in quiz "check-1" - remove it or use one of: '
        "id, title, pass_mark, questions"
    )


# --- the whole folder ---------------------------------------------------------------------


def test_load_quizzes_by_full_id(tmp_path: Path) -> None:
    write(tmp_path, quiz(SINGLE))
    write(tmp_path, quiz(SINGLE), name="other.yml", module="other")
    (tmp_path / "quizzes" / "README.md").write_text("not a quiz file\n", encoding="utf-8")
    assert sorted(load_quizzes(tmp_path)) == ["demo/check-1", "other/check-1"]


def test_the_course_quizzes_are_valid() -> None:
    root = Path(__file__).resolve().parents[2]
    for quiz_ in load_quizzes(root).values():
        assert quiz_.questions
