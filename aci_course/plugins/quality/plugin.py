"""``aci-quality``: content safety, external links, display options, valid and compact HTML.

- content safety (:mod:`aci_course.quality.build`): author files that cannot be
  published stop the build with ``path:line: problem - fix``;
- external links (:mod:`aci_course.quality.external_links`): open in a new tab,
  marked, with screen-reader text in the reader's language;
- display options (:mod:`aci_course.quality.a11y`): the header's text size, reading
  settings and palette labels (markup in ``overrides/partials/``, behaviour in
  ``a11y.js``) and the language's interface texts, ``texts/<lang>.js``, from which
  the scripts draw the lesson controls (present, read aloud, plain language, done);
- valid HTML (:mod:`aci_course.quality.valid_html`) and compact HTML
  (:mod:`aci_course.quality.compact_html`) on every page's final HTML.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from aci_course.core.build_context import current_language, edition
from aci_course.core.errors import stop_build
from aci_course.core.priorities import PRIORITY
from aci_course.core.project import course_version
from aci_course.course.plain import toggle_html
from aci_course.editions import FACILITATOR
from aci_course.editions.edition import present_button_html
from aci_course.plugins.quality.config import QualityConfig
from aci_course.progress.pages import lesson_toggle
from aci_course.quality import a11y, external_links
from aci_course.quality.build import ContentSafety
from aci_course.quality.compact_html import compact
from aci_course.quality.valid_html import repair


def lesson_controls(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """The markup of the lesson controls the configured plugins have, by name."""
    controls = {"listen": a11y.listen_html(lang), "plain": toggle_html(lang)}
    which = edition(config)
    if which is not None:
        controls["present"] = present_button_html(lang, facilitator=which == FACILITATOR)
    if "aci-progress" in config.plugins:
        controls["lesson-done"] = lesson_toggle(lang)
    return controls


class QualityPlugin(BasePlugin[QualityConfig]):
    """Checks and repairs of every page (see the module's docstring)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.safety = ContentSafety()
        self.header: dict[str, dict[str, object]] = {}  # language -> header variables

    @event_priority(PRIORITY.any)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """A new language build: nothing of the previous one is kept."""
        self.safety = ContentSafety()
        self.header = {}
        if (
            self.config.external_links
            and external_links.EXTENSION not in config.markdown_extensions
        ):
            config.markdown_extensions.append(external_links.EXTENSION)
        return config

    @event_priority(PRIORITY.content_safety_files)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Stop at the first page that is not UTF-8, is too big or is empty.

        Add the language's interface texts for scripts: the lesson controls' markup, the
        texts of reading settings, read aloud and present mode.
        """
        if self.config.content_safety:
            with stop_build():
                self.safety.check_files(files, config)
        if self.config.display_options:
            lang = current_language(config)
            scripts = a11y.texts_scripts(lang, lesson_controls(config, lang))
            for path, script in scripts.items():
                files.append(File.generated(config, path, content=script))
        return files

    @event_priority(PRIORITY.content_safety)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Stop at the first script, handler, script URL, embed or remote image."""
        if self.config.content_safety:
            with stop_build():
                self.safety.check_markdown(markdown, page, config)
        if self.config.external_links:
            # The Markdown extension marks the links; MkDocs makes the page's converter
            # after this event, with the texts of this page's reader.
            reader = current_language(config)
            shown = getattr(page.file, "locale", reader)
            config.mdx_configs[external_links.EXTENSION] = external_links.options_for_reader(
                reader, shown, config.site_url
            )
        return markdown

    @event_priority(PRIORITY.content_safety)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The same, in the HTML: backticks inside a raw HTML block are not code."""
        if self.config.content_safety:
            with stop_build():
                self.safety.check_html(html, page, config)
        return html

    def _header(self, context: Any, config: MkDocsConfig) -> Any:
        if self.config.display_options:
            lang = current_language(config)
            if lang not in self.header:
                with stop_build():
                    self.header[lang] = a11y.template_context(lang, course_version(config))
            context.update(self.header[lang])
        return context

    @event_priority(PRIORITY.page_context)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Texts and storage key for the header of a page."""
        return self._header(context, config)

    @event_priority(PRIORITY.page_context)
    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """The same for pages rendered from a template alone (404.html)."""
        return self._header(context, config)

    @event_priority(PRIORITY.valid_html)
    def _repair(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return repair(output) if self.config.valid_html else output

    @event_priority(PRIORITY.compact_html)
    def _compact(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return compact(output) if self.config.compact_html else output

    on_post_page = CombinedEvent(_repair, _compact)

    @event_priority(PRIORITY.valid_html)
    def _repair_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        if self.config.valid_html and template_name.endswith(".html"):
            return repair(output_content)
        return output_content

    @event_priority(PRIORITY.compact_html)
    def _compact_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        if self.config.compact_html and template_name.endswith(".html"):
            return compact(output_content)
        return output_content

    on_post_template = CombinedEvent(_repair_template, _compact_template)
