"""Options of the ``aci-search`` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config

from aci_course.core.options import Text


class SearchConfig(Config):
    """``plugins: - aci-search: {...}`` in mkdocs.yml (after ``search`` and ``i18n``)."""

    node_modules = Text("node_modules")
    """Folder (beside mkdocs.yml) holding lunr-languages, snowball stemmers and belmorph."""
