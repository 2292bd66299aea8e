"""Options of the ``aci-quality`` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config

from aci_course.core.options import Flag


class QualityConfig(Config):
    """``plugins: - aci-quality: {...}`` in mkdocs.yml; every check is on by default."""

    content_safety = Flag(True)
    """Stop at unreadable or empty pages, scripts, handlers, embeds and remote images."""

    external_links = Flag(True)
    """Links to other hosts open in a new tab, with a marker and screen-reader text."""

    display_options = Flag(True)
    """The header's text size and palette labels in the page's language."""

    valid_html = Flag(True)
    """Repair what Material writes invalidly (the Nu HTML Checker passes)."""

    compact_html = Flag(True)
    """Collapse blanks between tags (pages about 40 % smaller)."""
