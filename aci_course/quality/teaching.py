"""Rules of teaching that ``make check`` can count in quizzes and session plans.

- A choice question (single, multiple) offers at least ``MIN_OPTIONS`` options.
- The agenda rows that name the quiz give it at least ``MINUTES_PER_QUESTION``
  minutes for each question of the module's quizzes (reflections included).
- An agenda row that names worksheet tasks (or parts) gives at least
  ``MINUTES_PER_TASK`` minutes to each, and every task of the module's worksheet
  is named in some row.
- The plan's objectives list has at least as many items as ``module.yml``'s.

What a rule cannot count (is the order of an ordering item real, does a
distractor give the answer away, is an objective really taught) stays with the
editor. A row "names the quiz" when it has the word quiz / тест / тэст; it
"names tasks" with task(s) or part(s) / задание, часть / заданне, частка and
their numbers ("tasks 1 to 3", "задания 1, 3 и 4", "заданні 1–3").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aci_course.course.modules import Module
from aci_course.editions.session_plan import SECTION_HEADING, SessionPlan, load_plans
from aci_course.quiz.model import MultipleQuestion, Quiz, SingleQuestion

MIN_OPTIONS = 3
MINUTES_PER_QUESTION = 2
MINUTES_PER_TASK = 5

QUIZ_WORD = {
    "ru": re.compile(r"(?<!\w)тест\w*", re.IGNORECASE),
    "be": re.compile(r"(?<!\w)тэст\w*", re.IGNORECASE),
    "en": re.compile(r"(?<!\w)quiz\w*", re.IGNORECASE),
}
_TASK = {
    "ru": r"задани[еяйю]\w*|част[иья]\w*",
    "be": r"заданн[еяіюя]\w*|частк[аіу]\w*",
    "en": r"tasks?|parts?",
}
# "tasks 1 to 3", "задания с 1 по 3", "заданні 1, 3 і 4": the keyword, then numbers
# joined by commas, "and"/"и"/"і", or a range word, up to any other word.
_JOIN = r"(?:\s*(?:,|–|—|-|to|and|по|па|и|і|й)\s*)"
TASK_NUMBERS = {
    lang: re.compile(
        rf"(?<!\w)(?:{words})\s+(?:(?:с|з|from)\s+)?(?P<numbers>\d+(?:{_JOIN}\d+)*)",
        re.IGNORECASE,
    )
    for lang, words in _TASK.items()
}
RANGE = re.compile(r"(\d+)\s*(?:–|—|-|to|по|па)\s*(\d+)", re.IGNORECASE)
WORKSHEET_TASK = re.compile(
    r"^##\s+(?:Task|Part|Задание|Часть|Заданне|Частка)\s+(\d+)\b", re.IGNORECASE
)
BULLET = re.compile(r"^\s*[-*+]\s+\S")


@dataclass(frozen=True)
class Finding:
    """A broken rule at ``path:line``."""

    path: str
    line: int | None
    what: str
    fix: str


def task_numbers(text: str, lang: str) -> set[int]:
    """The worksheet task numbers an agenda row names."""
    found: set[int] = set()
    for match in TASK_NUMBERS[lang].finditer(text):
        numbers = match.group("numbers")
        for low, high in RANGE.findall(numbers):
            found.update(range(int(low), int(high) + 1))
        found.update(int(n) for n in re.findall(r"\d+", RANGE.sub(" ", numbers)))
    return found


def option_findings(quizzes: Sequence[Quiz]) -> list[Finding]:
    """Choice questions with fewer than MIN_OPTIONS options."""
    found: list[Finding] = []
    for quiz in quizzes:
        for question in quiz.questions:
            if not isinstance(question, SingleQuestion | MultipleQuestion):
                continue
            if len(question.options) < MIN_OPTIONS:
                found.append(
                    Finding(
                        quiz.source,
                        question.line or None,
                        f"question {question.id} of {quiz.id} has {len(question.options)} "
                        f"options, fewer than {MIN_OPTIONS}",
                        "add a wrong option a reader could believe, "
                        "or make it a true_false question",
                    )
                )
    return found


def _worksheet_tasks(module: Module, lang: str) -> set[int]:
    tasks: set[int] = set()
    for lesson in module.lessons:
        path = lesson.sources.get(lang)
        if path is None or "worksheet" not in lesson.name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            match = WORKSHEET_TASK.match(line)
            if match:
                tasks.add(int(match.group(1)))
    return tasks


def _objective_items(lines: list[str], heading: int) -> int:
    count = 0
    for line in lines[heading:]:
        if line.startswith("## ") or SECTION_HEADING.match(line):
            break
        if BULLET.match(line):
            count += 1
    return count


def _plan_findings(module: Module, plan: SessionPlan, questions: int, path: Path) -> list[Finding]:
    lang = plan.lang
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Finding] = []
    agenda_line = plan.sections["agenda"]
    quiz_minutes = 0
    scheduled: set[int] = set()
    for row in plan.agenda:
        text = lines[row.line - 1]
        if QUIZ_WORD[lang].search(text):
            quiz_minutes += row.minutes
        tasks = task_numbers(text, lang)
        scheduled |= tasks
        if tasks and row.minutes < MINUTES_PER_TASK * len(tasks):
            found.append(
                Finding(
                    plan.source,
                    row.line,
                    f"{row.minutes} minutes for {len(tasks)} worksheet task(s), fewer than "
                    f"{MINUTES_PER_TASK} a task",
                    f"give the row at least {MINUTES_PER_TASK * len(tasks)} minutes, "
                    "or move a task to another row",
                )
            )
    if questions and quiz_minutes < MINUTES_PER_QUESTION * questions:
        found.append(
            Finding(
                plan.source,
                agenda_line,
                f"the agenda gives the quiz {quiz_minutes} minutes for {questions} questions, "
                f"fewer than {MINUTES_PER_QUESTION} a question",
                f"give the rows that name the quiz at least {MINUTES_PER_QUESTION * questions} "
                "minutes in all",
            )
        )
    missing = sorted(_worksheet_tasks(module, lang) - scheduled)
    if missing:
        found.append(
            Finding(
                plan.source,
                agenda_line,
                "the agenda does not schedule worksheet task(s) "
                + ", ".join(str(n) for n in missing),
                f'name them in a row (e.g. "worksheet task {missing[0]}") with at least '
                f"{MINUTES_PER_TASK} minutes each",
            )
        )
    objectives = len(module.objectives[lang])
    listed = _objective_items(lines, plan.sections["objectives"])
    if listed < objectives:
        found.append(
            Finding(
                plan.source,
                plan.sections["objectives"],
                f"the plan lists {listed} objectives, module.yml has {objectives}",
                "list every objective of the module and schedule each in the agenda",
            )
        )
    return found


def plan_findings(modules: Sequence[Module], quizzes: Sequence[Quiz], root: Path) -> list[Finding]:
    """The session-plan rules for every module and language."""
    found: list[Finding] = []
    for module in modules:
        questions = sum(len(q.questions) for q in quizzes if q.module == module.id)
        for plan in load_plans(module, root).values():
            found += _plan_findings(module, plan, questions, root / plan.source)
    return found
