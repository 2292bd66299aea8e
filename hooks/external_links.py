"""Links to other hosts open in a new tab, with a visible marker and screen-reader text.

See :mod:`aci_course.quality.external_links`. The text comes from ``data/ui.yml``
(``link.new-tab``) in the reader's language; on a page borrowed from Russian it
carries its own ``lang``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from aci_course.core.build_context import current_language
from aci_course.quality import external_links


# Last of the page_content handlers (content safety 100, fallback notice 40), so that
# links any of them adds are marked too; still before Material's search plugin reads
# the page in on_page_context (the marker is data-search-exclude). Quiz forms, put in
# later (hooks/quizzes.py), hold no links: their texts are escaped, not Markdown.
@event_priority(-50)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark every external link of the page."""
    reader = current_language(config)
    shown = getattr(page.file, "locale", reader)
    return external_links.mark_for_reader(html, reader, shown, config.site_url)
