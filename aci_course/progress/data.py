"""The course map per language: what progress.js needs to know about the course.

Written as small scripts rather than fetched as JSON, because ``fetch`` of a local
file is refused over ``file://`` while a ``<script src>`` is not:

* ``assets/javascripts/progress-data.<lang>.js``: the whole course, for the pages
  that show every module (the catalogue, the progress page, the group report);
* ``assets/javascripts/progress/<lang>/<module>.js``: one module, for its lessons and
  overview, so that a lesson's weight does not grow with the number of modules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, cast

from jinja2.utils import htmlsafe_json_dumps

from aci_course.core.sources import qualified_quiz_id, quiz_directives
from aci_course.core.texts import for_language, t
from aci_course.course.languages import prefix
from aci_course.course.modules import Module
from aci_course.quiz.model import Quiz

FORMAT = "aci-course-progress"
"""``format`` of an exported progress file (schemas/progress.schema.json)."""

FORMAT_VERSION = 2
"""Bumped when an exported file changes in a way older pages cannot read (2: the test
before a module, ``pre``, and the first check after it, ``post``, per quiz)."""

DEFAULT_COURSE_ID = "all-children-included"
"""The course id in exported files, unless mkdocs.yml sets ``extra.course_id``."""


def data_path(lang: str) -> str:
    """Site path of the whole course's map script of ``lang``."""
    return f"assets/javascripts/progress-data.{lang}.js"


def module_data_path(lang: str, module_id: str) -> str:
    """Site path of the map script of one module in ``lang`` (its lessons and overview)."""
    return f"assets/javascripts/progress/{lang}/{module_id}.js"


PageKind = Literal["lesson", "module", "course", "progress", "report", "other"]
"""What progress code a page needs: the template loads the scripts of its kind."""

COURSE_PAGES: Final = {"modules/index.html": "course", "progress.html": "progress",
                       "group-report.html": "report"}  # fmt: skip
"""Pages (relative to a language root) that show every module, by kind."""


MODULE_TEXTS: Final = ("progress.state.", "progress.lessons-done", "progress.quiz-",
                       "progress.continue-lesson")  # fmt: skip
"""The texts progress.js shows (prefixes): all a module's map carries; the progress
page's and group report's own texts come with the whole course's map."""


def page_kind(path: str, module_id: str | None) -> PageKind:
    """The kind of the page at ``path`` (relative to its language root).

    A page of a module (``module_id`` set) is its overview or one of its lessons.
    """
    if module_id is not None:
        return "module" if path.rsplit("/", 1)[-1] == "index.html" else "lesson"
    kind = COURSE_PAGES.get(path, "other")
    return cast(PageKind, kind)


def page_data_path(lang: str, kind: PageKind, module_id: str | None) -> str | None:
    """The map script a page of ``kind`` loads, or None (it has no progress)."""
    if kind in ("lesson", "module") and module_id is not None:
        return module_data_path(lang, module_id)
    if kind in ("course", "progress", "report"):
        return data_path(lang)
    return None


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
                        "questions": scored_numbers(quizzes[full]),
                    }
                    for full in module_quizzes
                ],
            }
        )
    return result


def scored_numbers(quiz: Quiz) -> list[dict[str, Any]]:
    """Each scored question's id and its number in the form (as printed and shown)."""
    return [
        {"id": question.id, "number": number}
        for number, question in enumerate(quiz.questions, start=1)
        if question.scored
    ]


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
    *,
    complete: bool = True,
) -> str:
    """The text of a map script: ``modules`` (all, when ``complete``) and the texts.

    A map of one module carries only the texts progress.js shows (``MODULE_TEXTS``);
    the whole course's all of the progress page, group report and tracks.
    """
    texts = {
        key: text
        for key, text in for_language(lang, "progress.").items()
        if complete or key.startswith(MODULE_TEXTS)
    }
    if complete:
        texts = {**texts, **for_language(lang, "report."), **for_language(lang, "track.")}
    payload = {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "course": course_id,
        "version": course_version,
        "title": course_title,
        "lang": lang,
        "root": prefix(lang),
        "complete": complete,
        "modules": modules,
        "texts": texts,
    }
    # JSON is valid JavaScript; Jinja's script-safe form (<, >, & and ' as \u escapes)
    # keeps it harmless should it ever be put inside a <script> element.
    text = htmlsafe_json_dumps(payload, ensure_ascii=False, sort_keys=True)
    return "window.aciProgressData = window.aciProgressData || {};\n" + (
        f"window.aciProgressData[{json.dumps(lang)}] = {text};\n"
    )


def data_scripts(
    course_id: str,
    course_version: str,
    course_title: str,
    lang: str,
    modules: list[dict[str, Any]],
) -> dict[str, str]:
    """Site path -> text of every map script of ``lang``: the course's and each module's."""
    scripts = {data_path(lang): data_script(course_id, course_version, course_title, lang, modules)}
    for module in modules:
        scripts[module_data_path(lang, str(module["id"]))] = data_script(
            course_id, course_version, course_title, lang, [lesson_map(module)], complete=False
        )
    return scripts


def lesson_map(module: dict[str, Any]) -> dict[str, Any]:
    """What a lesson or overview needs of its module's map: ids, quizzes and pass marks.

    The titles and links of lessons and quizzes are shown only where the whole course
    is (continue, certificate, import, group report), so they stay out.
    """
    return {
        **module,
        "lessons": [
            {key: lesson[key] for key in ("id", "quizzes")} for lesson in module["lessons"]
        ],
        "quizzes": [
            {key: quiz[key] for key in ("id", "total", "needed")} for quiz in module["quizzes"]
        ],
    }
