"""Progress of one build: progress.html, group-report.html, the course map.

- the course map is made of the modules and quizzes (read by the first language of
  a build) for the language being built;
- ``progress.html``, ``group-report.html`` (both outside the navigation: the header
  links the first, the trainers' page the second) and
  the course map scripts (the whole course, and one per module) are added to each language;
- every page gets the header's link and the map script of its kind (a lesson: its module's).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from aci_course import DEFAULT_LANGUAGE
from aci_course.core.texts import t
from aci_course.core.yamlsource import read_text
from aci_course.course.languages import language_root, prefix
from aci_course.course.modules import load_modules
from aci_course.progress import data, pages
from aci_course.quiz.load import load_quizzes


class ProgressBuild:
    """What the course maps of one whole build are made of (raises AuthorError)."""

    def __init__(self, root: Path, languages: Sequence[str]) -> None:
        self.modules = load_modules(root, languages)
        self.quizzes = load_quizzes(root, languages)
        self.texts = {  # (module, lesson) -> Russian text
            (m.id, lesson.name): read_text(lesson.sources[DEFAULT_LANGUAGE], lesson.name)
            for m in self.modules
            for lesson in m.lessons
        }
        self.map: list[dict[str, Any]] = []  # the course map of the language being built
        self.scripts: dict[str, str] = {}  # site path -> text of this language's map scripts

    def start_language(
        self, lang: str, course_id: str, course_version: str, site_name: str
    ) -> None:
        """Make the course map and the map scripts (whole course, per module) of ``lang``."""
        self.map = data.course_map(self.modules, self.quizzes, self.texts, lang)
        self.scripts = data.data_scripts(course_id, course_version, site_name, lang, self.map)

    def add_files(self, files: Files, config: MkDocsConfig, lang: str) -> Files:
        """Add the two pages and the map scripts of ``lang``."""
        base = prefix(lang)
        for src, dest, content in (
            (pages.PROGRESS_PAGE, f"{base}progress.html", pages.progress_page(self.map, lang)),
            (pages.REPORT_PAGE, f"{base}group-report.html", pages.report_page(self.map, lang)),
        ):
            file = File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            file.dest_uri = dest
            file.locale = lang  # type: ignore[attr-defined]  # what static-i18n reads
            file.locale_alternate_of = lang  # type: ignore[attr-defined]
            file.alternates = {}  # type: ignore[attr-defined]
            files.append(file)
        for path, text in self.scripts.items():
            files.append(File.generated(config, path, content=text))
        return files


def page_context(context: dict[str, Any], lang: str, page: Page | None) -> dict[str, Any]:
    """The header's progress link and, for a page, which progress scripts and map it loads.

    A template page (404.html, ``page`` None) gets the link only.
    """
    base = str(context.get("base_url", ".")).rstrip("/") or "."
    module = getattr(page.file, "aci_module", None) if page else None
    path = page.file.dest_uri.removeprefix(prefix(lang)) if page else ""
    kind = data.page_kind(path, module) if page else "other"
    script = data.page_data_path(lang, kind, module)
    context["aci_progress"] = {
        "page": kind,  # overrides/main.html loads the progress scripts of this kind of page
        "root": prefix(lang),  # the language root, for webapp.js
        "data": f"{base}/{script}" if script else None,
        "href": f"{language_root(base, lang)}progress.html",
        "label": t("progress.header", lang),
    }
    return context
