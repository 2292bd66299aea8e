"""Modules published as lessons, overviews, a catalogue and the nav, for one build.

Lessons stay where authors keep them (``modules/<id>/<lang>/``); a
:class:`CourseBuild` adds them to each language build without copying them into
``docs/``. static-i18n builds the site once per language, so everything but the
reading of ``modules/`` is recomputed for the language being built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.build_context import course_languages, project_root
from aci_course.core.generated import GeneratedPage, fill
from aci_course.core.texts import t
from aci_course.course import coverage, languages, pages, plain
from aci_course.course.facts import facts_file, load_facts, render_facts
from aci_course.course.figures import CACHE_FOLDER, Drawer, Figure, load_figures, place_figures
from aci_course.course.figures import fill_slots as fill_figure_slots
from aci_course.course.languages import prefix
from aci_course.course.modules import Module, check_docs_layout, load_modules
from aci_course.course.publish import is_lesson, lesson_id, module_of, source_of, tag


class CourseBuild:
    """The modules of one ``mkdocs build`` (all its languages) and the pages made of them."""

    def __init__(self, config: MkDocsConfig) -> None:
        """Read and validate ``modules/`` (raises AuthorError)."""
        self.root = project_root(config)
        languages = course_languages(config)
        check_docs_layout(Path(config.docs_dir), self.root)
        self.modules: list[Module] = load_modules(self.root, languages)
        # The country facts lessons quote: extra.facts (a profile may name another file).
        self.facts = load_facts(self.root, languages, facts_file(config.extra))
        # The HTML body of each generated page of the language being built, by source URI.
        self.bodies: dict[str, str] = {}
        # Each module's figures (modules/<id>/figures/*.yml), drawn by dot, cached by hash.
        self.figures: dict[str, dict[str, Figure]] = {
            module.id: load_figures(module.folder, module.id, self.root, languages)
            for module in self.modules
        }
        self.drawer = Drawer(self.root / CACHE_FOLDER)
        # The drawn figures of each page of the language being built, by source URI.
        self.figure_slots: dict[str, dict[str, str]] = {}
        # Each module's test before it (read from its Russian lessons: one for all languages).
        self.pretests: dict[str, list[tuple[str, str]]] = {}
        # The page whose author's file was read last, with what _author_file gave.
        self._last_author: tuple[Page, tuple[str, str]] | None = None

    def navigation(self, config: MkDocsConfig, lang: str) -> None:
        """Set the nav of the ``lang`` build."""
        docs_default = Path(config.docs_dir) / DEFAULT_LANGUAGE
        site_pages = sorted(p.name for p in docs_default.glob("*.md"))
        config.nav = pages.navigation(self.modules, lang, site_pages)

    def add_files(self, files: Files, config: MkDocsConfig, lang: str) -> Files:
        """Add every lesson, overview, the catalogue and media for ``lang``."""
        base = prefix(lang)
        self.bodies.clear()
        self.figure_slots.clear()
        self._last_author = None  # (a rebuild in mkdocs serve reads the files again)
        catalogue = pages.catalogue_page(self.modules, lang)
        files.append(
            self._generated(
                "modules/index.md", f"{base}modules/index.html", catalogue, config, lang
            )
        )
        for module in self.modules:
            quizzes = self.pretests.get(module.id)
            if quizzes is None:
                quizzes = self.pretests[module.id] = pages.pretest_quizzes(module)
            overview = pages.overview_page(module, lang, self.modules, quizzes)
            src = f"modules/{module.id}/index.md"
            dest = f"{base}modules/{module.id}/index.html"
            files.append(self._generated(src, dest, overview, config, lang, module.id))
            for lesson in module.lessons:
                files.append(self._lesson_file(module, lesson.name, lang, config))
            # After the lessons: MkDocs reads pages in this order, so a mistake in a
            # lesson's quiz line is reported at the lesson's own file and line first.
            if quizzes:
                name = pages.PRE_TEST_PAGE
                pretest = File.generated(
                    config,
                    f"modules/{module.id}/{name}.md",
                    content=pages.pretest_page(module, lang, quizzes),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
                pretest.dest_uri = f"{base}modules/{module.id}/{name}.html"
                files.append(tag(pretest, module.id, lang, lang))
            for media in self._media_files(module, lang, config):
                if media.src_uri not in files.src_uris:
                    files.append(media)
        return files

    def render_facts(self, markdown: str, page: Page, lang: str) -> str:
        """Each ``{{ fact "id" }}`` of ``page`` in ``lang``, its source in the Sources.

        Raises AuthorError with the author's file and line for an unknown id.
        """
        if "{{" not in markdown:
            return markdown
        source, text = self._author_file(page, markdown)
        rendered = render_facts(
            markdown, facts=self.facts, lang=lang, source=source, source_text=text
        )
        return rendered.markdown

    def place_figures(self, markdown: str, page: Page, lang: str) -> str:
        """Each ``{{ figure "name" }}`` line of ``page`` as a placeholder; the figures drawn.

        Raises AuthorError with the author's file and line for an unknown name.
        """
        if "{{" not in markdown:
            return markdown
        source, text = self._author_file(page, markdown)
        module = module_of(page.file)
        placed = place_figures(
            markdown,
            module=module,
            figures=self.figures.get(module or "", {}),
            lang=lang,
            drawer=self.drawer,
            source=source,
            source_text=text,
        )
        if placed.slots:
            self.figure_slots[page.file.src_uri] = placed.slots
        return placed.markdown

    def fill_figures(self, html: str, page: Page) -> str:
        """The drawn figures in place of their placeholders."""
        return fill_figure_slots(html, self.figure_slots.pop(page.file.src_uri, {}))

    def _author_file(self, page: Page, markdown: str) -> tuple[str, str]:
        """The file the author wrote ``page`` in (as messages name it) and its text."""
        if self._last_author is not None and self._last_author[0] is page:
            return self._last_author[1]  # facts, plain version and figures ask in a row
        source = source_of(page.file)
        if source:
            path = self.root / source
        else:
            path = Path(page.file.abs_src_path or self.root).resolve()
            inside = path.is_relative_to(self.root)
            source = path.relative_to(self.root).as_posix() if inside else str(path)
        if not path.is_file():
            return source, markdown
        text = path.read_text(encoding="utf-8")
        self._last_author = (page, (source, text))
        return source, text

    def has_plain_version(self, markdown: str, page: Page) -> bool:
        """True if ``page`` has a plain-language version; AuthorError for a malformed one."""
        if plain.NAME not in markdown:
            return False
        source, text = self._author_file(page, markdown)
        return plain.check(text, source)

    def fill_body(self, html: str, page: Page) -> str:
        """A generated page's body in its slot (see aci_course.core.generated)."""
        body = self.bodies.get(page.file.src_uri)
        return html if body is None else fill(html, body, page)

    def coverage_lines(self, docs_dir: str) -> list[str]:
        """The translation coverage table of the whole site."""
        return coverage.table(self.modules, Path(docs_dir)).splitlines()

    def _generated(
        self,
        src: str,
        dest: str,
        page: GeneratedPage,
        config: MkDocsConfig,
        lang: str,
        module_id: str | None = None,
    ) -> File:
        file = File.generated(config, src, content=page.markdown)
        file.dest_uri = dest
        tag(file, module_id, lang, lang)
        self.bodies[src] = page.body
        return file

    def _lesson_file(
        self, module: Module, lesson_name: str, lang: str, config: MkDocsConfig
    ) -> File:
        """A lesson as a page of the ``lang`` build, read from the author's file."""
        lesson = next(item for item in module.lessons if item.name == lesson_name)
        shown, _ = lesson.source(lang)
        src = f"modules/{module.id}/{shown}/{lesson.name}"
        file = File(
            src,
            str(self.root),
            config.site_dir,
            config.use_directory_urls,
            dest_uri=f"{prefix(lang)}modules/{module.id}/{lesson.slug}.html",
        )
        return tag(file, module.id, shown, lang, src)

    def _media_files(self, module: Module, lang: str, config: MkDocsConfig) -> list[File]:
        """``media/`` files, shared by all languages unless ``media/<lang>/`` overrides one."""
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
            dest = path.relative_to(self.root).as_posix()  # one copy, whatever the language
            file = File.generated(config, src, abs_src_path=str(path))
            file.dest_uri = dest
            files.append(file)
        return files


# --- languages: the selector leads to the same page, fallbacks say so -------------------


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """``{locale: name}`` as configured for the i18n plugin."""
    return {lang.locale: lang.name for lang in config.plugins["i18n"].config.languages}


def set_selector(config: MkDocsConfig, url: str) -> None:
    """Language-selector entries leading to ``url`` in each language."""
    links = languages.alternates(url, language_names(config))
    # i18n sets the attribute, which shadows the mapping key Jinja would read.
    config.extra["alternate"] = links
    config.extra.alternate = links  # type: ignore[attr-defined]


def mark_fallback(html: str, page: Page, reader: str, root: Path) -> str:
    """Wrap a page borrowed from another language and announce it in ``reader``'s.

    A translation whose Russian source changed since it was translated gets the
    stale notice instead (``root``: the project, where ``modules/`` lives).
    """
    source = getattr(page.file, "locale", reader)
    if source == reader:
        return languages.stale_notice(root, source_of(page.file), page.url, reader) + html
    _, neutral = languages.split_url(page.file.url)
    original = languages.prefix(source) + neutral
    notice = languages.fallback_notice(reader, source, languages.relative(original, page.url))
    return f'{notice}<div lang="{source}">\n{html}\n</div>'


def page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, lang: str, version: str
) -> dict[str, Any]:
    """Selector entries for this page; the language root for search; footer version.

    A lesson's id (``aci_lesson``, core.js's ``aci.lesson``): its scripts draw its
    controls (present, read aloud, plain language, lesson done) from it.
    """
    set_selector(config, page.file.url)
    context["aci_lang_root"] = languages.language_root(context.get("base_url", "."), lang)
    context["aci_lesson"] = lesson_id(page.file) if is_lesson(page.file) else ""
    context["aci_version_text"] = t("footer.version", lang, version=version)
    return context


def not_found_context(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    """The "not found" page speaks every course language, whichever build wrote it last."""
    context["aci_not_found"] = languages.not_found_entries()
    # Not the selector of whichever page was rendered last: each language's home.
    set_selector(config, "index.html")
    return context


def keep_default_not_found(output: str, template_name: str, lang: str) -> str:
    """Only the default language's build writes the root 404 page.

    MkDocs skips a template that renders empty (an info line, not a warning), so
    the Russian page the first build wrote stays, with ``lang="ru"`` and Material's
    Russian interface texts; each section inside keeps its own ``lang``.
    """
    if template_name == "404.html" and lang != DEFAULT_LANGUAGE:
        return ""
    return output
