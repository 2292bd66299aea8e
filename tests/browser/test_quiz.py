"""Quizzes in Chromium: every type, every language, from disk (file://) and over HTTP.

The quizzes under test and their right answers come from the course itself
(``quizzes/*.yml`` through the package's loader, and the lessons that embed
them), so the tests follow the content as it changes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from aci_course import LANGUAGES
from aci_course.core.sources import quiz_directives
from aci_course.core.texts import t
from aci_course.quiz.load import load_quizzes
from aci_course.quiz.model import (
    QUESTION_TYPES,
    FillQuestion,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    Quiz,
    ReflectionQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from tests.browser.conftest import LANG_PREFIX, ROOT, Browse

pytestmark = pytest.mark.browser

REFUSE_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


@dataclass(frozen=True)
class Case:
    """A quiz of the course and the page (same path in every language) that embeds it."""

    quiz: Quiz
    page: str

    def __str__(self) -> str:
        return self.quiz.full_id


def course_cases() -> list[Case]:
    """Every quiz of quizzes/*.yml with the first Russian lesson or page embedding it."""
    quizzes = load_quizzes(ROOT, LANGUAGES)
    pages: dict[str, str] = {}
    sources = [
        (path, path.parent.parent.name, f"modules/{path.parent.parent.name}/{path.stem}.html")
        for path in sorted((ROOT / "modules").glob("*/ru/*.md"))
    ] + [
        (path, None, path.relative_to(ROOT / "docs" / "ru").with_suffix(".html").as_posix())
        for path in sorted((ROOT / "docs" / "ru").rglob("*.md"))
    ]
    for path, module, page in sources:
        for directive in quiz_directives(path.read_text(encoding="utf-8")):
            written = directive.written or ""
            full = written if "/" in written else f"{module}/{written}"
            pages.setdefault(full, page)
    return [Case(quiz, pages[full]) for full, quiz in sorted(quizzes.items()) if full in pages]


def covering(cases: list[Case]) -> list[Case]:
    """The fewest embedded quizzes (greedily) that together hold every question type.

    Every test below runs per quiz, language and way of opening the site; trying each
    question type is what matters, and fifteen modules' quizzes would cost minutes more.
    """
    chosen: list[Case] = []
    missing = set(QUESTION_TYPES)
    while missing:
        best = max(cases, key=lambda case: len(missing & {q.type for q in case.quiz.questions}))
        gained = missing & {q.type for q in best.quiz.questions}
        if not gained:
            break
        chosen.append(best)
        missing -= gained
    return sorted(chosen, key=str)


ALL_CASES = course_cases()
CASES = covering(ALL_CASES)


def test_course_quizzes_cover_every_question_type() -> None:
    covered = {q.type for case in CASES for q in case.quiz.questions}
    missing = [kind for kind in QUESTION_TYPES if kind not in covered]
    assert not missing, (
        f"no embedded quiz of the course has a question of type {', '.join(missing)}: "
        "the browser tests below would not try it - add one to a quiz in quizzes/"
    )


quiz_cases = pytest.mark.parametrize("case", CASES, ids=str)
languages = pytest.mark.parametrize("lang", LANGUAGES)


# --- answering --------------------------------------------------------------------------


def wrong_options(question: SingleQuestion | MultipleQuestion) -> list[int]:
    return [i for i, option in enumerate(question.options) if not option.correct]


def answer(form: Any, question: Question, lang: str, *, right: bool) -> None:
    """Answer ``question`` with the mouse and keyboard-free Playwright helpers."""
    q = form.locator(f'[data-question="{question.id}"]')
    if isinstance(question, SingleQuestion):
        chosen = question.correct_indexes[0] if right else wrong_options(question)[0]
        q.locator(f'input[value="{chosen}"]').check()
    elif isinstance(question, MultipleQuestion):
        for index in question.correct_indexes if right else wrong_options(question):
            q.locator(f'input[value="{index}"]').check()
    elif isinstance(question, TrueFalseQuestion):
        value = question.answer if right else not question.answer
        q.locator(f'input[value="{str(value).lower()}"]').check()
    elif isinstance(question, OrderingQuestion):
        count = len(question.items)
        for i in range(count):
            position = i + 1 if right else count - i
            q.locator(f'select[data-item="{i}"]').select_option(str(position))
    elif isinstance(question, MatchingQuestion):
        count = len(question.pairs)
        for i in range(count):
            q.locator(f'select[data-item="{i}"]').select_option(
                str(i if right else (i + 1) % count)
            )
    elif isinstance(question, FillQuestion):
        # Case and surrounding spaces do not count.
        typed = f"  {question.answers[lang][0].upper()} " if right else "surely-not-this"
        q.locator("input[type=text]").fill(typed)
    elif isinstance(question, ReflectionQuestion):
        q.locator("textarea").fill(f"My own thoughts ({lang})")


def open_quiz(browse: Browse, case: Case, lang: str) -> Any:
    page = browse.goto(case.page, lang)
    form = page.locator(f'form[data-quiz="{case.quiz.full_id}"]')
    assert form.count() == 1
    assert form.get_attribute("lang") == lang
    assert form.get_attribute("data-quiz-ready") == "true"
    return form


def fill_in(form: Any, quiz: Quiz, lang: str, *, right: bool) -> None:
    for question in quiz.questions:
        answer(form, question, lang, right=right)


def score_text(quiz: Quiz, lang: str, score: int) -> str:
    return t("quiz.score", lang, score=score, total=len(quiz.scored_questions))


def expected_state(quiz: Quiz, score: int) -> str:
    return "passed" if score >= quiz.points_needed else "failed"


def assert_checked(form: Any, quiz: Quiz, lang: str, *, right: bool) -> None:
    """The form shows the result of answering everything right (or everything wrong)."""
    score = len(quiz.scored_questions) if right else 0
    state = expected_state(quiz, score)
    assert form.get_attribute("data-quiz-state") == state
    assert form.locator("[data-quiz-score]").text_content() == score_text(quiz, lang, score)
    outcome = form.locator("[data-quiz-outcome]").text_content()
    total = len(quiz.scored_questions)
    if state == "passed":
        assert outcome == t("quiz.passed", lang)
    else:
        assert outcome == t("quiz.failed", lang, needed=quiz.points_needed, total=total)
    for question in quiz.scored_questions:
        q = form.locator(f'[data-question="{question.id}"]')
        verdict = q.locator("[data-quiz-verdict]")
        assert verdict.is_visible()
        assert q.get_attribute("data-question-state") == ("correct" if right else "wrong")
        assert verdict.get_attribute("data-verdict") == ("correct" if right else "wrong")
        head = t("quiz.correct" if right else "quiz.wrong", lang)
        assert (verdict.text_content() or "").startswith(head)  # text, not colour alone
        if question.explanation:
            explanation = q.locator("[data-quiz-explanation]")
            assert explanation.is_visible()
            assert question.explanation.in_(lang) in (explanation.text_content() or "")


# --- the tests ------------------------------------------------------------------------------


@quiz_cases
@languages
def test_right_answers_pass(browse: Browse, case: Case, lang: str) -> None:
    form = open_quiz(browse, case, lang)
    assert form.locator("[data-quiz-storage-notice]").is_hidden()
    assert form.locator(".aci-quiz__print-only:visible, .aci-quiz__blank:visible").count() == 0
    fill_in(form, case.quiz, lang, right=True)
    form.locator("button[type=submit]").click()
    assert_checked(form, case.quiz, lang, right=True)
    total = len(case.quiz.scored_questions)
    assert form.locator("[data-quiz-stats]").text_content() == t(
        "quiz.stats", lang, attempts=1, best=total, total=total
    )
    browse.assert_clean()


@quiz_cases
@languages
def test_wrong_answers_fail_with_feedback(browse: Browse, case: Case, lang: str) -> None:
    form = open_quiz(browse, case, lang)
    fill_in(form, case.quiz, lang, right=False)
    form.locator("button[type=submit]").click()
    assert_checked(form, case.quiz, lang, right=False)
    for question in case.quiz.questions:
        q = form.locator(f'[data-question="{question.id}"]')
        if isinstance(question, SingleQuestion | MultipleQuestion):
            for index in wrong_options(question)[
                : 1 if isinstance(question, SingleQuestion) else None
            ]:
                option = q.locator(f'[data-option="{index}"]')
                mark = option.locator("[data-quiz-mark]")
                assert mark.text_content() == t("quiz.mark-wrong", lang)
                feedback = question.options[index].feedback
                if feedback:
                    assert option.locator("[data-quiz-option-feedback]").is_visible()
                    assert feedback.in_(lang) in (
                        q.locator("[data-quiz-verdict]").text_content() or ""
                    )
        elif isinstance(question, OrderingQuestion | MatchingQuestion):
            marks = q.locator("[data-quiz-mark]:visible")
            assert marks.count() >= 1
            assert t("quiz.mark-wrong", lang) in marks.all_text_contents()
    live = form.locator("[data-quiz-feedback][aria-live=polite]")
    assert live.count() == len(case.quiz.scored_questions)
    assert form.locator("[data-quiz-result][role=status]").count() == 1
    browse.assert_clean()


@quiz_cases
@languages
def test_result_survives_reload_until_try_again(browse: Browse, case: Case, lang: str) -> None:
    quiz = case.quiz
    total = len(quiz.scored_questions)
    form = open_quiz(browse, case, lang)
    fill_in(form, quiz, lang, right=True)
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-quiz-state") == "passed"

    browse.page.reload()
    browse.page.wait_for_load_state("load")
    assert_checked(form, quiz, lang, right=True)
    retry = form.locator("[data-quiz-retry]")
    assert retry.is_visible() and retry.text_content() == t("quiz.retry", lang)
    assert form.locator("button[type=submit]").is_hidden()
    for question in quiz.scored_questions:  # the answers are back, locked until "try again"
        controls = form.locator(f'[data-question="{question.id}"]').locator("input, select")
        assert all(controls.nth(i).is_disabled() for i in range(controls.count()))
    for question in quiz.questions:
        if isinstance(question, ReflectionQuestion):
            area = form.locator(f'[data-question="{question.id}"] textarea')
            assert area.input_value() == f"My own thoughts ({lang})"  # kept on the device
            assert area.is_enabled()

    retry.click()
    assert form.get_attribute("data-quiz-state") is None
    assert form.locator("[data-quiz-score]").text_content() == ""
    assert form.locator("[data-quiz-verdict]:visible").count() == 0
    assert form.locator("[data-question] input:checked").count() == 0
    for select in form.locator("[data-question] select").all():
        assert select.input_value() == "" and select.is_enabled()
    for box in form.locator("[data-question] input[type=text]").all():
        assert box.input_value() == ""
    assert form.locator("button[type=submit]").is_visible()

    browse.page.reload()
    browse.page.wait_for_load_state("load")
    assert form.get_attribute("data-quiz-state") is None
    assert form.locator("[data-quiz-stats]").text_content() == t(
        "quiz.stats", lang, attempts=1, best=total, total=total
    )
    keys = browse.page.evaluate("Object.keys(localStorage)")
    version = form.get_attribute("data-course-version")
    assert f"aci:{version}:quiz:{quiz.full_id}" in keys
    assert all(key.startswith(f"aci:{version}:") for key in keys if key.startswith("aci:"))
    browse.assert_clean()


def _focused(page: Any) -> dict[str, Any]:
    info: dict[str, Any] = page.evaluate(
        """() => {
          const el = document.activeElement;
          const q = el && el.closest("[data-question]");
          const style = el ? getComputedStyle(el) : null;
          const label = el && el.closest("label");
          const labelStyle = label ? getComputedStyle(label) : null;
          return {
            tag: el ? el.tagName.toLowerCase() : "",
            type: el && el.type || "",
            value: el && "value" in el ? el.value : "",
            item: el && el.getAttribute("data-item"),
            question: q ? q.getAttribute("data-question") : null,
            inForm: !!(el && el.closest("form[data-quiz]")),
            retry: !!(el && el.hasAttribute("data-quiz-retry")),
            outline: style
              ? style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
              : false,
            labelOutline: labelStyle ? labelStyle.outlineStyle !== "none" : false,
          };
        }"""
    )
    return info


def _set_select_by_keys(page: Any, target: str) -> None:
    for _ in range(30):
        if _focused(page)["value"] == target:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not reach {target!r} with the arrow keys")


@quiz_cases
@languages
def test_whole_quiz_by_keyboard_alone(browse: Browse, case: Case, lang: str) -> None:
    quiz = case.quiz
    page = browse.goto(case.page, lang)
    form = page.locator(f'form[data-quiz="{quiz.full_id}"]')
    by_id = {q.id: q for q in quiz.questions}
    for _ in range(600):  # Tab from the top of the page into the quiz
        page.keyboard.press("Tab")
        if _focused(page)["inForm"]:
            break
    else:
        raise AssertionError("Tab never reached the quiz")
    done: set[tuple[str, str]] = set()
    for _ in range(300):
        info = _focused(page)
        assert info["inForm"], "focus left the quiz before its Check button"
        assert info["outline"] or info["labelOutline"], f"no visible focus on {info}"
        if info["tag"] == "button" and info["type"] == "submit":
            page.keyboard.press("Enter")
            break
        question = by_id[info["question"]]
        if isinstance(question, SingleQuestion | TrueFalseQuestion):
            if isinstance(question, SingleQuestion):
                target = str(question.correct_indexes[0])
            else:
                target = str(question.answer).lower()
            # Tab lands on the first radio; the arrow keys move and choose.
            values = form.locator(f'[data-question="{question.id}"] input').evaluate_all(
                "inputs => inputs.map(i => i.value)"
            )
            steps = values.index(target)
            if steps == 0:
                page.keyboard.press("Space")
            for _ in range(steps):
                page.keyboard.press("ArrowDown")
        elif isinstance(question, MultipleQuestion):
            if int(info["value"]) in question.correct_indexes:
                page.keyboard.press("Space")
        elif isinstance(question, OrderingQuestion):
            _set_select_by_keys(page, str(int(info["item"]) + 1))
        elif isinstance(question, MatchingQuestion):
            _set_select_by_keys(page, str(info["item"]))
        elif isinstance(question, FillQuestion):
            page.keyboard.type(question.answers[lang][-1])
        elif isinstance(question, ReflectionQuestion):
            page.keyboard.type("typed by keyboard")
        done.add((question.id, info["item"] or info["value"]))
        page.keyboard.press("Tab")
    else:
        raise AssertionError("never reached the Check button")
    assert form.get_attribute("data-quiz-state") == "passed"
    assert form.locator("[data-quiz-score]").text_content() == score_text(
        quiz, lang, len(quiz.scored_questions)
    )
    assert {qid for qid, _ in done} == set(by_id)
    info = _focused(page)
    assert info["retry"], "after checking, focus goes to Try again"
    page.keyboard.press("Enter")
    assert form.get_attribute("data-quiz-state") is None
    assert _focused(page)["question"] == quiz.questions[0].id  # back to the first question
    browse.assert_clean()


@quiz_cases
@languages
def test_refused_storage_still_checks_and_says_so(browse: Browse, case: Case, lang: str) -> None:
    browse.page.context.add_init_script(REFUSE_STORAGE)
    form = open_quiz(browse, case, lang)
    notice = form.locator("[data-quiz-storage-notice]")
    assert notice.is_visible()
    assert notice.text_content() == t("quiz.no-storage", lang)
    fill_in(form, case.quiz, lang, right=True)
    form.locator("button[type=submit]").click()
    assert_checked(form, case.quiz, lang, right=True)
    browse.page.reload()
    browse.page.wait_for_load_state("load")
    assert form.get_attribute("data-quiz-state") is None  # nothing could be kept
    assert form.locator("[data-quiz-storage-notice]").is_visible()
    browse.assert_clean()  # Material's storage helpers too (overrides/partials/javascripts)


@quiz_cases
@languages
def test_print_shows_questions_without_answers(browse: Browse, case: Case, lang: str) -> None:
    form = open_quiz(browse, case, lang)
    fill_in(form, case.quiz, lang, right=True)
    form.locator("button[type=submit]").click()
    browse.page.emulate_media(media="print")
    for hidden in (
        "[data-quiz-actions]",
        "[data-quiz-result]",
        "[data-quiz-verdict]",
        "[data-quiz-explanation]",
        "[data-quiz-mark]",
        "input",
        "select",
    ):
        assert form.locator(f"{hidden}:visible").count() == 0, hidden
    for question in case.quiz.questions:
        q = form.locator(f'[data-question="{question.id}"]')
        assert q.locator("legend").is_visible()
        if isinstance(question, ReflectionQuestion):
            printed = q.locator("[data-quiz-print-text]")
            assert printed.is_visible()
            assert printed.text_content() == f"My own thoughts ({lang})"
    browse.page.emulate_media(media="screen")


# Without scripts: tests/browser/test_quiz_scripts.py (the form comes from a script).


@quiz_cases
@languages
def test_no_sideways_scrolling_on_a_phone(new_browse: Any, case: Case, lang: str) -> None:
    browse = new_browse(viewport={"width": 360, "height": 740}, is_mobile=True)
    form = open_quiz(browse, case, lang)
    fill_in(form, case.quiz, lang, right=False)
    form.locator("button[type=submit]").click()
    widths = browse.page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"


# --- search -------------------------------------------------------------------------------


def test_search_index_has_no_quiz_text(built_site: Path) -> None:
    """Question texts and explanations are left out of every language's index."""
    lessons = "\n".join(p.read_text(encoding="utf-8") for p in ROOT.glob("modules/*/*/*.md"))
    for lang in LANGUAGES:
        index = json.loads(
            (built_site / LANG_PREFIX[lang] / "search" / "search_index.json").read_text("utf-8")
        )
        indexed = re.sub(r"\s+", " ", " ".join(d["title"] + " " + d["text"] for d in index["docs"]))
        for case in CASES:
            for question in case.quiz.questions:
                for text in (question.text, question.explanation):
                    if text is None or text.in_(lang) in lessons:  # also said in a lesson
                        continue
                    assert text.in_(lang) not in indexed, (lang, case.quiz.full_id, question.id)
            total = len(case.quiz.scored_questions)
            intro = t("quiz.intro", lang, needed=case.quiz.points_needed, total=total)
            assert intro not in indexed


@languages
def test_blank_questions_are_named_before_checking(browse: Browse, lang: str) -> None:
    case = max(CASES, key=lambda c: len(c.quiz.scored_questions))
    quiz = case.quiz
    scored = quiz.scored_questions
    assert len(scored) >= 2
    first, last = scored[0], scored[-1]
    form = open_quiz(browse, case, lang)
    page = browse.page
    for question in quiz.questions:
        if question not in (first, last):
            answer(form, question, lang, right=True)
    form.locator("button[type=submit]").click()

    assert form.get_attribute("data-quiz-state") == "incomplete"
    notice = form.locator("[data-quiz-incomplete]")
    assert notice.is_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quiz-incomplete')")
    assert form.locator("[data-quiz-incomplete-text]").text_content() == t(
        "quiz.incomplete", lang, count=2
    )
    numbers = [quiz.questions.index(q) + 1 for q in (first, last)]
    links = form.locator("[data-quiz-incomplete-list] a")
    assert links.all_text_contents() == [t("quiz.question-link", lang, number=n) for n in numbers]
    for question in (first, last):
        q = form.locator(f'[data-question="{question.id}"]')
        assert q.get_attribute("data-question-state") == "blank"
        assert q.locator("[data-quiz-verdict]").is_hidden()
    assert form.locator("[data-quiz-summary]").is_hidden()
    key = f"aci:{form.get_attribute('data-course-version')}:quiz:{quiz.full_id}"
    assert page.evaluate(f"() => localStorage.getItem({key!r})") is None  # no attempt

    links.nth(1).click()  # leads to the question, focus on its first control
    assert (
        page.evaluate("() => document.activeElement.closest('[data-question]')?.dataset.question")
        == last.id
    )
    answer(form, last, lang, right=True)
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-quiz-state") == "incomplete"
    assert form.locator("[data-quiz-incomplete-text]").text_content() == t(
        "quiz.incomplete", lang, count=1
    )

    form.locator("[data-quiz-confirm]").click()  # check anyway: the blank one is wrong
    score = len(scored) - 1
    assert form.get_attribute("data-quiz-state") == expected_state(quiz, score)
    assert form.locator("[data-quiz-score]").text_content() == score_text(quiz, lang, score)
    assert notice.is_hidden()
    first_q = form.locator(f'[data-question="{first.id}"]')
    assert first_q.get_attribute("data-question-state") == "wrong"
    assert form.locator("[data-quiz-stats]").text_content() == t(
        "quiz.stats", lang, attempts=1, best=score, total=len(scored)
    )
    browse.assert_clean()


def test_forget_my_answers_clears_answers_and_reflections(browse: Browse) -> None:
    """On a shared computer: one button, one confirmation, nothing left on the device."""
    lang = "en"
    case = next(
        c for c in CASES if any(isinstance(q, ReflectionQuestion) for q in c.quiz.questions)
    )
    form = open_quiz(browse, case, lang)
    page = browse.page
    fill_in(form, case.quiz, lang, right=True)
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-quiz-state") == "passed"
    stored = "() => Object.keys(localStorage).filter((k) => /^aci:[^:]+:quiz:/.test(k)).length"
    assert page.evaluate(stored) >= 2  # the result and the reflection

    box = form.locator("[data-forget-answers-box]")
    button = box.locator("[data-forget-answers]")
    assert button.text_content() == t("forget.button", lang)
    button.click()
    # The confirmation's texts load with the first control that needs them (core.js).
    box.locator("[data-forget-answers-cancel]").wait_for(state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    box.locator("[data-forget-answers-cancel]").click()  # changing one's mind keeps everything
    assert page.evaluate(stored) >= 2
    button.click()
    box.locator("[data-forget-answers-confirm]").click()

    assert page.evaluate(stored) == 0
    assert form.get_attribute("data-quiz-state") is None
    assert form.locator("textarea").first.input_value() == ""
    assert box.locator("[data-forget-answers-done]").text_content() == t("forget.done", lang)
    page.reload()
    page.wait_for_load_state("load")
    assert form.get_attribute("data-quiz-state") is None
    assert form.locator("textarea").first.input_value() == ""
    browse.assert_clean()
