"""Options of the ``aci-course`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CourseConfig(Config):
    """``plugins: - aci-course: {...}`` in mkdocs.yml."""

    safe_build = c.Type(bool, default=True)
    """``mkdocs build`` writes ``<site_dir>.partial`` and swaps it in only when complete."""

    live_preview = c.Type(bool, default=True)
    """``mkdocs serve`` watches modules/, quizzes/, overrides/ ... and survives mistakes."""

    template_cache = c.Type(bool, default=True)
    """Compile the theme's templates once per process, not once per language."""

    vendor_assets = c.Type(bool, default=True)
    """Serve the iframe-worker shim (``extra.polyfills``) from node_modules."""
