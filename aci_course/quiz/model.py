"""The quiz schema as typed, immutable dataclasses (see DESIGN.md, "Quizzes").

Texts carry every course language; the answer key (which option is correct, the
order of items, which right side matches which left) is shared by the languages,
so a translation can never change the right answer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar

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


@dataclass(frozen=True)
class Text:
    """One text in every course language."""

    ru: str
    be: str
    en: str

    def in_(self, lang: str) -> str:
        """Return the text in ``lang`` (one of :data:`aci_course.LANGUAGES`)."""
        value: str = getattr(self, lang)
        return value


@dataclass(frozen=True)
class Option:
    """A choice of a single- or multiple-choice question."""

    text: Text
    correct: bool
    feedback: Text | None = None


@dataclass(frozen=True)
class Pair:
    """A left item of a matching question and the right side it matches."""

    left: Text
    right: Text


@dataclass(frozen=True, kw_only=True)
class Question:
    """What every question has; subclasses add their answer key."""

    type: ClassVar[str]
    scored: ClassVar[bool] = True

    id: str
    text: Text
    explanation: Text | None = None
    line: int = 0


@dataclass(frozen=True, kw_only=True)
class SingleQuestion(Question):
    """One right option among several (radio buttons)."""

    type: ClassVar[str] = "single"
    options: tuple[Option, ...]

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        """0-based positions of the correct options (exactly one)."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True, kw_only=True)
class MultipleQuestion(Question):
    """One or more right options (checkboxes); all and only those must be chosen."""

    type: ClassVar[str] = "multiple"
    options: tuple[Option, ...]

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        """0-based positions of the correct options (at least one)."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True, kw_only=True)
class TrueFalseQuestion(Question):
    """A statement that is either true or false."""

    type: ClassVar[str] = "true_false"
    answer: bool


@dataclass(frozen=True, kw_only=True)
class OrderingQuestion(Question):
    """Items listed in the right order in the YAML, shown shuffled."""

    type: ClassVar[str] = "ordering"
    items: tuple[Text, ...]


@dataclass(frozen=True, kw_only=True)
class MatchingQuestion(Question):
    """Each left item matches its own right side; the right sides are shown shuffled."""

    type: ClassVar[str] = "matching"
    pairs: tuple[Pair, ...]


@dataclass(frozen=True, kw_only=True)
class FillQuestion(Question):
    """A short typed answer, compared with the accepted answers of the page's language."""

    type: ClassVar[str] = "fill"
    answers: dict[str, tuple[str, ...]]


@dataclass(frozen=True, kw_only=True)
class ReflectionQuestion(Question):
    """Free text kept on the reader's device, printable, never scored."""

    type: ClassVar[str] = "reflection"
    scored: ClassVar[bool] = False


QUESTION_CLASSES: dict[str, type[Question]] = {
    cls.type: cls
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


@dataclass(frozen=True)
class Quiz:
    """One quiz of a module."""

    module: str
    id: str
    pass_mark: float
    questions: tuple[Question, ...]
    title: Text | None = None
    source: str = ""  # the author's file, e.g. "quizzes/inclusive-care-basics.yml"
    line: int = 0

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


@dataclass(frozen=True)
class QuizFile:
    """``quizzes/<module-id>.yml``: the quizzes of one module."""

    module: str
    path: str
    quizzes: tuple[Quiz, ...]


_APOSTROPHES = re.compile("[\u2019\u02bc\u2018`\u00b4]")
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
