"""Links to other hosts open in a new tab, with a visible marker and screen-reader text.

The marking is a Markdown extension (:mod:`aci_course.quality.external_links`): this
hook adds it to the site's Markdown and gives it, page by page, the text from
``data/ui.yml`` (``link.new-tab``) in the reader's language; on a page borrowed from
Russian that text carries its own ``lang``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from aci_course.core.build_context import current_language
from aci_course.quality import external_links


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Add the link-marking extension to the site's Markdown (once)."""
    if external_links.EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(external_links.EXTENSION)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give the extension the texts for this page (MkDocs makes its Markdown next)."""
    reader = current_language(config)
    shown = getattr(page.file, "locale", reader)
    config.mdx_configs[external_links.EXTENSION] = external_links.options_for_reader(
        reader, shown, config.site_url
    )
    return markdown
