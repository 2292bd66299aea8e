"""Quizzes: validate ``quizzes/*.yml``, put each ``{{ quiz "id" }}`` line's form in its page.

- ``on_config`` loads and validates every quiz file (a mistake stops the build
  with ``quizzes/<file>.yml:LINE: what is wrong - how to fix it``);
- ``on_page_markdown`` swaps each quiz line for a placeholder and renders the
  quiz in the language being built (an unknown id stops the build with the
  author's ``file:line``);
- ``on_page_context`` puts the forms in place of the placeholders, once Material's
  search plugin has read the page (the forms are left out of the index anyway);
- ``on_post_build`` warns, once for the whole site, about quizzes no page embeds.

static-i18n builds the site once per language (``on_config`` ... ``on_post_build``
run three times); the quizzes seen on pages are collected over all three.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from aci_course.core.build_context import current_language, is_outer_build, project_root
from aci_course.core.errors import AuthorError
from aci_course.core.yamlsource import read_text
from aci_course.quiz.embed import embed_quizzes, fill_slots, find_directives
from aci_course.quiz.load import load_quizzes
from aci_course.quiz.model import Quiz

log = logging.getLogger("mkdocs.plugins.aci.quizzes")

_quizzes: dict[str, Quiz] = {}  # full id -> quiz; reloaded by every on_config
_slots: dict[str, str] = {}  # placeholder token -> form HTML, for the language being built
_used: set[str] = set()  # full ids embedded by some page of any language of this build
_version: list[str] = [""]  # extra.course_version


# After i18n's on_config (-100) has chosen this build's language and after the
# modules hook (-110) has validated modules/, whose folders quiz files must match.
@event_priority(-120)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate every quiz; forget what the previous build embedded."""
    outer = is_outer_build(config)  # i18n is not "building": the first language of a whole build
    if outer:
        _used.clear()  # (also on each `mkdocs serve` reload)
    _slots.clear()
    version = config.extra.get("course_version")
    if not isinstance(version, str | int | float) or isinstance(version, bool) or not version:
        raise PluginError(
            'mkdocs.yml: extra.course_version is missing - add it, e.g. course_version: "2026.1" '
            "(it prefixes the browser storage keys of quiz results)"
        )
    _version[0] = str(version)
    if not outer and _quizzes:
        return config  # the files hold every language: loaded once per whole build
    try:
        loaded = load_quizzes(project_root(config))
    except AuthorError as error:
        raise PluginError(str(error)) from None
    _quizzes.clear()
    _quizzes.update(loaded)
    return config


def _source(page: Page, config: MkDocsConfig) -> tuple[str, Path]:
    """The author's file of ``page``: its name for messages and its path."""
    root = project_root(config)
    lesson = getattr(page.file, "aci_source", None)
    if lesson:
        return str(lesson), root / str(lesson)
    if page.file.abs_src_path:
        path = Path(page.file.abs_src_path).resolve()
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix(), path
    docs = Path(config.docs_dir).resolve()
    folder = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name
    return f"{folder}/{page.file.src_uri}", docs / page.file.src_uri


# After i18n's on_page_markdown (+50), which rewrites admonition lines; any
# priority works for search, which reads the HTML later (Material indexes pages in
# on_page_context), and by then the form carries data-search-exclude.
@event_priority(30)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each quiz line by a placeholder and render its quiz in this language."""
    if "{{" not in markdown or not find_directives(markdown):
        return markdown
    display, path = _source(page, config)
    lang = current_language(config)
    try:
        embedded = embed_quizzes(
            markdown,
            module=getattr(page.file, "aci_module", None),
            source=display,
            source_text=read_text(path, display) if path.is_file() else "",
            quizzes=_quizzes,
            lang=lang,
            course_version=_version[0],
            slot_prefix=f"{lang}-{len(_slots)}",
        )
    except AuthorError as error:
        raise PluginError(str(error)) from None
    _slots.update(embedded.slots)
    _used.update(embedded.used)
    page.meta["aci_quiz"] = True  # overrides/main.html loads quiz.js on this page only
    return embedded.markdown


# After Material's search plugin (0) has indexed the page: the forms carry
# data-search-exclude, yet its HTML parser walked every input and label of them,
# the largest cost our pages added to a build. Before the page is rendered.
@event_priority(-10)
def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Put each rendered quiz where its placeholder is."""
    if page.content is not None:
        page.content = fill_slots(page.content, _slots)
    return context


# Once for the whole site: after i18n's on_post_build (-100) has built the other
# languages, in the first build, when i18n is no longer "building".
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """Warn about each quiz that no page of any language embeds."""
    if not is_outer_build(config):
        return
    for full_id, quiz in sorted(_quizzes.items()):
        if full_id not in _used:
            log.warning(
                str(
                    AuthorError(
                        quiz.source,
                        quiz.line,
                        f'quiz "{full_id}" is not embedded in any page',
                        f'add a line {{{{ quiz "{quiz.id}" }}}} to a lesson of '
                        f"modules/{quiz.module}/ (or remove the quiz)",
                    )
                )
            )
