"""Author files that cannot be published stop the build with ``path:line: problem - fix``.

- every lesson and site page is readable UTF-8 (a BOM and Windows line ends are
  fine), not huge and not empty; MkDocs itself would crash with a traceback on a
  Windows-1251 page;
- no script, event handler, ``javascript:`` URL, embed or remote image in the
  author's Markdown (code spans and fenced blocks are text), nor in the HTML made of
  it, for what Markdown leaves live inside raw HTML blocks
  (see :mod:`aci_course.quality.content_safety`).

Pages the plugins generate (overviews, catalogue) are not author content and are
not checked here; their templates autoescape.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from aci_course.core.build_context import project_root
from aci_course.core.yamlsource import read_text
from aci_course.course.publish import source_of
from aci_course.quality import content_safety


def author_file(file: File, config: MkDocsConfig) -> tuple[str, Path] | None:
    """``(path shown to authors, file)`` of a page, or None for a generated page."""
    if file.abs_src_path is None:
        return None
    path = Path(file.abs_src_path)
    source = source_of(file)
    if source is not None:
        return source, path
    try:
        return path.resolve().relative_to(project_root(config)).as_posix(), path
    except ValueError:
        return f"docs/{file.src_uri}", path


class ContentSafety:
    """The author's text of each page of the language being built (raises AuthorError).

    Each check reads the page's file with :func:`read_text`, which reads an unchanged
    file once.
    """

    def check_files(self, files: Files, config: MkDocsConfig) -> None:
        """Stop at the first page that is not UTF-8, is too big or is empty."""
        for file in files.documentation_pages():
            found = author_file(file, config)
            if found is None:
                continue
            display, path = found
            content_safety.check_not_empty(read_text(path, display), display)

    def check_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> None:
        """Stop at the first script, handler, script URL, embed or remote image of a page."""
        found = author_file(page.file, config)
        if found is not None:
            display, path = found
            content_safety.check_markdown(markdown, read_text(path, display), display)

    def check_html(self, html: str, page: Page, config: MkDocsConfig) -> None:
        """The same, in the HTML: backticks inside a raw HTML block are not code."""
        found = author_file(page.file, config)
        if found is not None:
            display, path = found
            content_safety.check_html(html, read_text(path, display), display)
