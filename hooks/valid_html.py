"""Pages pass the Nu HTML Checker: repair what Material writes invalidly.

See :mod:`aci_course.quality.valid_html`. What cannot be repaired without changing
Material's behaviour is filtered, with the reason, in tests/quality/test_html_valid.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from aci_course.quality.valid_html import repair


# After every other handler has changed the page (static-i18n's own on_post_page runs
# at -100 and only hands the page to other plugins): this sees the final HTML.
@event_priority(-150)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Repair a page's final HTML."""
    return repair(output)


# The same for pages rendered from templates only (404.html).
@event_priority(-150)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Repair a template page's final HTML."""
    return repair(output_content) if template_name.endswith(".html") else output_content
