"""``aci-search``: search stays in the reader's language, one index per language.

static-i18n merges every language's entries into one index; this keeps each inner
language build's own index and, once every language is built, writes one index
(and the lunr script that folds and inflects its words) per language root. See
:mod:`aci_course.search.build`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from aci_course.core.build_context import current_language, has_i18n, is_outer_build, project_root
from aci_course.core.disk_cache import DiskCache
from aci_course.core.priorities import PRIORITY
from aci_course.plugins.search.config import SearchConfig
from aci_course.search.build import SearchBuild, built_index


class SearchPlugin(BasePlugin[SearchConfig]):
    """Splits static-i18n's merged search index per language."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.search: SearchBuild | None = None

    def _stop(self) -> None:
        if self.search is not None:
            self.search.stop()
            self.search = None

    @event_priority(PRIORITY.any)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """At the start of a whole build, start loading the Belarusian dictionary."""
        if has_i18n(config) and is_outer_build(config):
            self._stop()  # (a `mkdocs serve` rebuild after a failed one)
            root = project_root(config)
            self.search = SearchBuild(root / self.config.node_modules, DiskCache.at(root, "search"))
        return config

    @event_priority(PRIORITY.site_end)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Keep an inner build's index; at the very end, write one index per language."""
        if self.search is None:
            return
        index = built_index(config)
        if index is None:  # search plugin disabled
            return
        if not is_outer_build(config):
            self.search.keep(current_language(config), index)
            return
        self.search.write(Path(config.site_dir), index, Path(config.docs_dir))
        self.search = None

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build never asks the dictionary: stop it."""
        self._stop()

    def on_shutdown(self) -> None:
        """Nothing left running when MkDocs exits."""
        self._stop()
