"""The progress page, the trainer's group report and the lesson's "done" toggle.

Each page is Markdown with a heading and an HTML body rendered from
``templates/progress/``; every text comes from ``data/ui.yml``. Nothing here
knows a learner's state: the pages are the same for everyone and progress.js
fills them in from the reader's own browser storage. The toggle is no page's
HTML: progress-lesson.js draws it from the language's texts script.
"""

from __future__ import annotations

import json
from typing import Any

from aci_course.core.templating import render
from aci_course.core.texts import t

PROGRESS_PAGE = "progress.md"
REPORT_PAGE = "group-report.md"


def _page(title: str, description: str, body: str) -> str:
    meta = f"title: {json.dumps(title, ensure_ascii=False)}\n"
    meta += f"description: {json.dumps(description, ensure_ascii=False)}\n"
    meta += "search:\n  exclude: true\n"  # a page of controls, nothing to find in it
    return f"---\n{meta}---\n\n# {title}\n\n{body}"


def progress_page(modules: list[dict[str, Any]], lang: str) -> str:
    """Markdown source of ``progress.html`` in ``lang``."""
    body = render("progress/progress.html", lang=lang, modules=modules)
    return _page(t("progress.title", lang), t("progress.intro", lang), body)


def report_page(modules: list[dict[str, Any]], lang: str) -> str:
    """Markdown source of ``group-report.html`` in ``lang``."""
    body = render("progress/report.html", lang=lang, modules=modules)
    return _page(t("report.title", lang), t("report.intro", lang), body)


def lesson_toggle(lang: str) -> str:
    """The "lesson done" toggle (drawn by progress-lesson.js: ``html.lesson-done``)."""
    return render("progress/lesson_done.html", lang=lang)
