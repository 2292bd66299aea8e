"""Author files that cannot be published stop the build with ``path:line: problem - fix``.

- ``on_files``: every lesson and site page is readable UTF-8 (a BOM and Windows line
  ends are fine), not huge and not empty. MkDocs itself would crash with a traceback
  on a Windows-1251 page.
- ``on_page_markdown``: no script, event handler, ``javascript:`` URL, embed or
  remote image in the author's Markdown (code spans and fenced blocks are text).
- ``on_page_content``: the same in the HTML made of it, for what Markdown leaves live
  inside raw HTML blocks (see :mod:`aci_course.quality.content_safety`).

Pages our own hooks generate (overviews, catalogue) are not author content and are
not checked here; their templates autoescape.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from aci_course.core.errors import AuthorError
from aci_course.core.yamlsource import read_text
from aci_course.quality import content_safety

# Author's text by source file, read in on_files of the language being built.
_texts: dict[str, str] = {}


def author_file(file: File, config: MkDocsConfig) -> tuple[str, Path] | None:
    """``(path shown to authors, file)`` of a page, or None for a generated page."""
    if file.abs_src_path is None:
        return None
    path = Path(file.abs_src_path)
    aci_source = getattr(file, "aci_source", None)
    if isinstance(aci_source, str):
        return aci_source, path
    root = Path(config.config_file_path).resolve().parent
    try:
        return path.resolve().relative_to(root).as_posix(), path
    except ValueError:
        return f"docs/{file.src_uri}", path


def _text(file: File, display: str, path: Path) -> str:
    """The author's text of ``file`` (read again only if on_files did not see it)."""
    text = _texts.get(file.abs_src_path or "")
    return text if text is not None else read_text(path, display)


# After static-i18n (-100) chose this language's pages and the modules hook (-150)
# added the lessons: this sees every page of the build.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Stop at the first page that is not UTF-8, is too big or is empty."""
    _texts.clear()
    for file in files.documentation_pages():
        found = author_file(file, config)
        if found is None:
            continue
        display, path = found
        try:
            text = read_text(path, display)
            content_safety.check_not_empty(text, display)
        except AuthorError as error:
            raise PluginError(str(error)) from None
        _texts[str(file.abs_src_path)] = text
    return files


# Before everything else that edits the Markdown (static-i18n translates admonition
# titles at +50, the quiz hook swaps {{ quiz }} lines at 30): this must see exactly
# what the author wrote, and nothing a hook generated.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop at the first script, handler, script URL, embed or remote image of a page."""
    found = author_file(page.file, config)
    if found is not None:
        display, path = found
        try:
            content_safety.check_markdown(markdown, _text(page.file, display, path), display)
        except AuthorError as error:
            raise PluginError(str(error)) from None
    return markdown


# First thing after Markdown made the HTML, before other hooks add their own
# (the fallback notice at 40, quiz forms at 30, search indexing later).
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The same, in the HTML: backticks inside a raw HTML block are not code."""
    found = author_file(page.file, config)
    if found is not None:
        display, path = found
        try:
            content_safety.check_html(html, _text(page.file, display, path), display)
        except AuthorError as error:
            raise PluginError(str(error)) from None
    return html
