"""Options of the ``aci-search`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SearchConfig(Config):
    """``plugins: - aci-search: {...}`` in mkdocs.yml (after ``search`` and ``i18n``)."""

    node_modules = c.Type(str, default="node_modules")
    """Folder (beside mkdocs.yml) holding lunr-languages, snowball stemmers and belmorph."""
