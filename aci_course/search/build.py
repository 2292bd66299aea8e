"""Search stays in the reader's language: one search index per language, for one build.

static-i18n builds Russian, then (inside Russian's ``on_post_build``) Belarusian
and English, and finally rewrites ``search/search_index.json`` with every
language's entries, dropping translated entries identical to a Russian one (the
pages shown in Russian because their translation is missing). A :class:`SearchBuild`

- in each inner language build, keeps the index the search plugin has just
  written for that language alone (nothing dropped yet);
- once every language is built, writes ``search/``, ``be/search/`` and
  ``en/search/`` (``search_index.json`` and the offline plugin's
  ``search_index.js``) with only that language's entries and its search settings
  (:mod:`aci_course.search.split`), glossary sections with the other languages' terms
  (:mod:`aci_course.search.glossary`), and ``lunr.aci-<lang>.min.js``, what the browser's
  search needs to fold and inflect the language's words (:mod:`aci_course.search.lexicon`).
  Each page already loads the index of its own language root (``overrides/main.html``).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.disk_cache import DiskCache
from aci_course.search import glossary, lexicon
from aci_course.search import split as search_split

log = logging.getLogger("mkdocs.plugins.aci.search")


def read_index(site_dir: str) -> dict[str, Any] | None:
    """``search/search_index.json`` of ``site_dir``, None if the search plugin wrote none."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# What Material's search plugin writes into the index's ``config`` (SearchIndex).
_INDEX_SETTINGS = ("lang", "separator", "pipeline", "fields")


def built_index(config: MkDocsConfig) -> dict[str, Any] | None:
    """The index the search plugin has just written, as :func:`read_index` would read it.

    Taken from the plugin's memory (its ``search_index``: the entries it wrote and
    its settings) rather than parsed back from the file: the file of the Russian
    index is about 1 MB at 1x, read four times a build (issue 22). The entries are
    copied, as static-i18n clears and refills the last index's list at the end.
    A search plugin without that index (another version) is read from the file.
    """
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not getattr(plugin.config, "enabled", True):
        return None
    index = getattr(plugin, "search_index", None)
    entries = getattr(index, "entries", None)
    settings = getattr(index, "config", None)
    if not isinstance(entries, list) or settings is None:
        return read_index(config.site_dir)
    return {
        "config": {key: settings[key] for key in _INDEX_SETTINGS},
        "docs": list(entries),
    }


class SearchBuild:
    """The per-language indexes of one whole build and the Belarusian dictionary."""

    def __init__(self, node_modules: Path, cache: DiskCache | None = None) -> None:
        """Start loading belmorph's dictionary while the pages are built.

        Unless ``cache`` holds a form table: then this build most likely has the
        same words (an author's rebuild), and node starts only if it has not.
        """
        self.node_modules = node_modules
        self.cache = cache or DiskCache(None)
        self.built: dict[str, dict[str, Any]] = {}  # inner language -> its own index
        self.belmorph = (
            None
            if self.cache.entries(lexicon.forms_suffix("be"))
            else lexicon.Belmorph.start(node_modules)
        )

    def stop(self) -> None:
        """Nothing left running (a failed build never asks the dictionary)."""
        if self.belmorph is not None:
            self.belmorph.close()
            self.belmorph = None

    def keep(self, lang: str, index: dict[str, Any]) -> None:
        """An inner language build's index, as the search plugin wrote it."""
        self.built[lang] = index

    def write(self, site_dir: Path, index: dict[str, Any], docs_dir: Path) -> None:
        """At the very end: one index (and lunr script) per language over ``index``."""
        try:
            merged = index
            if self.built:
                # Russian from the merged index (nothing of it is ever dropped), the
                # others as their own builds wrote them.
                russian = [
                    doc
                    for doc in index.get("docs", [])
                    if search_split.language_of(str(doc["location"]))[0] == DEFAULT_LANGUAGE
                ]
                merged = search_split.merge_indexes(
                    [
                        {"docs": russian},
                        *(self.built[lang] for lang in LANGUAGES if lang in self.built),
                    ],
                    base_config=index.get("config", {}),
                )
            indexes = search_split.split_index(merged, LANGUAGES, DEFAULT_LANGUAGE)
            glossary.add_other_languages(indexes, glossary.read_glossaries(docs_dir, LANGUAGES))
            search_split.write_indexes(site_dir, indexes, DEFAULT_LANGUAGE)
            texts = {
                lang: [f"{doc.get('title', '')} {doc.get('text', '')}" for doc in part["docs"]]
                for lang, part in indexes.items()
            }
            lexicon.write_lunr_scripts(
                site_dir, texts, self.node_modules, self.belmorph, self.cache
            )
            for lang, part in indexes.items():
                log.debug("search index %s: %d entries", lang, len(part["docs"]))
        finally:
            self.built.clear()
            self.stop()
