"""Each quiz's answer key with explanations, for trainers (never in the learner edition)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from aci_course.core.templating import render
from aci_course.quiz.model import Question, Quiz
from aci_course.quiz.types import question_type


def question_key(question: Question, lang: str) -> dict[str, Any]:
    """What the template shows for one question: the right answer(s) and why."""
    view: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "text": question.text.in_(lang),
        "explanation": question.explanation.in_(lang) if question.explanation else "",
        "options": [],
        "answers": [],
        "scored": question.scored,
    }
    kind = question_type(question)
    view["template"] = kind.key_template
    view.update(kind.key_view(question, lang))
    return view


def quiz_keys(quizzes: Sequence[Quiz], lang: str) -> list[dict[str, Any]]:
    """Template data of each quiz's key in ``lang``."""
    return [
        {
            "id": quiz.full_id,
            "title": quiz.title.in_(lang) if quiz.title else quiz.id,
            "pass_mark": quiz.pass_mark,
            "questions": [question_key(q, lang) for q in quiz.questions],
        }
        for quiz in quizzes
    ]


def answer_key_html(quizzes: Sequence[Quiz], lang: str, heading_level: int = 2) -> str:
    """The answer keys of ``quizzes`` in ``lang`` (HTML, from the Jinja template)."""
    return render(
        "editions/answer_key.html", lang=lang, quizzes=quiz_keys(quizzes, lang), h=heading_level
    )


def answer_key_page(title: str, quizzes: Sequence[Quiz], lang: str) -> str:
    """A Markdown page (front matter, heading, HTML) with the answer keys."""
    front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"
    return f"{front}# {title}\n\n{answer_key_html(quizzes, lang)}"
