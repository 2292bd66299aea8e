"""Header display options: text size (three steps) and palette labels in the page's language.

Adds template variables only (:func:`aci_course.quality.a11y.template_context`); the
markup is in ``overrides/partials/palette.html`` and ``text-size.html``, the
behaviour in ``overrides/assets/javascripts/a11y.js``.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from aci_course.core.build_context import current_language
from aci_course.quality import a11y

# The header's variables of the language being built: the same on every page.
_made: dict[str, dict[str, object]] = {}


# Any priority: it only forgets what the previous language build made.
@event_priority(0)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Forget the previous build's variables (ui.yml may have changed under serve)."""
    _made.clear()
    return config


def _context(config: MkDocsConfig) -> dict[str, object]:
    lang = current_language(config)
    if lang not in _made:
        version = str(config.extra.get("course_version", "dev"))
        _made[lang] = a11y.template_context(lang, version)
    return _made[lang]


# After static-i18n (+50), which prepares the page context of the language being
# built; this only adds its own keys, so nothing later depends on its order.
@event_priority(40)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Texts and storage key for the header of a page."""
    context.update(_context(config))
    return context


# The same for pages rendered from a template alone (404.html).
@event_priority(40)
def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """Texts and storage key for the header of a template page."""
    context.update(_context(config))
    return context
