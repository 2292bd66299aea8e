"""Search stays in the reader's language: one search index per language.

static-i18n builds Russian, then (inside Russian's ``on_post_build``) Belarusian
and English, and finally rewrites ``search/search_index.json`` with every
language's entries, dropping translated entries identical to a Russian one (the
pages shown in Russian because their translation is missing). This hook

- in each inner language build, keeps the index the search plugin has just
  written for that language alone (nothing dropped yet);
- once every language is built, writes ``search/``, ``be/search/`` and
  ``en/search/`` (``search_index.json`` and the offline plugin's
  ``search_index.js``) with only that language's entries and its search settings
  (``aci_course.search.split``), glossary sections with the other languages' terms
  (``aci_course.search.glossary``), and ``lunr.aci-<lang>.min.js``, what the browser's
  search needs to fold and inflect the language's words (``aci_course.search.lexicon``).
  Each page already loads the index of its own language root (``overrides/main.html``).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.build_context import current_language, is_outer_build
from aci_course.search import glossary, lexicon
from aci_course.search import split as search_split

log = logging.getLogger("mkdocs.plugins.aci.search")

# Index of each inner (non-default) language build, as the search plugin wrote it.
_built: dict[str, dict[str, Any]] = {}
# belmorph's dictionary, loading in its own process while the pages are built.
_belmorph: list[lexicon.Belmorph] = []


def _stop_belmorph() -> None:
    while _belmorph:
        _belmorph.pop().close()


def _node_modules(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "node_modules"


# Any priority: the language being built does not matter, only that a build starts.
@event_priority(0)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """At the start of a whole build, start loading the Belarusian dictionary."""
    if "i18n" in config.plugins and is_outer_build(config):
        _stop_belmorph()  # (a `mkdocs serve` rebuild after a failed one)
        started = lexicon.Belmorph.start(_node_modules(config))
        if started is not None:
            _belmorph.append(started)
    return config


def on_build_error(error: Exception) -> None:
    """A failed build never asks the dictionary: stop it."""
    _stop_belmorph()


def on_shutdown() -> None:
    """Nothing left running when MkDocs exits."""
    _stop_belmorph()


def _read_index(site_dir: str) -> dict[str, Any] | None:
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# After the search plugin (0) has written the language's index, and, in the final
# call, after static-i18n (-100) has merged all languages and the offline plugin
# (-100, listed after it) has made search_index.js of it, which this overwrites.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """Keep an inner build's index; at the very end, write one index per language."""
    if "i18n" not in config.plugins:
        return
    index = _read_index(config.site_dir)
    if index is None:  # search plugin disabled
        return
    if not is_outer_build(config):
        _built[current_language(config)] = index
        return
    try:
        merged = index
        if _built:
            # Russian from the merged index (nothing of it is ever dropped), the
            # others as their own builds wrote them.
            russian = [
                doc
                for doc in index.get("docs", [])
                if search_split.language_of(str(doc["location"]))[0] == DEFAULT_LANGUAGE
            ]
            merged = search_split.merge_indexes(
                [{"docs": russian}, *(_built[lang] for lang in LANGUAGES if lang in _built)],
                base_config=index.get("config", {}),
            )
        indexes = search_split.split_index(merged, LANGUAGES, DEFAULT_LANGUAGE)
        glossary.add_other_languages(
            indexes, glossary.read_glossaries(Path(config.docs_dir), LANGUAGES)
        )
        search_split.write_indexes(Path(config.site_dir), indexes, DEFAULT_LANGUAGE)
        texts = {
            lang: [f"{doc.get('title', '')} {doc.get('text', '')}" for doc in part["docs"]]
            for lang, part in indexes.items()
        }
        belmorph = _belmorph[0] if _belmorph else None
        lexicon.write_lunr_scripts(Path(config.site_dir), texts, _node_modules(config), belmorph)
        for lang, part in indexes.items():
            log.debug("search index %s: %d entries", lang, len(part["docs"]))
    finally:
        _built.clear()
        _stop_belmorph()
