"""Read and validate ``quizzes/<module-id>.yml`` into :mod:`aci_course.quiz.model`.

Every mistake raises :class:`~aci_course.core.errors.AuthorError` with the file, the
line (kept by :mod:`aci_course.core.yamlsource`) and a fix, so the build stops with
``quizzes/<file>.yml:LINE: what is wrong - how to fix it``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.yamlsource import MarkedDict, MarkedList, load_yaml
from aci_course.quiz.model import (
    QUESTION_CLASSES,
    QUESTION_TYPES,
    FillQuestion,
    MatchingQuestion,
    MultipleQuestion,
    Option,
    OrderingQuestion,
    Pair,
    Question,
    Quiz,
    QuizFile,
    ReflectionQuestion,
    SingleQuestion,
    Text,
    TrueFalseQuestion,
    normalize_answer,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEFAULT_PASS_MARK = 0.7
TEXT_EXAMPLE = '{ru: "...", be: "...", en: "..."}'

QUIZ_KEYS = ("id", "title", "pass_mark", "questions")
COMMON_KEYS = ("id", "type", "text")
TYPE_KEYS: dict[str, tuple[str, ...]] = {
    "single": ("options", "answer", "explanation"),
    "multiple": ("options", "answer", "explanation"),
    "true_false": ("answer", "explanation"),
    "ordering": ("items", "explanation"),
    "matching": ("pairs", "explanation"),
    "fill": ("answers", "explanation"),
    "reflection": (),
}
REQUIRED_KEYS: dict[str, tuple[str, str]] = {  # type -> (key, example)
    "single": (
        "options",
        'options: [{text: {ru: "...", be: "...", en: "..."}, correct: true}, ...]',
    ),
    "multiple": (
        "options",
        'options: [{text: {ru: "...", be: "...", en: "..."}, correct: true}, ...]',
    ),
    "true_false": ("answer", "answer: true (or answer: false)"),
    "ordering": ("items", 'items: [{ru: "...", be: "...", en: "..."}, ...] in the right order'),
    "matching": ("pairs", 'pairs: [{left: {ru: "...", ...}, right: {ru: "...", ...}}, ...]'),
    "fill": ("answers", 'answers: {ru: ["..."], be: ["..."], en: ["..."]}'),
}
OPTION_KEYS = ("text", "correct", "feedback")
PAIR_KEYS = ("left", "right")


class _File:
    """Validation of one quiz file: knows its display path for messages."""

    def __init__(self, display: str) -> None:
        self.display = display

    def fail(self, line: int | None, problem: str, fix: str) -> NoReturn:
        raise AuthorError(self.display, line, problem, fix)

    # --- generic shapes ----------------------------------------------------------

    def mapping(self, value: Any, line: int, problem: str, fix: str) -> MarkedDict:
        if not isinstance(value, MarkedDict):
            self.fail(getattr(value, "line", line), problem, fix)
        return value

    def known_keys(self, data: MarkedDict, allowed: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in allowed:
                self.fail(
                    data.line_of(key),
                    f'unknown key "{key}" in {where}',
                    f"remove it or use one of: {', '.join(allowed)}",
                )

    def text(self, value: Any, line: int, name: str, where: str) -> Text:
        """Return a per-language text: ``{ru: "...", be: "...", en: "..."}``."""
        if not isinstance(value, MarkedDict):
            self.fail(
                line,
                f'"{name}" of {where} must give each language',
                f"write it as {name}: {TEXT_EXAMPLE}",
            )
        for lang in value:
            if lang not in LANGUAGES:
                self.fail(
                    value.line_of(lang),
                    f'"{name}" of {where} has unknown language "{lang}"',
                    f"use only {', '.join(LANGUAGES)}",
                )
        for lang in LANGUAGES:
            if lang not in value:
                self.fail(
                    value.line,
                    f'"{name}" of {where} lacks {lang}',
                    f'add {lang}: "..." (every text needs {", ".join(LANGUAGES)})',
                )
            text = value[lang]
            if not isinstance(text, str) or not text.strip():
                self.fail(
                    value.line_of(lang),
                    f'"{name}" of {where} in {lang} is not a text',
                    f'write the {lang} text in quotes, e.g. {lang}: "..."',
                )
        return Text(**{lang: value[lang].strip() for lang in LANGUAGES})

    def optional_text(self, data: MarkedDict, key: str, where: str) -> Text | None:
        return self.text(data[key], data.line_of(key), key, where) if key in data else None

    def list_of(
        self, data: MarkedDict, key: str, where: str, at_least: int, what: str, example: str
    ) -> MarkedList:
        value = data[key]
        line = data.line_of(key)
        if not isinstance(value, MarkedList):
            self.fail(
                line,
                f'"{key}" of {where} must be a list of {what}',
                f'write each one as an item starting with "- ", e.g. {example}',
            )
        if len(value) < at_least:
            problem = (
                f"{where} has no {what}"
                if not value
                else f"{where} needs at least {at_least} {what} but has {len(value)}"
            )
            self.fail(line, problem, f'add {what} under "{key}:"')
        return value

    def ident(self, data: MarkedDict, where: str, example: str) -> str:
        if "id" not in data:
            self.fail(data.line, f'{where} has no "id"', f"add one, e.g. id: {example}")
        value = data["id"]
        line = data.line_of("id")
        if not isinstance(value, str) or not SLUG.match(value):
            self.fail(
                line,
                f'id "{value}" of {where} is not a lowercase slug',
                f"use lowercase ASCII letters, digits and hyphens, e.g. id: {example}",
            )
        return value

    def unique(self, seen: dict[str, int], ident: str, line: int, what: str, scope: str) -> None:
        if ident in seen:
            self.fail(
                line,
                f'{what} id "{ident}" is used twice (also on line {seen[ident]})',
                f"give each {what} {scope} its own id",
            )
        seen[ident] = line

    # --- the file ----------------------------------------------------------------

    def file(self, data: Any, module: str) -> tuple[Quiz, ...]:
        if data is None:
            self.fail(
                1, "the file is empty", 'start it with "quizzes:" followed by a list of quizzes'
            )
        top = self.mapping(
            data,
            1,
            'the file must be a mapping with the key "quizzes"',
            'start it with "quizzes:" followed by a list of quizzes',
        )
        self.known_keys(top, ("quizzes",), "the file")
        if "quizzes" not in top:
            self.fail(
                top.line,
                'missing key "quizzes"',
                'start the file with "quizzes:" followed by a list of quizzes',
            )
        items = self.list_of(top, "quizzes", "the file", 1, "quizzes", "- id: check-1")
        seen: dict[str, int] = {}
        quizzes = []
        for index, item in enumerate(items):
            quiz = self.quiz(item, items.line_of(index), index, module)
            self.unique(seen, quiz.id, quiz.line, "quiz", "in the file")
            quizzes.append(quiz)
        return tuple(quizzes)

    def quiz(self, item: Any, line: int, index: int, module: str) -> Quiz:
        data = self.mapping(
            item,
            line,
            f"quiz {index + 1} of the file must be a mapping",
            'write it as "- id: check-1" with pass_mark and questions below',
        )
        ident = self.ident(data, f"quiz {index + 1} of the file", "check-1")
        id_line = data.line_of("id")
        where = f'quiz "{ident}"'
        self.known_keys(data, QUIZ_KEYS, where)
        pass_mark = self.pass_mark(data, where)
        questions_value = data.get("questions")
        if questions_value is None or questions_value == []:
            self.fail(
                data.line_of("questions") if "questions" in data else id_line,
                f"{where} has no questions",
                'add at least one question under "questions:"',
            )
        items = self.list_of(data, "questions", where, 1, "questions", "- id: q1")
        seen: dict[str, int] = {}
        questions = []
        for number, entry in enumerate(items):
            question = self.question(entry, items.line_of(number), number, where)
            self.unique(seen, question.id, question.line, "question", f"of {where}")
            questions.append(question)
        return Quiz(
            module=module,
            id=ident,
            pass_mark=pass_mark,
            questions=tuple(questions),
            title=self.optional_text(data, "title", where),
            source=self.display,
            line=id_line,
        )

    def pass_mark(self, data: MarkedDict, where: str) -> float:
        if "pass_mark" not in data:
            return DEFAULT_PASS_MARK
        value = data["pass_mark"]
        line = data.line_of("pass_mark")
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(
                line,
                f'"pass_mark" of {where} must be a number',
                "write the fraction of points needed to pass, e.g. pass_mark: 0.7",
            )
        if not 0 <= value <= 1:
            self.fail(
                line,
                f'"pass_mark" of {where} is {value}, outside 0..1',
                "write the fraction of points needed to pass, e.g. 0.7 for 70 %",
            )
        return float(value)

    # --- questions ---------------------------------------------------------------

    def question(self, entry: Any, line: int, number: int, quiz: str) -> Question:
        data = self.mapping(
            entry,
            line,
            f"question {number + 1} of {quiz} must be a mapping",
            'write it as "- id: q1" with type and text below',
        )
        ident = self.ident(data, f"question {number + 1} of {quiz}", f"q{number + 1}")
        where = f'question "{ident}"'
        if "type" not in data:
            self.fail(
                data.line_of("id"),
                f'{where} has no "type"',
                f"add one: type: {' | '.join(QUESTION_TYPES)}",
            )
        kind = data["type"]
        if kind not in QUESTION_CLASSES:
            self.fail(
                data.line_of("type"),
                f'{where} has unknown type "{kind}"',
                f"use one of: {', '.join(QUESTION_TYPES)}",
            )
        self.known_keys(data, COMMON_KEYS + TYPE_KEYS[kind], f"{where} (type {kind})")
        if "text" not in data:
            self.fail(data.line_of("id"), f'{where} has no "text"', f"add text: {TEXT_EXAMPLE}")
        if kind in REQUIRED_KEYS:
            key, example = REQUIRED_KEYS[kind]
            if key not in data:
                self.fail(
                    data.line_of("type"), f'{where} (type {kind}) has no "{key}"', f"add {example}"
                )
        common: dict[str, Any] = {
            "id": ident,
            "text": self.text(data["text"], data.line_of("text"), "text", where),
            "line": data.line_of("id"),
        }
        if kind != "reflection":
            common["explanation"] = self.optional_text(data, "explanation", where)
        build: dict[str, Callable[[MarkedDict, str, dict[str, Any]], Question]] = {
            "single": self.single,
            "multiple": self.multiple,
            "true_false": self.true_false,
            "ordering": self.ordering,
            "matching": self.matching,
            "fill": self.fill,
            "reflection": lambda _data, _where, common: ReflectionQuestion(**common),
        }
        return build[kind](data, where, common)

    def options(self, data: MarkedDict, where: str) -> tuple[Option, ...]:
        items = self.list_of(
            data, "options", where, 2, "options", '- text: {ru: "...", be: "...", en: "..."}'
        )
        options = []
        for index, item in enumerate(items):
            line = items.line_of(index)
            option = self.mapping(
                item,
                line,
                f"an option of {where} must be a mapping",
                f"write it as - text: {TEXT_EXAMPLE}",
            )
            owner = f"an option of {where}"
            self.known_keys(option, OPTION_KEYS, owner)
            if "text" not in option:
                self.fail(option.line, f'{owner} has no "text"', f"add text: {TEXT_EXAMPLE}")
            correct = option.get("correct", False)
            if not isinstance(correct, bool):
                self.fail(
                    option.line_of("correct"),
                    f'"correct" of {owner} must be true or false',
                    "write correct: true on the right options and leave it out elsewhere",
                )
            options.append(
                Option(
                    text=self.text(option["text"], option.line_of("text"), "text", owner),
                    correct=correct,
                    feedback=self.optional_text(option, "feedback", owner),
                )
            )
        return tuple(options)

    def answer_indexes(
        self, data: MarkedDict, options: tuple[Option, ...], where: str, many: bool
    ) -> tuple[Option, ...]:
        """``answer: 2`` (single) or ``answer: [0, 2]`` (multiple): 0-based option numbers."""
        line = data.line_of("answer")
        if any(option.correct for option in options):
            self.fail(
                line,
                f'{where} gives its answer twice ("answer" and "correct: true")',
                'keep one of them: "correct: true" on the options, or "answer"',
            )
        value = data["answer"]
        raw = value if many and isinstance(value, list) else [value]
        example = "answer: [0, 2]" if many else "answer: 2"
        what = "option numbers" if many else "an option number"
        last = len(options) - 1
        chosen: set[int] = set()
        for index, number in enumerate(raw):
            at = value.line_of(index) if isinstance(value, MarkedList) else line
            if isinstance(number, bool) or not isinstance(number, int):
                self.fail(
                    at,
                    f'"answer" of {where} must be {what}',
                    f"write the 0-based number of the right option{'s' if many else ''}, "
                    f"e.g. {example}",
                )
            if not 0 <= number <= last:
                self.fail(
                    at,
                    f"answer {number} of {where} does not exist: its options are "
                    f"numbered 0 to {last}",
                    "use the 0-based number of one of its options",
                )
            chosen.add(number)
        return tuple(
            Option(text=o.text, correct=i in chosen, feedback=o.feedback)
            for i, o in enumerate(options)
        )

    def single(self, data: MarkedDict, where: str, common: dict[str, Any]) -> Question:
        options = self.options(data, where)
        if "answer" in data:
            options = self.answer_indexes(data, options, where, many=False)
        correct = sum(option.correct for option in options)
        if correct == 0:
            self.fail(
                data.line_of("options"),
                f"single-choice {where} has no correct option",
                'mark exactly one option with "correct: true"',
            )
        if correct > 1:
            self.fail(
                data.line_of("options"),
                f"single-choice {where} has {correct} correct options",
                'mark exactly one option with "correct: true", or make it type: multiple',
            )
        return SingleQuestion(**common, options=options)

    def multiple(self, data: MarkedDict, where: str, common: dict[str, Any]) -> Question:
        options = self.options(data, where)
        if "answer" in data:
            options = self.answer_indexes(data, options, where, many=True)
        if not any(option.correct for option in options):
            self.fail(
                data.line_of("options"),
                f"multiple-choice {where} has no correct option",
                'mark at least one option with "correct: true"',
            )
        return MultipleQuestion(**common, options=options)

    def true_false(self, data: MarkedDict, where: str, common: dict[str, Any]) -> Question:
        answer = data["answer"]
        if not isinstance(answer, bool):
            self.fail(
                data.line_of("answer"),
                f'"answer" of true/false {where} must be true or false',
                "write answer: true or answer: false",
            )
        return TrueFalseQuestion(**common, answer=answer)

    def ordering(self, data: MarkedDict, where: str, common: dict[str, Any]) -> Question:
        items = self.list_of(data, "items", where, 2, "items", f"- {TEXT_EXAMPLE}")
        texts = tuple(
            self.text(item, items.line_of(i), "item", where) for i, item in enumerate(items)
        )
        self.distinct(texts, items, where, "items")
        return OrderingQuestion(**common, items=texts)

    def matching(self, data: MarkedDict, where: str, common: dict[str, Any]) -> Question:
        items = self.list_of(
            data, "pairs", where, 2, "pairs", "- left: {...} with right: {...} below"
        )
        pairs = []
        for index, item in enumerate(items):
            line = items.line_of(index)
            owner = f"a pair of {where}"
            pair = self.mapping(
                item,
                line,
                f"{owner} must be a mapping",
                f"write it as - left: {TEXT_EXAMPLE} with right: {TEXT_EXAMPLE}",
            )
            self.known_keys(pair, PAIR_KEYS, owner)
            for side in PAIR_KEYS:
                if side not in pair:
                    self.fail(
                        pair.line,
                        f'{owner} has no "{side}" side',
                        f"add {side}: {TEXT_EXAMPLE}: every left needs its right",
                    )
            pairs.append(
                Pair(
                    left=self.text(pair["left"], pair.line_of("left"), "left", owner),
                    right=self.text(pair["right"], pair.line_of("right"), "right", owner),
                )
            )
        self.distinct(tuple(p.right for p in pairs), items, where, "right sides")
        return MatchingQuestion(**common, pairs=tuple(pairs))

    def distinct(self, texts: tuple[Text, ...], items: MarkedList, where: str, what: str) -> None:
        """Two equal items (or right sides) would make the answer ambiguous."""
        for lang in LANGUAGES:
            seen: dict[str, int] = {}
            for index, text in enumerate(texts):
                key = normalize_answer(text.in_(lang))
                if key in seen:
                    self.fail(
                        items.line_of(index),
                        f'{what} of {where} repeat "{text.in_(lang)}" in {lang} '
                        f"(also on line {items.line_of(seen[key])})",
                        f"make each of the {what} different",
                    )
                seen[key] = index

    def fill(self, data: MarkedDict, where: str, common: dict[str, Any]) -> Question:
        value = data["answers"]
        line = data.line_of("answers")
        example = 'answers: {ru: ["..."], be: ["..."], en: ["..."]}'
        if not isinstance(value, MarkedDict):
            self.fail(
                line, f'"answers" of {where} must give each language', f"write it as {example}"
            )
        for lang in value:
            if lang not in LANGUAGES:
                self.fail(
                    value.line_of(lang),
                    f'"answers" of {where} has unknown language "{lang}"',
                    f"use only {', '.join(LANGUAGES)}",
                )
        answers: dict[str, tuple[str, ...]] = {}
        for lang in LANGUAGES:
            if lang not in value:
                self.fail(
                    value.line,
                    f'"answers" of {where} lacks {lang}',
                    f'add {lang}: ["..."] (every question needs answers in {", ".join(LANGUAGES)})',
                )
            accepted = value[lang]
            at = value.line_of(lang)
            if isinstance(accepted, str):
                accepted = [accepted]
            if not isinstance(accepted, list) or not accepted:
                self.fail(
                    at,
                    f'"answers" of {where} in {lang} must list at least one answer',
                    f'write {lang}: ["answer", "other accepted answer"]',
                )
            for index, answer in enumerate(accepted):
                if not isinstance(answer, str) or not answer.strip():
                    item_line = accepted.line_of(index) if isinstance(accepted, MarkedList) else at
                    self.fail(
                        item_line,
                        f"an answer of {where} in {lang} is not a text",
                        "write each accepted answer in quotes",
                    )
            answers[lang] = tuple(answer.strip() for answer in accepted)
        return FillQuestion(**common, answers=answers)


def parse_quiz_file(data: Any, display: str, module: str) -> QuizFile:
    """Validate already-loaded YAML (with line marks) of the quizzes of ``module``."""
    return QuizFile(module=module, path=display, quizzes=_File(display).file(data, module))


def load_quiz_file(path: Path, root: Path) -> QuizFile:
    """Read and validate ``path`` (inside ``root``, the project folder)."""
    display = path.relative_to(root).as_posix()
    module = path.stem
    checker = _File(display)
    if path.suffix != ".yml":
        checker.fail(None, "quiz files end in .yml", f"rename it to quizzes/{module}.yml")
    data = load_yaml(path, display)
    if not (root / "modules" / module).is_dir():
        known = (
            sorted(p.name for p in (root / "modules").iterdir() if p.is_dir())
            if (root / "modules").is_dir()
            else []
        )
        checker.fail(
            1,
            f'there is no module "{module}" (no folder modules/{module}/)',
            "name the file after the id of its module"
            + (f": {', '.join(f'{m}.yml' for m in known)}" if known else ""),
        )
    return parse_quiz_file(data, display, module)


def load_quizzes(root: Path) -> dict[str, Quiz]:
    """Every quiz of ``root/quizzes/*.yml`` by full id (``module/quiz``), validated."""
    folder = root / "quizzes"
    result: dict[str, Quiz] = {}
    if not folder.is_dir():
        return result
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in (".yml", ".yaml"):
            for quiz in load_quiz_file(path, root).quizzes:
                result[quiz.full_id] = quiz
    return result
