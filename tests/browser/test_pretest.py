"""The test before a module and the group report's before and after (issue 21, part 1).

Three participants each open a module's overview, take its test before
(``a[data-pretest]``), then its quiz in the lesson, and save their progress to a
file; the trainer's group report reads the three files and shows, per quiz and per
question, before, after and gain, and its CSV says the same.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest

from aci_course.core.texts import t
from aci_course.quiz.model import Quiz
from tests.browser.conftest import Browse
from tests.browser.test_progress import course_map
from tests.browser.test_quiz import ALL_CASES, Case, answer

pytestmark = pytest.mark.browser

FEEDBACK = (
    "[data-quiz-mark], [data-quiz-verdict], [data-quiz-explanation], [data-quiz-option-feedback]"
)
ENABLED = "[data-question] input:enabled, [data-question] select:enabled"


def js_round(x: float) -> float:
    """Math.round of the report: halves go up."""
    return math.floor(x + 0.5)


def percent(part: int, whole: int) -> float:
    return js_round(1000 * part / whole) / 10


def mean(values: list[float]) -> float:
    return js_round(10 * sum(values) / len(values)) / 10


def shown(value: float) -> str:
    """A number as JavaScript's String() writes it."""
    return str(int(value)) if value == int(value) else str(value)


def the_case() -> Case:
    """The first module quiz (in catalogue order) with at least three scored questions."""
    return next(c for c in ALL_CASES if len(c.quiz.scored_questions) >= 3)


def answer_all(form: Any, quiz: Quiz, rights: list[bool]) -> None:
    for question, right in zip(quiz.scored_questions, rights, strict=True):
        answer(form, question, "ru", right=right)


def pretest_form(browse: Browse, case: Case) -> Any:
    page = browse.goto(f"modules/{case.quiz.module}/index.html")
    link = page.locator("a[data-pretest]")
    assert link.text_content() == t("overview.pretest", "ru")
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"modules/{case.quiz.module}/pretest.html")
    form = page.locator(f'form[data-quiz="{case.quiz.full_id}"]')
    assert form.get_attribute("data-quiz-mode") == "pre"
    assert form.get_attribute("data-quiz-ready") == "true"
    return form


def take_pretest(browse: Browse, case: Case, rights: list[bool]) -> Any:
    form = pretest_form(browse, case)
    # No explanations or option feedback in the page at all; no reflections either.
    assert form.locator("[data-quiz-explanation], [data-quiz-option-feedback]").count() == 0
    assert form.locator("textarea").count() == 0
    answer_all(form, case.quiz, rights)
    form.locator("button[type=submit]").click()
    if form.get_attribute("data-quiz-state") == "incomplete":
        form.locator("[data-quiz-confirm]").click()
    assert form.get_attribute("data-quiz-state") == "recorded"
    return form


def assert_closed_without_feedback(form: Any) -> None:
    assert form.get_attribute("data-quiz-state") == "recorded"
    assert form.locator("[data-quiz-pre-done]").text_content() == t("quiz.pre-done", "ru")
    for element in form.locator(FEEDBACK).all():
        assert element.is_hidden()
    assert form.locator("[data-quiz-summary]").is_hidden()
    assert form.locator("[data-quiz-retry]").count() == 0
    assert form.locator("button[type=submit]").is_hidden()
    assert form.locator(ENABLED).count() == 0


def stored(page: Any, name: str) -> Any:
    found = page.evaluate(
        """(name) => {
          for (let i = 0; i < localStorage.length; i++) {
            const key = localStorage.key(i);
            if (key.endsWith(":" + name)) return JSON.parse(localStorage.getItem(key));
          }
          return null;
        }""",
        name,
    )
    return found


def export_progress(browse: Browse, tmp_path: Path, name: str) -> bytes:
    page = browse.goto("progress.html")
    with page.expect_download() as download:
        page.locator("[data-progress-export]").click()
    saved = tmp_path / name
    download.value.save_as(saved)
    return saved.read_bytes()


def test_pretest_shows_nothing_and_takes_one_attempt(browse: Browse) -> None:
    case = the_case()
    n = len(case.quiz.scored_questions)
    form = take_pretest(browse, case, [True] + [False] * (n - 1))
    assert_closed_without_feedback(form)
    # A second check is refused: after a reload, and when the form is submitted anyway.
    browse.page.reload()
    form = browse.page.locator(f'form[data-quiz="{case.quiz.full_id}"]')
    assert_closed_without_feedback(form)
    form.evaluate("form => form.requestSubmit()")
    record = stored(browse.page, f"quiz:{case.quiz.full_id}:pre")
    assert record["attempts"] == 1
    assert record["best"] == 1
    progress = stored(browse.page, "progress")
    entry = progress["quizzes"][case.quiz.full_id]
    assert entry["pre"]["score"] == 1
    assert entry["attempts"] == 0 and entry["post"] is None
    assert (
        browse.page.locator(f'form[data-quiz="{case.quiz.full_id}"]').get_attribute(
            "data-quiz-state"
        )
        == "recorded"
    )
    browse.assert_clean()


def test_pretest_is_closed_once_the_quiz_was_taken(new_browse: Any) -> None:
    case = the_case()
    browse = new_browse()
    page = browse.goto(case.page)
    form = page.locator(f'form[data-quiz="{case.quiz.full_id}"]')
    answer_all(form, case.quiz, [True] * len(case.quiz.scored_questions))
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-quiz-state") in ("passed", "failed", "incomplete")
    form = pretest_form(browse, case)
    assert form.get_attribute("data-quiz-state") == "refused"
    assert form.locator("[data-quiz-pre-done]").text_content() == t("quiz.pre-refused", "ru")
    assert form.locator("button[type=submit]").is_hidden()
    browse.assert_clean()


def test_three_participants_before_and_after(
    new_browse: Any, built_site: Path, tmp_path: Path
) -> None:
    case = the_case()
    quiz = case.quiz
    n = len(quiz.scored_questions)
    half = n // 2
    # (right before, right after) per scored question, per participant.
    plans = [
        ([i < half for i in range(n)], [True] * n),
        ([False] * n, [True] * n),
        ([True] * n, [i != 0 for i in range(n)]),
    ]
    files = []
    for k, (before, after) in enumerate(plans):
        browse = new_browse()
        take_pretest(browse, case, before)
        page = browse.goto(case.page)
        form = page.locator(f'form[data-quiz="{quiz.full_id}"]')
        answer_all(form, quiz, after)
        form.locator("button[type=submit]").click()
        # Later attempts are not the test after: only the first check after the pre-test.
        form.locator("[data-quiz-retry]").click()
        answer_all(form, quiz, [True] * n)
        form.locator("button[type=submit]").click()
        text = export_progress(browse, tmp_path, f"p{k}.json")
        data = json.loads(text)
        assert data["formatVersion"] == 2
        entry = data["quizzes"][quiz.full_id]
        assert entry["pre"]["score"] == sum(before)
        assert entry["post"]["score"] == sum(after)
        browse.assert_clean()
        files.append((f"p{k}.json", text))

    pre_scores = [percent(sum(b), n) for b, _ in plans]
    post_scores = [percent(sum(a), n) for _, a in plans]
    pre_mean, post_mean = mean(pre_scores), mean(post_scores)
    gain = mean([p - q for p, q in zip(post_scores, pre_scores, strict=True)])

    trainer = new_browse()
    page = trainer.goto("group-report.html")
    page.locator("[data-report-files]").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": b} for name, b in files]
    )
    page.locator("[data-report-results]").wait_for(state="visible")
    table = page.locator("[data-report-prepost]")
    assert table.is_visible()
    row = table.locator(f'tr[data-prepost-quiz="{quiz.full_id}"]')

    def cell(holder: Any, name: str) -> str:
        return str(holder.locator(f'[data-prepost-cell="{name}"]').text_content())

    assert cell(row, "both") == "3"
    assert cell(row, "pre") == f"{shown(pre_mean)} %"
    assert cell(row, "post") == f"{shown(post_mean)} %"
    assert cell(row, "gain") == f"+{shown(gain)} %"
    assert cell(row, "pre-only") == "0"
    assert cell(row, "without-pre") == "0"
    numbers = {q.id: number for number, q in enumerate(quiz.questions, start=1)}
    expected_questions = {}
    for i, question in enumerate(quiz.scored_questions):
        right_before = percent(sum(b[i] for b, _ in plans), 3)
        right_after = percent(sum(a[i] for _, a in plans), 3)
        expected_questions[question.id] = (right_before, right_after)
        line = table.locator(f'tr[data-prepost-question="{quiz.full_id}/{question.id}"]')
        assert line.locator("th").text_content() == t(
            "report.question-number", "ru", number=numbers[question.id]
        )
        assert cell(line, "pre") == f"{shown(right_before)} %"
        assert cell(line, "post") == f"{shown(right_after)} %"

    with page.expect_download() as download:
        page.locator("[data-report-csv]").click()
    saved = tmp_path / "report.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_bytes().decode("utf-8-sig"))))
    mine = next(r for r in rows if r["quiz"] == quiz.full_id)
    assert mine["participants_both"] == "3"
    assert mine["pre_mean"] == shown(pre_mean)
    assert mine["post_mean"] == shown(post_mean)
    assert mine["gain"] == shown(gain)
    for question_id, (right_before, right_after) in expected_questions.items():
        number = numbers[question_id]
        assert mine[f"q{number}_pre"] == shown(right_before)
        assert mine[f"q{number}_post"] == shown(right_after)
    # Quizzes nobody took before: nothing to compare, blank means rather than zeros.
    others = [r for r in rows if r["quiz"] != quiz.full_id]
    assert others and all(r["participants_both"] == "0" and r["pre_mean"] == "" for r in others)
    assert course_map(built_site)["modules"]  # the report covers the whole course map
    trainer.assert_clean()
