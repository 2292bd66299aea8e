"""Modules: publish ``modules/<id>/`` as lessons, overviews, a catalogue and the nav.

Lessons stay where authors keep them; this hook adds them to each language build
without copying them into ``docs/``. static-i18n builds the site once per language
(``on_config`` ... ``on_post_build`` run three times), so everything here is
recomputed for the language being built and nothing is carried between builds.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.build_context import current_language, is_outer_build, project_root
from aci_course.core.errors import AuthorError
from aci_course.core.generated import GeneratedPage, fill
from aci_course.course import coverage, pages
from aci_course.course.facts import Facts, facts_file, load_facts, render_facts
from aci_course.course.languages import prefix
from aci_course.course.modules import Module, check_docs_layout, load_modules

log = logging.getLogger("mkdocs.plugins.aci.modules")

# The modules of the build in progress: read by the first language build of each
# `mkdocs build` (or serve reload), shared by the other languages of that build.
_modules: list[Module] = []
_facts: list[Facts] = []  # the country facts of the build in progress (extra.facts)


# After i18n's on_config (-100), which picks the language of this build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the modules and build this language's navigation."""
    root = project_root(config)
    lang = current_language(config)
    if is_outer_build(config):  # not inside i18n's loop: the first language of a build
        try:
            check_docs_layout(Path(config.docs_dir), root)
            _modules[:] = load_modules(root)
            _facts[:] = [load_facts(root, facts_file(config.extra))]
        except AuthorError as error:
            raise PluginError(str(error)) from None
    docs_default = Path(config.docs_dir) / DEFAULT_LANGUAGE
    site_pages = sorted(p.name for p in docs_default.glob("*.md"))
    config.nav = pages.navigation(_modules, lang, site_pages)
    return config


def _lesson_file(module: Module, lesson_name: str, lang: str, config: MkDocsConfig) -> File:
    """A lesson as a page of the ``lang`` build, read from the author's file."""
    lesson = next(item for item in module.lessons if item.name == lesson_name)
    shown, _ = lesson.source(lang)
    src = f"modules/{module.id}/{shown}/{lesson.name}"
    file = File(
        src,
        str(project_root(config)),
        config.site_dir,
        config.use_directory_urls,
        dest_uri=f"{prefix(lang)}modules/{module.id}/{lesson.slug}.html",
    )
    _tag(file, module.id, shown, lang)
    file.aci_source = src  # type: ignore[attr-defined]
    return file


def _tag(file: File, module_id: str | None, shown: str, lang: str) -> None:
    """Attributes other hooks (and static-i18n's page context) read from a file."""
    file.locale = shown  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.alternates = {}  # type: ignore[attr-defined]
    file.aci_module = module_id  # type: ignore[attr-defined]


# The HTML body of each generated page of the language being built, by source URI.
_bodies: dict[str, str] = {}


def _generated(
    src: str, dest: str, page: GeneratedPage, config: MkDocsConfig, module_id: str | None
) -> File:
    lang = current_language(config)
    file = File.generated(config, src, content=page.markdown)
    file.dest_uri = dest
    _tag(file, module_id, lang, lang)
    _bodies[src] = page.body
    return file


def _media_files(module: Module, lang: str, config: MkDocsConfig) -> list[File]:
    """``media/`` files, shared by all languages unless ``media/<lang>/`` overrides one."""
    root = project_root(config)
    media = module.folder / "media"
    chosen: dict[str, Path] = {}
    for path in module.media():
        parts = path.relative_to(media).parts
        if parts[0] in LANGUAGES and len(parts) > 1:
            if parts[0] == lang:
                chosen["/".join(parts[1:])] = path
        else:
            chosen.setdefault("/".join(parts), path)
    files = []
    for name, path in sorted(chosen.items()):
        src = f"modules/{module.id}/media/{name}"
        dest = path.relative_to(root).as_posix()  # one copy per file, whatever the language
        file = File.generated(config, src, abs_src_path=str(path))
        file.dest_uri = dest
        files.append(file)
    return files


# After i18n's on_files (-100): i18n only understands files under docs/, and would
# drop or misplace these.
@event_priority(-150)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every lesson, overview, the catalogue and media for this language."""
    lang = current_language(config)
    base = prefix(lang)
    _bodies.clear()
    catalogue = pages.catalogue_page(_modules, lang)
    files.append(
        _generated("modules/index.md", f"{base}modules/index.html", catalogue, config, None)
    )
    for module in _modules:
        overview = pages.overview_page(module, lang, _modules)
        src = f"modules/{module.id}/index.md"
        files.append(
            _generated(src, f"{base}modules/{module.id}/index.html", overview, config, module.id)
        )
        for lesson in module.lessons:
            files.append(_lesson_file(module, lesson.name, lang, config))
        for media in _media_files(module, lang, config):
            if media.src_uri not in files.src_uris:
                files.append(media)
    return files


# After i18n's page_markdown (+50); before the quizzes' (30), which only look at their lines.
@event_priority(40)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put each {{ fact "id" }}'s text in this language and list its source."""
    if "{{" not in markdown or not _facts:
        return markdown
    root = project_root(config)
    src = getattr(page.file, "aci_source", None)
    path = root / src if src else Path(page.file.abs_src_path or root / "docs").resolve()
    if not src:
        src = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        source_text = path.read_text(encoding="utf-8") if path.is_file() else markdown
        rendered = render_facts(
            markdown,
            facts=_facts[0],
            lang=current_language(config),
            source=src,
            source_text=source_text,
        )
    except AuthorError as error:
        raise PluginError(str(error)) from None
    return rendered.markdown


# First of the page_content handlers, with content safety (100), which leaves generated
# pages alone: every later one (the external links' marks, search) sees the body.
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put a generated page's body in its slot (see aci_course.core.generated)."""
    body = _bodies.get(page.file.src_uri)
    return html if body is None else fill(html, body, page)


# Once, after the last language (i18n's own post_build runs at -100).
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """Print the translation coverage table of the whole site."""
    if not is_outer_build(config):
        return
    docs = Path(config.docs_dir)
    for line in coverage.table(_modules, docs).splitlines():
        log.info(line)
