"""The quiz file ``quizzes/<module-id>.yml`` as typed, immutable models (DESIGN.md, "Quizzes").

The same models check an author's file (every mistake with its line and fix, see
:mod:`aci_course.core.schema`), give ``schemas/quiz.schema.json`` for editors, and are
what the renderer reads. Texts carry every course language; the answer key (which
option is correct, the order of items, which right side matches which left) is
shared by the languages, so a translation can never change the right answer.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic.json_schema import SkipJsonSchema

from aci_course.core.schema import (
    SLUG,
    AtLeast,
    AuthorModel,
    Items,
    Localized,
    NotNull,
    Say,
    Slug,
    Words,
    problem,
)
from aci_course.core.yamlsource import MarkedDict

QUESTION_TYPES: tuple[str, ...] = (
    "single",
    "multiple",
    "true_false",
    "ordering",
    "matching",
    "fill",
    "reflection",
)
"""Every question type, in the order the documentation lists them."""

DEFAULT_PASS_MARK = 0.7
TEXT = "{texts}"  # a text in every course language, as messages show it
_NON_EMPTY = StringConstraints(strip_whitespace=True, min_length=1)


class QuizModel(AuthorModel):
    """What the parts of a quiz file say about their mistakes, unless they say otherwise.

    A per-language part lists it before :class:`Localized`, whose configuration
    (extra keys allowed: the languages) must win over the closed default.
    """

    messages: ClassVar[dict[str, Say]] = {
        "extra": Say('unknown key "{key}" in {where}', "remove it or use one of: {keys}"),
        "tuple_type": Say(
            '"{key}" of {where} must be a list of {what}',
            'write each one as an item starting with "- ", e.g. {example}',
        ),
        "empty": Say("{where} has no {what}", 'add {what} under "{key}:"'),
        "too_short": Say(
            "{where} needs at least {min_length} {what} but has {actual_length}",
            'add {what} under "{key}:"',
        ),
    }


class Text(QuizModel, Localized[Annotated[str, _NON_EMPTY]]):
    """One text in every course language."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say(
            '"{name}" of {where} must give each language', "write it as {name}: " + TEXT
        ),
        "extra": Say('"{name}" of {where} has unknown language "{key}"', "use only {languages}"),
        "missing": Say(
            '"{name}" of {where} lacks {key}',
            'add {key}: "..." (every text needs {languages})',
            at="mapping",
        ),
        "invalid": Say(
            '"{name}" of {where} in {key} is not a text',
            'write the {key} text in quotes, e.g. {key}: "..."',
        ),
    }

    def in_(self, lang: str) -> str:
        """Return the text in ``lang`` (one of the course's languages)."""
        return self[lang]


class Option(QuizModel):
    """A choice of a single- or multiple-choice question."""

    called = "an option of {parent}"
    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say("{where} must be a mapping", "write it as - text: " + TEXT),
        "missing": Say('{where} has no "{key}"', "add text: " + TEXT, at="mapping"),
    }

    text: Text = Field(description="The option as the reader sees it.")
    correct: Annotated[
        bool,
        Words(
            invalid=Say(
                '"correct" of {where} must be true or false',
                "write correct: true on the right options and leave it out elsewhere",
            )
        ),
    ] = Field(False, description="true on a right option; leave it out on the others.")
    feedback: Annotated[Text | None, NotNull] = Field(
        None, description="Shown after checking, if this was chosen."
    )


class Pair(QuizModel):
    """A left item of a matching question and the right side it matches."""

    called = "a pair of {parent}"
    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say(
            "{where} must be a mapping", f"write it as - left: {TEXT} with right: {TEXT}"
        ),
        "missing": Say(
            '{where} has no "{key}" side',
            "add {key}: " + TEXT + ": every left needs its right",
            at="mapping",
        ),
    }

    left: Text = Field(description="Shown in order, each with a list of the right sides.")
    right: Text = Field(description="The right side that belongs to this left item.")


def _needs(key: str, example: str) -> Words:
    """Words of a key that a question type requires."""
    return Words(missing=Say(f'{{where}} (type {{data[type]}}) has no "{key}"', example, at="type"))


_QUESTION_ID = {
    "missing": Say('{where} has no "id"', "add one, e.g. id: q{n}", at="mapping"),
    "invalid": Say(
        'id "{value}" of {where} is not a lowercase slug',
        "use lowercase ASCII letters, digits and hyphens, e.g. id: q{n}",
        at="id",
    ),
}


def _id_first(data: Any) -> Any:
    """A question's id is checked before its type, as authors read it."""
    if isinstance(data, dict):
        if "id" not in data:
            raise _QUESTION_ID["missing"].error()
        if not (isinstance(data["id"], str) and SLUG.match(data["id"])):
            raise _QUESTION_ID["invalid"].error(value=data["id"])
    return data


def _type_required(schema: dict[str, Any]) -> None:
    """Editors pick the question's schema by its ``type``, which authors always write."""
    schema["required"] = ["type", *schema.get("required", [])]


class Question(QuizModel):
    """What every question has; subclasses add their answer key."""

    model_config = ConfigDict(json_schema_extra=_type_required)

    called = 'question "{id}"'
    called_by_number = "question {n} of {parent}"
    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say(
            "{where} must be a mapping", 'write it as "- id: q1" with type and text below'
        ),
        "union_tag_not_found": Say(
            '{where} has no "type"', "add one: type: " + " | ".join(QUESTION_TYPES), at="id"
        ),
        "union_tag_invalid": Say(
            '{where} has unknown type "{tag}"',
            "use one of: " + ", ".join(QUESTION_TYPES),
            at="type",
        ),
        "extra": Say(
            'unknown key "{key}" in {where} (type {data[type]})', "remove it or use one of: {keys}"
        ),
    }
    scored: ClassVar[bool] = True

    id: Annotated[Slug, Words(say=_QUESTION_ID)] = Field(
        description="Unique within the quiz, e.g. q1."
    )
    type: str
    text: Annotated[
        Text, Words(missing=Say('{where} has no "text"', "add text: " + TEXT, at="id"))
    ] = Field(description="The question.")
    explanation: Annotated[Text | None, NotNull] = Field(None, description="Shown after checking.")
    line: SkipJsonSchema[int] = 0  # of its id in the quiz file

    @classmethod
    def derive(cls, data: MarkedDict, context: Any) -> dict[str, Any]:
        """The line of its id."""
        return {"line": data.line_of("id")}

    @classmethod
    def author_keys(cls) -> list[str]:
        """Its own keys, then ``explanation``, as the documentation lists them."""
        keys = super().author_keys()
        return [k for k in keys if k != "explanation"] + ["explanation"] * ("explanation" in keys)


def _apply_answer(options: tuple[Option, ...], chosen: tuple[int, ...]) -> tuple[Option, ...]:
    """The options with ``answer: 2`` / ``answer: [0, 2]`` (0-based numbers) marked correct."""
    if any(option.correct for option in options):
        raise problem(
            '{where} gives its answer twice ("answer" and "correct: true")',
            'keep one of them: "correct: true" on the options, or "answer"',
            at="answer",
        )
    for index, number in enumerate(chosen):
        if not 0 <= number < len(options):
            raise problem(
                "answer {number} of {where} does not exist: its options are numbered 0 to {last}",
                "use the 0-based number of one of its options",
                at=("answer", index),
                number=number,
                last=len(options) - 1,
            )
    return tuple(o.model_copy(update={"correct": i in chosen}) for i, o in enumerate(options))


_OPTIONS = Words(
    what="options",
    example="- text: {texts}",
    say=_needs("options", "add options: [{{text: " + TEXT + ", correct: true}}, ...]").say,
)


def _answer_words(what: str, many: bool) -> Words:
    example = "answer: [0, 2]" if many else "answer: 2"
    return Words(
        invalid=Say(
            f'"answer" of {{where}} must be {what}',
            f"write the 0-based number of the right option{'s' if many else ''}, e.g. {example}",
        )
    )


class SingleQuestion(Question):
    """One right option among several (radio buttons)."""

    type: Literal["single"] = "single"
    options: Annotated[Items[Option], AtLeast(2), _OPTIONS] = Field(
        description='The choices, in the order shown; one carries "correct: true".'
    )
    answer: Annotated[int | None, NotNull, _answer_words("an option number", many=False)] = Field(
        None, description='Instead of "correct: true": the 0-based number of the right option.'
    )

    @model_validator(mode="after")
    def _one_correct(self) -> SingleQuestion:
        options = (
            self.options if self.answer is None else _apply_answer(self.options, (self.answer,))
        )
        correct = sum(option.correct for option in options)
        if correct != 1:
            raise problem(
                "single-choice {where} has "
                + ("no correct option" if not correct else "{count} correct options"),
                'mark exactly one option with "correct: true"'
                + (", or make it type: multiple" if correct else ""),
                at="options",
                count=correct,
            )
        return self if options is self.options else self.model_copy(update={"options": options})

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        """0-based positions of the correct options (exactly one)."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)


def _number_or_numbers(schema: dict[str, Any]) -> None:
    """``answer: 1`` or ``answer: [0, 2]``, as the loader takes them."""
    for key in ("anyOf", "default"):
        schema.pop(key, None)
    schema["anyOf"] = [{"type": "integer"}, {"type": "array", "items": {"type": "integer"}}]


def _listed(value: Any) -> Any:
    return value if isinstance(value, list | tuple) else [value]


class MultipleQuestion(Question):
    """One or more right options (checkboxes); all and only those must be chosen."""

    type: Literal["multiple"] = "multiple"
    options: Annotated[Items[Option], AtLeast(2), _OPTIONS] = Field(
        description='The choices, in the order shown; the right ones carry "correct: true".'
    )
    answer: Annotated[
        Items[int] | None,
        BeforeValidator(_listed),
        _answer_words("option numbers", many=True),
    ] = Field(
        None,
        description='Instead of "correct: true": the 0-based numbers of the right options.',
        json_schema_extra=_number_or_numbers,
    )

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleQuestion:
        options = self.options if self.answer is None else _apply_answer(self.options, self.answer)
        if not any(option.correct for option in options):
            raise problem(
                "multiple-choice {where} has no correct option",
                'mark at least one option with "correct: true"',
                at="options",
            )
        return self if options is self.options else self.model_copy(update={"options": options})

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        """0-based positions of the correct options (at least one)."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)


class TrueFalseQuestion(Question):
    """A statement that is either true or false."""

    type: Literal["true_false"] = "true_false"
    answer: Annotated[
        bool,
        _needs("answer", "add answer: true (or answer: false)"),
        Words(
            invalid=Say(
                '"answer" of true/false {where} must be true or false',
                "write answer: true or answer: false",
            )
        ),
    ] = Field(description="Whether the statement is true.")


def _distinct(texts: tuple[Text, ...], key: str, what: str) -> None:
    """Two equal items (or right sides) would make the answer ambiguous."""
    for lang in texts[0].languages() if texts else ():
        seen: dict[str, int] = {}
        for index, text in enumerate(texts):
            same = normalize_answer(text.in_(lang))
            if same in seen:
                raise problem(
                    '{what} of {where} repeat "{text}" in {lang} (also on line {first})',
                    "make each of the {what} different",
                    at=(key, index),
                    first=(key, seen[same]),
                    what=what,
                    text=text.in_(lang),
                    lang=lang,
                )
            seen[same] = index


class OrderingQuestion(Question):
    """Items listed in the right order in the YAML, shown shuffled."""

    type: Literal["ordering"] = "ordering"
    items: Annotated[
        Items[Text],
        AtLeast(2),
        _needs("items", "add items: [" + TEXT + ", ...] in the right order"),
        Words(name="item", what="items", example="- {texts}"),
    ] = Field(description="The items in the right order (they are shown shuffled).")

    @model_validator(mode="after")
    def _distinct_items(self) -> OrderingQuestion:
        _distinct(self.items, "items", "items")
        return self


class MatchingQuestion(Question):
    """Each left item matches its own right side; the right sides are shown shuffled."""

    type: Literal["matching"] = "matching"
    pairs: Annotated[
        Items[Pair],
        AtLeast(2),
        _needs("pairs", "add pairs: [{{left: {texts}, right: {texts}}}, ...]"),
        Words(what="pairs", example="- left: {...} with right: {...} below"),
    ] = Field(description="Each left item with the right side it matches.")

    @model_validator(mode="after")
    def _distinct_rights(self) -> MatchingQuestion:
        _distinct(tuple(pair.right for pair in self.pairs), "pairs", "right sides")
        return self


def _one_or_more(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Answers = Annotated[
    Items[
        Annotated[
            str,
            _NON_EMPTY,
            Words(
                invalid=Say(
                    "an answer of {where} in {key} is not a text",
                    "write each accepted answer in quotes",
                )
            ),
        ]
    ],
    BeforeValidator(_one_or_more),
    AtLeast(1),
]


class FillAnswers(QuizModel, Localized[Answers]):
    """The accepted answers of a fill question, per language."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say(
            '"answers" of {where} must give each language', "write it as answers: {lists}"
        ),
        "extra": Say('"answers" of {where} has unknown language "{key}"', "use only {languages}"),
        "missing": Say(
            '"answers" of {where} lacks {key}',
            'add {key}: ["..."] (every question needs answers in {languages})',
            at="mapping",
        ),
        "invalid": Say(
            '"answers" of {where} in {key} must list at least one answer',
            'write {key}: ["answer", "other accepted answer"]',
            at="field",
        ),
    }


class FillQuestion(Question):
    """A short typed answer, compared with the accepted answers of the page's language."""

    type: Literal["fill"] = "fill"
    answers: Annotated[FillAnswers, _needs("answers", "add answers: {lists}")] = Field(
        description="Accepted answers per language; case, ё/е and apostrophes do not count."
    )


class ReflectionQuestion(Question):
    """Free text kept on the reader's device, printable, never scored."""

    type: Literal["reflection"] = "reflection"
    scored: ClassVar[bool] = False
    explanation: SkipJsonSchema[None] = None  # nothing to explain: there is no right answer


AnyQuestion = Annotated[
    Union[  # noqa: UP007 (a tagged union of models reads best spelled out)
        SingleQuestion,
        MultipleQuestion,
        TrueFalseQuestion,
        OrderingQuestion,
        MatchingQuestion,
        FillQuestion,
        ReflectionQuestion,
    ],
    Field(discriminator="type"),
    BeforeValidator(_id_first),
]

QUESTION_CLASSES: dict[str, type[Question]] = {
    cls.model_fields["type"].default: cls
    for cls in (
        SingleQuestion,
        MultipleQuestion,
        TrueFalseQuestion,
        OrderingQuestion,
        MatchingQuestion,
        FillQuestion,
        ReflectionQuestion,
    )
}

_NO_QUESTIONS = ("{where} has no questions", 'add at least one question under "questions:"')


def _unique(ids: list[str], key: str, what: str, scope: str) -> None:
    seen: dict[str, int] = {}
    for index, ident in enumerate(ids):
        if ident in seen:
            raise problem(
                f'{what} id "{{ident}}" is used twice (also on line {{first}})',
                f"give each {what} {scope} its own id",
                at=(key, index, "id"),
                first=(key, seen[ident], "id"),
                ident=ident,
            )
        seen[ident] = index


class Quiz(QuizModel):
    """One quiz of a module."""

    called = 'quiz "{id}"'
    called_by_number = "quiz {n} of {parent}"
    checked_first = ("id",)
    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say(
            "{where} must be a mapping",
            'write it as "- id: check-1" with pass_mark and questions below',
        ),
    }

    id: Annotated[
        Slug,
        Words(
            missing=Say('{where} has no "id"', "add one, e.g. id: check-1", at="mapping"),
            invalid=Say(
                'id "{value}" of {where} is not a lowercase slug',
                "use lowercase ASCII letters, digits and hyphens, e.g. id: check-1",
            ),
        ),
    ] = Field(description='Unique in the file; lessons embed it as {{ quiz "check-1" }}.')
    title: Annotated[Text | None, NotNull] = Field(None, description="A heading for the quiz.")
    pass_mark: Annotated[
        float,
        Field(ge=0, le=1),
        Words(
            float_type=Say(
                '"pass_mark" of {where} must be a number',
                "write the fraction of points needed to pass, e.g. pass_mark: 0.7",
            ),
            invalid=Say(
                '"pass_mark" of {where} is {value}, outside 0..1',
                "write the fraction of points needed to pass, e.g. 0.7 for 70 %",
            ),
        ),
    ] = Field(DEFAULT_PASS_MARK, description="Fraction of the points needed to pass (0.7).")
    questions: Annotated[
        Items[AnyQuestion],
        AtLeast(1),
        Words(
            what="questions",
            example="- id: q1",
            missing=Say(*_NO_QUESTIONS, at="id"),
            empty=Say(*_NO_QUESTIONS),
            none=Say(*_NO_QUESTIONS),
        ),
    ] = Field(description="The questions, in the order shown.")
    module: SkipJsonSchema[str] = ""  # the module's id: the file's name
    source: SkipJsonSchema[str] = ""  # the author's file, e.g. "quizzes/inclusive-care-basics.yml"
    line: SkipJsonSchema[int] = 0  # of its id

    @classmethod
    def derive(cls, data: MarkedDict, context: Any) -> dict[str, Any]:
        """Its module and file (from the loader) and the line of its id."""
        context = context or {}
        return {
            "module": context.get("module", ""),
            "source": context.get("display", ""),
            "line": data.line_of("id"),
        }

    @model_validator(mode="after")
    def _unique_questions(self) -> Quiz:
        _unique([q.id for q in self.questions], "questions", "question", "of {where}")
        return self

    @property
    def full_id(self) -> str:
        """``<module-id>/<quiz-id>``, as lessons of other modules and pages write it."""
        return f"{self.module}/{self.id}"

    @property
    def scored_questions(self) -> tuple[Question, ...]:
        """The questions that count for the score (all but reflections)."""
        return tuple(q for q in self.questions if q.scored)

    @property
    def points_needed(self) -> int:
        """Right answers needed to pass: ``pass_mark`` of the scored questions, rounded up."""
        total = len(self.scored_questions)
        needed = -int(-(self.pass_mark * total - 1e-9) // 1)  # ceil without float noise
        return max(0, min(total, needed))


class QuizFile(QuizModel):
    """``quizzes/<module-id>.yml``: the quizzes of one module."""

    called = "the file"
    messages: ClassVar[dict[str, Say]] = {
        "none_object": Say(
            "the file is empty", 'start it with "quizzes:" followed by a list of quizzes'
        ),
        "not_mapping": Say(
            'the file must be a mapping with the key "quizzes"',
            'start it with "quizzes:" followed by a list of quizzes',
        ),
    }

    quizzes: Annotated[
        Items[Quiz],
        AtLeast(1),
        Words(
            what="quizzes",
            example="- id: check-1",
            missing=Say(
                'missing key "quizzes"',
                'start the file with "quizzes:" followed by a list of quizzes',
                at="mapping",
            ),
        ),
    ] = Field(description="The quizzes of the module this file is named after.")
    module: SkipJsonSchema[str] = ""
    path: SkipJsonSchema[str] = ""

    @classmethod
    def derive(cls, data: MarkedDict, context: Any) -> dict[str, Any]:
        """Its module and file, from the loader."""
        context = context or {}
        return {"module": context.get("module", ""), "path": context.get("display", "")}

    @model_validator(mode="after")
    def _unique_quizzes(self) -> QuizFile:
        _unique([q.id for q in self.quizzes], "quizzes", "quiz", "in the file")
        return self


# The apostrophes of search folding (aci_course.search.fold.APOSTROPHES); quiz.js has
# the same set, both checked against tests/quiz/answer_cases.json.
_APOSTROPHES = re.compile("[\u2019\u02bc\u2018\u02bb`\u00b4\u2032]")
_SPACES = re.compile(r"\s+")


def normalize_answer(text: str) -> str:
    """How typed answers are compared (the browser script does the same).

    Case, surrounding and repeated spaces, ``ё``/``е`` and the apostrophe
    variants (``'`` ``’`` ``ʼ``) do not count.
    """
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = text.replace("ё", "е")
    text = _APOSTROPHES.sub("'", text)
    return _SPACES.sub(" ", text)
