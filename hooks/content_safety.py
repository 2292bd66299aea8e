"""Hostile content stops the build: scripts, event handlers, ``javascript:``, embeds, remote images.

Every lesson (``modules/<id>/<lang>/NN-slug.md``) and site page (``docs/<lang>/*.md``)
is checked twice (see :mod:`aci_course.content_safety`): its Markdown, for the exact
line, and the HTML made of it, for what Markdown leaves live inside raw HTML blocks.
Pages our own hooks generate (overviews, catalogue) are not author content and are
not checked here; their templates autoescape.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from aci_course import content_safety
from aci_course.errors import AuthorError
from aci_course.yamlsource import read_text

# Author's file text by page, read once in on_page_markdown for on_page_content.
_sources: dict[str, str] = {}


def author_file(page: Page, config: MkDocsConfig) -> tuple[str, Path] | None:
    """``(path shown to authors, file)`` of a page, or None for a generated page."""
    if page.file.abs_src_path is None:
        return None
    path = Path(page.file.abs_src_path)
    aci_source = getattr(page.file, "aci_source", None)
    if isinstance(aci_source, str):
        return aci_source, path
    root = Path(config.config_file_path).resolve().parent
    try:
        return path.resolve().relative_to(root).as_posix(), path
    except ValueError:
        return f"docs/{page.file.src_uri}", path


# Before everything else that edits the Markdown (static-i18n translates admonition
# titles at +50, the quiz hook expands {{ quiz }} lines at 0): this must see exactly
# what the author wrote, and nothing a hook generated.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop at the first script, handler, script URL, embed or remote image of a page."""
    found = author_file(page, config)
    if found is not None:
        display, path = found
        try:
            source = _sources[page.file.src_uri] = read_text(path, display)
            content_safety.check_markdown(markdown, source, display)
        except AuthorError as error:
            raise PluginError(str(error)) from None
    return markdown


# First thing after Markdown made the HTML, before other hooks add their own
# (the fallback notice at 40, search indexing at 0).
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The same, in the HTML: backticks inside a raw HTML block are not code."""
    found = author_file(page, config)
    if found is not None:
        display, path = found
        source = _sources.pop(page.file.src_uri, None)
        try:
            if source is None:
                source = read_text(path, display)
            content_safety.check_html(html, source, display)
        except AuthorError as error:
            raise PluginError(str(error)) from None
    return html
