"""The HTML of a quiz in one language, from ``templates/quiz/`` (never by concatenation).

The page carries everything the browser needs to check answers offline: the
answer key and the interface texts of the page's language, as one JSON element
inside the form. Shuffled orders are derived from the quiz and question ids, so
they are the same in every language and in every build.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from markupsafe import Markup

from aci_course.core.templating import render
from aci_course.core.texts import for_language
from aci_course.quiz.model import (
    FillQuestion,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    Quiz,
    SingleQuestion,
    TrueFalseQuestion,
    normalize_answer,
)

SCRIPT_TEXTS = (
    "correct",
    "wrong",
    "unanswered",
    "mark-correct",
    "mark-wrong",
    "score",
    "passed",
    "failed",
    "stats",
    "incomplete",
    "question-link",
)
"""The ``quiz.*`` interface texts quiz.js shows (the others are in the HTML)."""


def shuffled(count: int, seed: str) -> list[int]:
    """Return a fixed permutation of ``range(count)`` derived from ``seed``; never the identity.

    A Fisher-Yates shuffle driven by SHA-256 rather than :mod:`random`, so the
    order cannot change with the Python version.
    """
    order = list(range(count))
    for i in range(count - 1, 0, -1):
        digest = hashlib.sha256(f"{seed}:{i}".encode()).digest()
        j = int.from_bytes(digest[:8], "big") % (i + 1)
        order[i], order[j] = order[j], order[i]
    if count > 1 and order == sorted(order):  # shown in the right order, it gives the answer
        order = order[1:] + order[:1]
    return order


def dom_id(*parts: str) -> str:
    """Return an element id unique on the page: ``aci-quiz--<module>--<quiz>--<question>``."""
    return "--".join(("aci-quiz", *parts))


def answer_key(question: Question, lang: str) -> dict[str, Any]:
    """Return what the browser script needs to check ``question`` (see quiz.js)."""
    key: dict[str, Any] = {"type": question.type}
    if isinstance(question, SingleQuestion | MultipleQuestion):
        key["answer"] = [str(i) for i in question.correct_indexes]
    elif isinstance(question, TrueFalseQuestion):
        key["answer"] = "true" if question.answer else "false"
    elif isinstance(question, OrderingQuestion):
        key["count"] = len(question.items)
    elif isinstance(question, MatchingQuestion):
        key["count"] = len(question.pairs)
    elif isinstance(question, FillQuestion):
        key["answers"] = sorted({normalize_answer(a) for a in question.answers[lang]})
    return key


def _script_json(data: object) -> Markup:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>``, no ``<!--``)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return Markup(text)


def _question_view(quiz: Quiz, question: Question, number: int, lang: str) -> dict[str, Any]:
    """Plain data for the template of one question, in ``lang``."""
    base = dom_id(quiz.module, quiz.id, question.id)
    view: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "number": number,
        "dom": base,
        "text": question.text.in_(lang),
        "explanation": question.explanation.in_(lang) if question.explanation else None,
    }
    seed = f"{quiz.full_id}/{question.id}"
    if isinstance(question, SingleQuestion | MultipleQuestion):
        view["options"] = [
            {
                "index": i,
                "text": option.text.in_(lang),
                "feedback": option.feedback.in_(lang) if option.feedback else None,
            }
            for i, option in enumerate(question.options)
        ]
    elif isinstance(question, OrderingQuestion):
        view["items"] = [
            {"index": i, "text": question.items[i].in_(lang)}
            for i in shuffled(len(question.items), seed)
        ]
        view["positions"] = list(range(1, len(question.items) + 1))
    elif isinstance(question, MatchingQuestion):
        view["pairs"] = [
            {"index": i, "left": pair.left.in_(lang)} for i, pair in enumerate(question.pairs)
        ]
        view["rights"] = [
            {"index": j, "text": question.pairs[j].right.in_(lang)}
            for j in shuffled(len(question.pairs), seed)
        ]
    return view


def render_quiz(quiz: Quiz, lang: str, course_version: str) -> str:
    """Render the ``<form>`` of ``quiz`` in ``lang`` (see DESIGN.md, "Front-end contract")."""
    scored = quiz.scored_questions
    all_texts = for_language(lang, "quiz.")
    texts = {name: all_texts[f"quiz.{name}"] for name in SCRIPT_TEXTS}
    data = {
        "key": {q.id: answer_key(q, lang) for q in quiz.questions},
        "needed": quiz.points_needed,
        "total": len(scored),
        "texts": texts,
    }
    return render(
        "quiz/quiz.html",
        lang=lang,
        quiz=quiz,
        dom=dom_id(quiz.module, quiz.id),
        title=quiz.title.in_(lang) if quiz.title else None,
        questions=[
            _question_view(quiz, question, number, lang)
            for number, question in enumerate(quiz.questions, start=1)
        ],
        total=len(scored),
        needed=quiz.points_needed,
        has_reflection=any(not q.scored for q in quiz.questions),
        course_version=course_version,
        data=_script_json(data),
    )
