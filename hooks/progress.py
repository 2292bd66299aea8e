"""Progress: the lesson "done" toggle, progress.html, group-report.html and the course map.

- ``on_config`` reads the modules and quizzes (in the first language of a build)
  and makes this language's course map;
- ``on_files`` adds ``progress.html``, ``group-report.html`` (both outside the
  navigation: the header links the first, the trainers' page the second) and
  ``assets/javascripts/progress-data.<lang>.js``;
- ``on_page_content`` ends each lesson with its toggle;
- ``on_page_context`` gives the header its link and every page its map script.

static-i18n builds the site once per language: all but the reading is per language.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from aci_course import DEFAULT_LANGUAGE
from aci_course.core.build_context import current_language, is_outer_build, project_root
from aci_course.core.errors import AuthorError
from aci_course.core.texts import t
from aci_course.core.yamlsource import read_text
from aci_course.course.languages import language_root, prefix
from aci_course.course.modules import Module, load_modules
from aci_course.progress import data, pages
from aci_course.quiz.load import load_quizzes
from aci_course.quiz.model import Quiz


class _Course:
    """What the course maps of a build are made of: read by its first language."""

    def __init__(self) -> None:
        self.modules: list[Module] = []
        self.quizzes: dict[str, Quiz] = {}
        self.texts: dict[tuple[str, str], str] = {}  # (module, lesson) -> Russian text


_course = _Course()
_map: list[dict[str, Any]] = []  # this language's course map, remade by every on_config
_scripts: dict[str, str] = {}  # site path -> text of this language's map scripts


# After the modules (-110) and quizzes (-120) hooks have validated both (an author
# mistake stops the build there, with its message), and after i18n (-100) chose
# the language.
@event_priority(-130)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Make the course map and map script of the language being built."""
    if is_outer_build(config):  # the first language: what every language's map is made of
        root = project_root(config)
        try:
            _course.modules = load_modules(root)
            _course.quizzes = load_quizzes(root)
            _course.texts = {
                (m.id, lesson.name): read_text(lesson.sources[DEFAULT_LANGUAGE], lesson.name)
                for m in _course.modules
                for lesson in m.lessons
            }
        except AuthorError as error:
            raise PluginError(str(error)) from None
    lang = current_language(config)
    _map[:] = data.course_map(_course.modules, _course.quizzes, _course.texts, lang)
    _scripts.clear()
    _scripts.update(
        data.data_scripts(
            str(config.extra.get("course_id", data.DEFAULT_COURSE_ID)),
            str(config.extra.get("course_version", "dev")),
            str(config.site_name),
            lang,
            _map,
        )
    )
    return config


def _page_file(src: str, dest: str, content: str, config: MkDocsConfig, lang: str) -> File:
    file = File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = dest
    file.locale = lang  # type: ignore[attr-defined]  # what static-i18n reads
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.alternates = {}  # type: ignore[attr-defined]
    return file


# After i18n's on_files (-100), which would take these for pages of the default language.
@event_priority(-150)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the two pages and the map script of this language."""
    lang = current_language(config)
    base = prefix(lang)
    files.append(
        _page_file(
            pages.PROGRESS_PAGE,
            f"{base}progress.html",
            pages.progress_page(_map, lang),
            config,
            lang,
        )
    )
    files.append(
        _page_file(
            pages.REPORT_PAGE,
            f"{base}group-report.html",
            pages.report_page(_map, lang),
            config,
            lang,
        )
    )
    for path, text in _scripts.items():
        files.append(File.generated(config, path, content=text))
    return files


# After the quiz forms are in place (30) and the fallback notice (40); before
# external links (-50), which leave this alone anyway.
@event_priority(20)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """End a lesson with its "lesson done" toggle."""
    module = getattr(page.file, "aci_module", None)
    name = page.file.dest_uri.rsplit("/", 1)[-1]
    if not module or name == "index.html":
        return html
    lesson_id = f"{module}/{name.removesuffix('.html')}"
    return html + pages.lesson_toggle(lesson_id, current_language(config))


def _context(context: dict[str, Any], config: MkDocsConfig, page: Page | None) -> dict[str, Any]:
    lang = current_language(config)
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


# Adds its own keys only; after static-i18n (+50) has made the page's context.
@event_priority(40)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """The header's progress link and the map script, for a page."""
    return _context(context, config, page)


# The same for pages rendered from a template alone (404.html).
@event_priority(40)
def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """The header's progress link (no progress scripts), for a template page."""
    return _context(context, config, None)
