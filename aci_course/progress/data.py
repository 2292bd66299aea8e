"""The course map per language: what progress.js needs to know about the course.

Written as a small script (``assets/javascripts/progress-data.<lang>.js``) rather
than fetched as JSON, because ``fetch`` of a local file is refused over ``file://``
while a ``<script src>`` is not.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from aci_course.core.sources import qualified_quiz_id, quiz_directives
from aci_course.core.texts import for_language, t
from aci_course.course.languages import prefix
from aci_course.course.modules import Module
from aci_course.quiz.model import Quiz

FORMAT = "aci-course-progress"
"""``format`` of an exported progress file (schemas/progress.schema.json)."""

FORMAT_VERSION = 1
"""Bumped when an exported file changes in a way older pages cannot read."""

DEFAULT_COURSE_ID = "all-children-included"
"""The course id in exported files, unless mkdocs.yml sets ``extra.course_id``."""


def data_path(lang: str) -> str:
    """Site path of the map script of ``lang`` (one per language, shared by its pages)."""
    return f"assets/javascripts/progress-data.{lang}.js"


def lesson_quizzes(module: Module, lesson_text: str) -> list[str]:
    """Full ids of the quizzes a lesson embeds, in page order, each once."""
    found: list[str] = []
    for directive in quiz_directives(lesson_text):
        if not directive.written:
            continue
        full = qualified_quiz_id(directive.written, module.id)
        if full is not None and full not in found:
            found.append(full)
    return found


def course_map(
    modules: Sequence[Module],
    quizzes: Mapping[str, Quiz],
    lesson_texts: Mapping[tuple[str, str], str],
    lang: str,
) -> list[dict[str, Any]]:
    """Every module with its lessons and quizzes, in catalogue order, in ``lang``.

    ``lesson_texts`` maps ``(module id, lesson file name)`` to the lesson's text in
    the default language (the quiz lines are the same in every language). Links are
    relative to the language root (``modules/<id>/<slug>.html``).
    """
    result = []
    for module in modules:
        lessons = []
        module_quizzes: list[str] = []
        where: dict[str, str] = {}  # quiz -> title of the first lesson embedding it
        for lesson in module.lessons:
            embedded = [
                full
                for full in lesson_quizzes(module, lesson_texts.get((module.id, lesson.name), ""))
                if full in quizzes
            ]
            module_quizzes.extend(q for q in embedded if q not in module_quizzes)
            for full in embedded:
                where.setdefault(full, lesson.title(lang))
            lessons.append(
                {
                    "id": f"{module.id}/{lesson.slug}",
                    "title": lesson.title(lang),
                    "href": f"modules/{module.id}/{lesson.slug}.html",
                    "quizzes": embedded,
                }
            )
        result.append(
            {
                "id": module.id,
                "title": module.title[lang],
                "track": module.track,
                "minutes": module.duration_minutes,
                "href": f"modules/{module.id}/index.html",
                "lessons": lessons,
                "quizzes": [
                    {
                        "id": full,
                        "title": _quiz_title(quizzes[full], lang, where[full]),
                        "total": len(quizzes[full].scored_questions),
                        "needed": quizzes[full].points_needed,
                    }
                    for full in module_quizzes
                ],
            }
        )
    return result


def _quiz_title(quiz: Quiz, lang: str, lesson_title: str) -> str:
    """The quiz's own title, else "Check yourself: <lesson>" (the heading its form shows)."""
    if quiz.title is not None:
        return str(getattr(quiz.title, lang))
    return f"{t('quiz.title', lang)}: {lesson_title}"


def data_script(
    course_id: str,
    course_version: str,
    course_title: str,
    lang: str,
    modules: list[dict[str, Any]],
) -> str:
    """The text of ``progress-data.<lang>.js``: the map and texts, as one JSON value."""
    payload = {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "course": course_id,
        "version": course_version,
        "title": course_title,
        "lang": lang,
        "root": prefix(lang),
        "modules": modules,
        "texts": {
            **for_language(lang, "progress."),
            **for_language(lang, "report."),
            **for_language(lang, "track."),
        },
    }
    # JSON is valid JavaScript; Jinja's script-safe form (<, >, & and ' as \u escapes)
    # keeps it harmless should it ever be put inside a <script> element.
    text = htmlsafe_json_dumps(payload, ensure_ascii=False, sort_keys=True)
    return "window.aciProgressData = window.aciProgressData || {};\n" + (
        f"window.aciProgressData[{json.dumps(lang)}] = {text};\n"
    )
