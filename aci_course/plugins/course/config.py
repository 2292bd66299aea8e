"""Options of the ``aci-course`` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config

from aci_course.core.options import Flag


class CourseConfig(Config):
    """``plugins: - aci-course: {...}`` in mkdocs.yml."""

    safe_build = Flag(True)
    """``mkdocs build`` writes ``<site_dir>.partial`` and swaps it in only when complete."""

    live_preview = Flag(True)
    """``mkdocs serve`` watches modules/, quizzes/, overrides/ ... and survives mistakes."""

    template_cache = Flag(True)
    """Compile the theme's templates once per process, not once per language."""

    minify = Flag(True)
    """Minify our scripts and style sheets (esbuild from npm) once the whole site is built,
    and keep in Material's palette style sheet only the colours theme.palette names."""

    vendor_assets = Flag(True)
    """Serve the iframe-worker shim (``extra.polyfills``) from node_modules."""
