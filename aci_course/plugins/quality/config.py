"""Options of the ``aci-quality`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class QualityConfig(Config):
    """``plugins: - aci-quality: {...}`` in mkdocs.yml; every check is on by default."""

    content_safety = c.Type(bool, default=True)
    """Stop at unreadable or empty pages, scripts, handlers, embeds and remote images."""

    external_links = c.Type(bool, default=True)
    """Links to other hosts open in a new tab, with a marker and screen-reader text."""

    display_options = c.Type(bool, default=True)
    """The header's text size and palette labels in the page's language."""

    valid_html = c.Type(bool, default=True)
    """Repair what Material writes invalidly (the Nu HTML Checker passes)."""

    compact_html = c.Type(bool, default=True)
    """Collapse blanks between tags (pages about 40 % smaller)."""
