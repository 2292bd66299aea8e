"""The Moodle XML quiz bank, read back and checked type by type against Moodle's format."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from aci_course import LANGUAGES
from aci_course.cli import cli
from aci_course.core.errors import AuthorError
from aci_course.core.yamlsource import load_yaml
from aci_course.export.moodle import MOODLE_FRACTIONS, percent, quiz_bank
from aci_course.quiz.load import load_quizzes, parse_quiz_file
from aci_course.quiz.model import MultipleQuestion, Quiz
from tests.repo_config import ROOT

ALL_TYPES = (ROOT / "tests/golden/moodle/all-types.yml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def quizzes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Quiz]:
    path = tmp_path_factory.mktemp("quizzes") / "mod.yml"
    path.write_text(ALL_TYPES, encoding="utf-8")
    parsed = parse_quiz_file(
        load_yaml(path, "quizzes/mod.yml"), "quizzes/mod.yml", "mod", LANGUAGES
    )
    return {quiz.full_id: quiz for quiz in parsed.quizzes}


def bank(quizzes: dict[str, Quiz], lang: str) -> ET.Element:
    """Serialised and parsed again, as Moodle would read the file."""
    return ET.fromstring(ET.tostring(quiz_bank(quizzes, lang), encoding="unicode"))


def question(root: ET.Element, qid: str) -> ET.Element:
    found = [q for q in root.iter("question") if q.findtext("idnumber") == f"mod/all/{qid}"]
    assert len(found) == 1
    return found[0]


def fractions(element: ET.Element) -> list[float]:
    return [float(a.get("fraction", "nan")) for a in element.findall("answer")]


def is_moodle_grade(value: float) -> bool:
    return any(abs(abs(value) - 100 * grade) < 1e-4 for grade in MOODLE_FRACTIONS)


def test_category_first_then_questions(quizzes: dict[str, Quiz]) -> None:
    root = bank(quizzes, "en")
    assert root.tag == "quiz"
    first = root[0]
    assert first.get("type") == "category"
    assert first.findtext("category/text") == "$course$/mod/all"
    assert first.findtext("info/text") == "Every type"
    assert [q.get("type") for q in root[1:]] == [
        "multichoice",
        "multichoice",
        "truefalse",
        "matching",
        "shortanswer",
        "ordering",
        "essay",
    ]
    for q in root[1:]:
        assert q.findtext("name/text")
        assert q.find("questiontext").get("format") == "html"
        assert q.find("generalfeedback") is not None


def test_single_choice(quizzes: dict[str, Quiz]) -> None:
    q = question(bank(quizzes, "en"), "one")
    assert q.findtext("single") == "true"
    assert fractions(q) == [100, 0]
    assert q.findtext("questiontext/text") == "One &amp; only?"  # HTML-escaped text
    assert q.findtext("generalfeedback/text") == "Because."
    assert [a.findtext("feedback/text") for a in q.findall("answer")] == ["Right.", "Wrong."]
    ru = question(bank(quizzes, "ru"), "one")
    assert ru.findtext("questiontext/text") == "Один &lt;верный&gt;?"


def test_multiple_choice_fractions_are_moodle_grades_and_sum_to_100(
    quizzes: dict[str, Quiz],
) -> None:
    q = question(bank(quizzes, "en"), "three")
    assert q.findtext("single") == "false"
    values = fractions(q)
    assert values == [33.33333, 33.33333, 33.33333, -33.33333, -33.33333]
    assert all(is_moodle_grade(v) for v in values)
    assert abs(sum(v for v in values if v > 0) - 100) < 0.001


@pytest.mark.parametrize("right", range(1, 11))
def test_every_count_of_right_options_has_a_moodle_grade(right: int) -> None:
    from aci_course.export.moodle import share

    assert is_moodle_grade(100 * share(right))
    assert abs(right * float(percent(share(right))) - 100) < 0.001


def test_eleven_right_options_is_an_author_error(quizzes: dict[str, Quiz]) -> None:
    quiz = quizzes["mod/all"]
    many = quiz.questions[1]
    assert isinstance(many, MultipleQuestion)
    option = many.options[0]
    # The quiz models are frozen pydantic models: a changed copy, not dataclasses.replace.
    crowded = many.model_copy(update={"options": (option,) * 11})
    bad = quiz.model_copy(update={"questions": (crowded,), "source": "quizzes/mod.yml"})
    with pytest.raises(AuthorError) as error:
        quiz_bank({"mod/all": bad}, "en")
    assert str(error.value) == (
        f"quizzes/mod.yml:{many.line}: question three has 11 right options, and Moodle has "
        "no grade of 1/11 - keep multiple-choice questions to at most 10 right options"
    )


def test_true_false(quizzes: dict[str, Quiz]) -> None:
    q = question(bank(quizzes, "be"), "tf")
    answers = {a.findtext("text"): a.get("fraction") for a in q.findall("answer")}
    assert answers == {"true": "0", "false": "100"}


def test_matching(quizzes: dict[str, Quiz]) -> None:
    q = question(bank(quizzes, "en"), "pairs")
    subs = [(s.findtext("text"), s.findtext("answer/text")) for s in q.findall("subquestion")]
    assert subs == [("one", "1"), ("two", "2"), ("three", "3")]
    assert q.findtext("shuffleanswers") == "true"


def test_fill_is_shortanswer_with_yo_spellings(quizzes: dict[str, Quiz]) -> None:
    q = question(bank(quizzes, "ru"), "word")
    assert q.findtext("usecase") == "0"
    assert [a.findtext("text") for a in q.findall("answer")] == ["ёлка", "елка", "ель"]
    assert set(fractions(q)) == {100}


def test_ordering(quizzes: dict[str, Quiz]) -> None:
    q = question(bank(quizzes, "en"), "steps")
    assert [a.findtext("text") for a in q.findall("answer")] == ["first", "second", "third"]
    assert fractions(q) == [1, 2, 3]  # the ordering type keeps positions here
    assert q.findtext("selecttype") == "ALL"
    assert q.findtext("gradingtype") == "ALL_OR_NOTHING"


def test_reflection_is_an_unscored_essay(quizzes: dict[str, Quiz]) -> None:
    q = question(bank(quizzes, "en"), "think")
    assert q.findtext("defaultgrade") == "0"
    assert q.findtext("responseformat") == "editor"
    assert q.findall("answer") == []


def test_the_course_bank_through_the_command(tmp_path: Path) -> None:
    out = tmp_path / "bank"
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "quiz-bank", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    course = load_quizzes(ROOT, LANGUAGES)
    for lang in ("ru", "be", "en"):
        root = ET.parse(out / f"{lang}.xml").getroot()
        categories = [q.findtext("category/text") for q in root if q.get("type") == "category"]
        assert categories == ["$course$/" + full for full in sorted(course)]
        questions = [q for q in root if q.get("type") != "category"]
        assert len(questions) == sum(len(quiz.questions) for quiz in course.values())
        for q in questions:
            assert all(is_moodle_grade(v) for v in fractions(q)) or q.get("type") == "ordering"
