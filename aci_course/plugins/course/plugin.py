"""``aci-course``: modules, generated pages, languages, safe build, live preview.

- modules (:mod:`aci_course.course.build`): ``modules/<id>/`` published as lessons,
  overviews, a catalogue and the nav of each language, without copying into docs/;
- figures (:mod:`aci_course.course.figures`): ``{{ figure "name" }}`` drawn by dot in
  the page's language, inline SVG in a ``<figure>``;
- languages: the selector leads to the same page in the other language, a page
  borrowed from Russian says so, each page knows its language root (search) and the
  footer its version, and only the default language writes the root 404 page;
- safe build (:mod:`aci_course.core.safe_build`): ``site/`` is replaced only by a
  complete, successful build;
- live preview (:mod:`aci_course.core.live_preview`): ``mkdocs serve`` rebuilds when
  anything the build reads changes, and keeps serving after an author mistake;
- template cache (:mod:`aci_course.core.template_cache`) and vendor assets
  (:mod:`aci_course.core.vendor`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from aci_course.core import (
    icons,
    live_preview,
    minify,
    safe_build,
    shell,
    site_files,
    template_cache,
    templating,
    texts,
    theme,
)
from aci_course.core.build_context import current_language, is_outer_build, project_root
from aci_course.core.disk_cache import DiskCache
from aci_course.core.errors import stop_build
from aci_course.core.priorities import PRIORITY
from aci_course.core.project import course_version
from aci_course.core.theme_files import ListingOnce
from aci_course.core.vendor import SITE_VENDOR_FILES, VendorMissing, add_vendor_files
from aci_course.course import build, figures, plain
from aci_course.course.languages import prefix
from aci_course.export.profile import with_left_out_links
from aci_course.plugins.course.config import CourseConfig

log = logging.getLogger("mkdocs.plugins.aci.course")


class CoursePlugin(BasePlugin[CourseConfig]):
    """Publishes the course's modules in every language (see the module's docstring)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.session = safe_build.Session()
        self.course: build.CourseBuild | None = None
        self.version = ""
        self.nav: Any = None
        self.header = ""  # the language's header, from its home page (core/shell.py)
        self.material_config: dict[str, Any] | None = None  # and Material's configuration
        self.header_from = ""
        self.listing: ListingOnce | None = None

    @event_priority(PRIORITY.any)
    def on_startup(self, *, command: str, dirty: bool) -> None:
        """A new command: only ``build`` is redirected to the partial folder.

        A ``build`` lists the theme's files once for all its language builds
        (core/theme_files.py).
        """
        self.session = safe_build.Session(active=command == "build" and self.config.safe_build)
        self.listing = ListingOnce() if command == "build" else None

    # --- on_config ------------------------------------------------------------------

    @event_priority(PRIORITY.safe_build_redirect)
    def _redirect(self, config: MkDocsConfig) -> MkDocsConfig:
        config.site_dir = self.session.redirect(config.site_dir)
        return config

    @event_priority(PRIORITY.texts_reload)
    def _reload_texts(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.live_preview:
            texts.reload_if_changed()  # ui.yml changed under `mkdocs serve`
            if is_outer_build(config):
                templating.forget_templates()  # so may the package's templates
        return config

    @event_priority(PRIORITY.modules_config)
    def _modules(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.listing is not None:
            self.listing.wrap(config.theme)
        with stop_build():
            self.version = course_version(config)
            if is_outer_build(config) or self.course is None:
                self.course = build.CourseBuild(config)
        lang = current_language(config)
        self.course.navigation(config, lang)
        if plain.EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(plain.EXTENSION)
        # A profile's build: links to modules it leaves out become text with a note.
        config.markdown_extensions = with_left_out_links(
            config.markdown_extensions, config.extra, lang
        )
        return config

    on_config = CombinedEvent(_redirect, _reload_texts, _modules)

    # --- files and pages ------------------------------------------------------------

    @event_priority(PRIORITY.files_add)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Every lesson, overview, the catalogue and media; the vendored files."""
        assert self.course is not None
        self.course.add_files(files, config, current_language(config))
        # course.css imports it: written (maybe empty) whatever the theme folder holds.
        css = icons.icons_css(
            Path(str(config.theme.custom_dir or project_root(config) / "overrides"))
        )
        files.append(File.generated(config, icons.ICON_CSS, content=css))
        files.append(File.generated(config, theme.PALETTE_SCRIPT, content=theme.palette_script()))
        if self.config.vendor_assets:
            try:
                add_vendor_files(files, config, project_root(config), SITE_VENDOR_FILES)
            except VendorMissing as error:
                raise PluginError(str(error)) from None
        return files

    @event_priority(PRIORITY.shell_nav)
    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Keep the language's navigation: written once as data (core/shell.py)."""
        self.nav = nav
        self.header = self.header_from = ""
        self.material_config = None
        return nav

    @event_priority(PRIORITY.any)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Let the theme's environment reuse templates compiled by an earlier build."""
        if self.config.template_cache:
            template_cache.shared.keep_on_disk(DiskCache.at(project_root(config), "templates"))
            env.bytecode_cache = template_cache.shared
        theme.readable_json(env)
        return env

    @event_priority(PRIORITY.facts)
    def _facts(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put each country fact's text in this language and list its source."""
        assert self.course is not None
        with stop_build():
            return self.course.render_facts(markdown, page, current_language(config))

    @event_priority(PRIORITY.plain_version)
    def _plain(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The plain-language version: checked, its script flagged."""
        assert self.course is not None
        lang = current_language(config)
        with stop_build():
            page.meta["aci_plain"] = self.course.has_plain_version(markdown, page)
        if page.meta["aci_plain"]:
            path = plain.fragment_path(lang, page.file.dest_uri, prefix(lang))
            page.meta["aci_plain_src"] = path.removeprefix("assets/javascripts/")
        return markdown

    @event_priority(PRIORITY.plain_out)
    def _plain_out(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A lesson's plain version into its own script, fetched when a reader chooses it."""
        src = page.meta.get("aci_plain_src") if page.meta else None
        split = plain.split_out(output) if src else None
        if split is None:
            return output
        target = Path(config.site_dir) / "assets" / "javascripts" / str(src)
        site_files.write_text(target, plain.fragment_script(str(src), split[1]))
        return split[0]

    @event_priority(PRIORITY.shell_header)
    def _shell_header(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if page.file.url == self.header_from:
            self.header = shell.header_of(output)
            self.material_config = shell.config_of(output, page.file.url)
        return output

    on_post_page = CombinedEvent(_plain_out, _shell_header)

    @event_priority(PRIORITY.figures)
    def _figures(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Draw each ``{{ figure "name" }}`` in this language (placed after Markdown)."""
        assert self.course is not None
        with stop_build():
            try:
                return self.course.place_figures(markdown, page, current_language(config))
            except figures.DotMissing as error:
                raise PluginError(str(error)) from None

    on_page_markdown = CombinedEvent(_facts, _plain, _figures)

    @event_priority(PRIORITY.generated_body)
    def _generated_body(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.course is not None
        return self.course.fill_body(html, page)

    @event_priority(PRIORITY.fallback_notice)
    def _fallback_notice(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return build.mark_fallback(html, page, current_language(config), project_root(config))

    @event_priority(PRIORITY.figures_fill)
    def _figures_fill(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.course is not None
        return self.course.fill_figures(html, page)

    on_page_content = CombinedEvent(_generated_body, _fallback_notice, _figures_fill)

    @event_priority(PRIORITY.page_context)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Selector entries for this page; the language root for search; footer version."""
        lang = current_language(config)
        context["aci_nav_src"] = shell.nav_path(lang)
        context["aci_shell_header"] = shell.is_shell_page(page.file.url, prefix(lang))
        if not context["aci_shell_header"]:
            self.header_from = page.file.url
        return build.page_context(context, page, config, lang, self.version)

    @event_priority(PRIORITY.page_context)
    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """The "not found" page speaks every course language."""
        if template_name == "404.html":
            return build.not_found_context(context, config)
        return context

    @event_priority(PRIORITY.not_found_page)
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Only the default language's build writes the root 404 page."""
        return build.keep_default_not_found(output_content, template_name, current_language(config))

    # --- the end --------------------------------------------------------------------

    @event_priority(PRIORITY.shell_write)
    def _shell(self, config: MkDocsConfig) -> None:
        """The language's navigation and header, once (core/shell.py)."""
        if self.nav is not None:
            script = shell.shell_script(
                self.nav.items, self.header, self.header_from, self.material_config
            )
            shell.write(config.site_dir, current_language(config), script)

    @event_priority(PRIORITY.minify)
    def _minify(self, config: MkDocsConfig) -> None:
        if not (self.config.minify and is_outer_build(config)):
            return
        root = project_root(config)
        overrides = Path(str(config.theme.custom_dir or root / "overrides"))
        try:
            minify.minify_site(
                root, overrides, Path(config.site_dir), cache=DiskCache.at(root, "minify")
            )
        except minify.MinifyError as error:
            raise PluginError(str(error)) from None
        theme.trim_palette(Path(config.site_dir), config.theme.get("palette"))

    @event_priority(PRIORITY.site_end)
    def _coverage(self, config: MkDocsConfig) -> None:
        # An information table: not made for a quiet build (`-q`), which would not show it.
        if is_outer_build(config) and self.course is not None and log.isEnabledFor(logging.INFO):
            for line in self.course.coverage_lines(config.docs_dir):
                log.info(line)

    @event_priority(PRIORITY.safe_build_finish)
    def _complete(self, config: MkDocsConfig) -> None:
        if is_outer_build(config):
            self.session.complete = True

    on_post_build = CombinedEvent(_shell, _minify, _coverage, _complete)

    @event_priority(PRIORITY.any)
    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """``--clean``: serve the first build; watch every source; survive mistakes."""
        self.session.serve_first_build()
        if self.config.live_preview:
            live_preview.watch(server, project_root(config), config.theme.custom_dir)
        return server

    @event_priority(PRIORITY.any)
    def on_build_error(self, *, error: Exception) -> None:
        """Any failure, including strict mode's: the partial build is thrown away."""
        self.session.failed = True

    @event_priority(PRIORITY.safe_build_finish)
    def on_shutdown(self) -> None:
        """Swap in the complete build, or discard the unfinished one."""
        self.session.finish()
