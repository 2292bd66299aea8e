"""Links to other hosts open in a new tab, with a visible marker and screen-reader text.

See :mod:`aci_course.quality.external_links`. The text comes from ``data/ui.yml``
(``link.new-tab``) in the reader's language; on a page borrowed from Russian it
carries its own ``lang``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from aci_course.core.build_context import current_language
from aci_course.core.texts import t
from aci_course.quality import external_links


def own_hosts(config: MkDocsConfig) -> frozenset[str]:
    """The site's own host (from ``site_url``), whose links are not external."""
    host = urlsplit(config.site_url or "").hostname
    return frozenset({host.lower()}) if host else frozenset()


# Last of the page_content handlers (content safety 100, fallback notice 40, quiz
# forms 30), so that links any of them adds are marked too; still before Material's
# search plugin reads the page in on_page_context (the marker is data-search-exclude).
@event_priority(-50)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark every external link of the page."""
    reader = current_language(config)
    shown = getattr(page.file, "locale", reader)
    marked, _ = external_links.mark_external_links(
        html,
        t("link.new-tab", reader),
        label_lang=reader if shown != reader else None,
        own_hosts=own_hosts(config),
    )
    return marked
