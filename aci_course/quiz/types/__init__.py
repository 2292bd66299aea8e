"""The question-type registry: everything one question type needs, in one module each.

``aci_course/quiz/types/<type>.py`` holds one :class:`QuestionType`: its model (the
pydantic class authors' YAML is checked against), the form template (the site), the
print template (PDF handbooks and tests), the answer-key template (facilitator
edition), its Moodle XML element, and the name of its handler in
``overrides/assets/javascripts/quiz.js`` (chosen there by the ``data-question-type``
the form carries). The renderers, the answer key, the PDF, the Moodle export and the
templates ask the registry; none of them names a type.

Adding a type: write ``<type>.py`` with its model (a subclass of
:class:`aci_course.quiz.model.Question` with ``type: Literal["<type>"]``), its views and
its three templates, register it below (:data:`BUILT_IN`), add the model to
``AnyQuestion`` in :mod:`aci_course.quiz.model` (the YAML loader's tagged union) and a
handler to ``HANDLERS`` in quiz.js.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from aci_course.quiz.model import Question, Quiz

View = dict[str, Any]


def _nothing(question: Any, lang: str) -> View:
    return {}


def _nothing_seeded(question: Any, lang: str, seed: str) -> View:
    return {}


@dataclass(frozen=True)
class QuestionType:
    """One question type, as every part of the course meets it."""

    name: str  # the YAML ``type:``, the form's ``data-question-type``
    model: type[Question]
    moodle: Callable[[Quiz, Any, str], ET.Element]
    browser_handler: str  # the key of its handler in quiz.js's HANDLERS
    # What the browser needs to check an answer (quiz.js), besides the type.
    browser_key: Callable[[Any, str], View] = _nothing
    # Data for the form template, besides id, type, number, dom, text and explanation;
    # ``seed`` fixes the shuffled orders (the same in every language and build).
    form_view: Callable[[Any, str, str], View] = _nothing_seeded
    # Data for the print template: ``choices``, ``left``, ``right`` (empty by default).
    print_view: Callable[[Any, str, str], View] = _nothing_seeded
    # Data for the answer-key template: ``options``, ``answers`` (empty by default).
    key_view: Callable[[Any, str], View] = _nothing

    # Template paths under aci_course/templates/; empty: the type's own files,
    # quiz/<name>.html, export/quiz/<name>.html and editions/answer_key/<name>.html.
    form_template: str = ""
    print_template: str = ""
    key_template: str = ""

    def __post_init__(self) -> None:
        defaults = {
            "form_template": f"quiz/{self.name}.html",
            "print_template": f"export/quiz/{self.name}.html",
            "key_template": f"editions/answer_key/{self.name}.html",
        }
        for field_name, default in defaults.items():
            if not getattr(self, field_name):
                object.__setattr__(self, field_name, default)


_REGISTRY: dict[str, QuestionType] = {}


def register(question_type: QuestionType) -> QuestionType:
    """Add ``question_type`` (a name already taken is replaced)."""
    _REGISTRY[question_type.name] = question_type
    return question_type


def unregister(name: str) -> None:
    """Remove a type (tests add throwaway ones)."""
    _REGISTRY.pop(name, None)


@contextmanager
def registered(question_type: QuestionType) -> Iterator[QuestionType]:
    """``question_type`` registered for the ``with`` block only."""
    register(question_type)
    try:
        yield question_type
    finally:
        unregister(question_type.name)


def question_type(question: Question | str) -> QuestionType:
    """The registered type of ``question`` (or of a type name)."""
    name = question if isinstance(question, str) else question.type
    try:
        return _REGISTRY[name]
    except KeyError:
        raise LookupError(f"question type {name!r} is not registered") from None


def question_types() -> list[QuestionType]:
    """Every registered type, in registration order."""
    return list(_REGISTRY.values())


def _register_built_in() -> None:
    from aci_course.quiz.types import (
        fill,
        matching,
        multiple,
        ordering,
        reflection,
        single,
        true_false,
    )

    for module in (single, multiple, true_false, ordering, matching, fill, reflection):
        register(module.TYPE)


_register_built_in()
