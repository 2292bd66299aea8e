"""One search index per language, cut from static-i18n's merged index.

mkdocs-static-i18n builds the languages one after the other into one site and
merges all their entries into ``search/search_index.json``, so Material's search
would mix languages. Each page's ``__config.base`` is its own language root
(``overrides/main.html``), so a Belarusian page loads ``be/search/search_index.json``
(``.js`` over ``file://``) and resolves result locations against ``be/``. This
module makes those files: only the language's entries, locations relative to its
root, and the search settings for the language (:data:`LANGUAGE_SEARCH`).

Plain functions on plain data (the parsed JSON); :mod:`aci_course.search.build` calls
them once every language is built.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from aci_course import DEFAULT_LANGUAGE, LANGUAGES

SearchIndex = dict[str, Any]
"""A Material search index: ``{"config": {...}, "docs": [{"location": ...}, ...]}``."""

SearchDoc = dict[str, Any]
"""One entry: ``location``, ``title``, ``text`` (HTML) and maybe ``tags``, ``boost``."""

SEPARATOR: Final = r'[\s\-‐‑‒–—―,:;!?()\[\]{}<>"«»„“”‹›/\\…·•]+|\.(?!\d)|&[a-z]+;|&#\d+;'
"""Where words split, in the index and in the query (Material's ``config.separator``).

Whitespace, dashes and punctuation, including the Cyrillic quotes « » „ “, and a
full stop not followed by a digit (``1.5`` stays one word). Never an apostrophe:
' ’ ʼ are part of Belarusian words (сям'я) and English ones (child's). No ``|``
inside the brackets: Material's page highlighter splits the separator on ``|``.
"""

LANGUAGE_SEARCH: Final[Mapping[str, Mapping[str, Sequence[str]]]] = {
    # lunr-languages' Russian (stop words, letters; its Snowball stemmer lunr.aci runs)
    "ru": {"lang": ("ru", "aci-ru", "aci"), "pipeline": ("trimmer", "stopWordFilter", "stemmer")},
    # our lunr.be: Belarusian letters and stop words
    "be": {"lang": ("be", "aci-be", "aci"), "pipeline": ("trimmer", "stopWordFilter", "stemmer")},
    # no "en": lunr.multiLanguage would add lunr's Porter stemmer before lunr.aci
    "en": {"lang": ("aci-en", "aci"), "pipeline": ("trimmer", "stopWordFilter", "stemmer")},
}
"""``config.lang`` and ``config.pipeline`` per language.

Material's search worker loads ``assets/javascripts/lunr/min/lunr.<lang>.min.js``
for each entry of ``lang`` and joins them with ``lunr.multiLanguage``. ``aci-<lang>``
is generated at build time (:mod:`aci_course.search.lexicon`: folds, stemmer
endings, form table) and ``aci`` is ours
(``overrides/assets/javascripts/lunr/min/lunr.aci.min.js``): folding and inflection,
on indexed words and query terms alike. ``aci`` comes last, after the data it reads,
and ``pipeline`` keeps ``"stemmer"``: lunr.aci works in lunr.multiLanguage's stemmer
slot, which Material's worker would otherwise remove.
"""


GENERATED: Final = re.compile(r"modules/(?:[^/#]+/)?index\.html(?:#.*)?")
"""Locations of the generated pages: the catalogue and each module's overview."""

GENERATED_BOOST: Final = 0.25
"""Weight of a generated page's entries in the ranking (Material's ``boost``).

The catalogue and the overviews repeat, in a few lines, the titles, summaries and
objectives of the lessons; a word of a lesson's subject is there too, on a short
page, and would rank it above the lesson that treats the subject. A quarter keeps
them findable (a module's title still finds its overview, where no lesson has it)
and below the lesson that has the words as often.
"""


def with_boosts(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """``docs`` with generated pages weighed :data:`GENERATED_BOOST` (times any boost)."""
    return [
        {**doc, "boost": float(doc.get("boost", 1)) * GENERATED_BOOST}
        if GENERATED.fullmatch(str(doc["location"]))
        else doc
        for doc in docs
    ]


def language_of(
    location: str,
    languages: Sequence[str] = LANGUAGES,
    default: str = DEFAULT_LANGUAGE,
) -> tuple[str, str]:
    """The language of an index location and the location inside its root.

    ``"be/modules/x/01-a.html#h"`` -> ``("be", "modules/x/01-a.html#h")``;
    ``"index.html"`` -> ``("ru", "index.html")``.
    """
    head, slash, rest = location.partition("/")
    if slash and head != default and head in languages:
        return head, rest
    return default, location


def search_config(lang: str, base: Mapping[str, Any]) -> dict[str, Any]:
    """The merged index's ``config`` with the separator and settings for ``lang``.

    Other keys (``fields`` and anything Material adds) are kept as they are.
    """
    settings = LANGUAGE_SEARCH.get(lang, LANGUAGE_SEARCH["en"])
    return {
        **base,
        "lang": list(settings["lang"]),
        "separator": SEPARATOR,
        "pipeline": list(settings["pipeline"]),
    }


def split_index(
    index: Mapping[str, Any],
    languages: Sequence[str] = LANGUAGES,
    default: str = DEFAULT_LANGUAGE,
) -> dict[str, SearchIndex]:
    """One index per language of ``languages``, each with only its own entries.

    Locations become relative to the language's root (``be/`` and ``en/`` are cut
    off); entries keep their order, which Material relies on (a page's article
    before its sections); generated pages weigh less (:data:`GENERATED_BOOST`).
    Every language gets an index, empty if it has no entries, so that its pages
    never ask for a missing file.
    """
    docs: dict[str, list[SearchDoc]] = {lang: [] for lang in languages}
    docs.setdefault(default, [])
    for doc in index.get("docs", []):
        lang, location = language_of(str(doc["location"]), languages, default)
        docs[lang].append({**doc, "location": location})
    base = index.get("config", {})
    return {
        lang: {"config": search_config(lang, base), "docs": with_boosts(entries)}
        for lang, entries in docs.items()
    }


def merge_indexes(
    indexes: Iterable[Mapping[str, Any]], base_config: Mapping[str, Any] | None = None
) -> SearchIndex:
    """One index holding the entries of ``indexes`` in turn.

    ``config`` is ``base_config`` or else the first index's. Used to join the
    per-language indexes written during static-i18n's builds, before its
    de-duplication drops translated pages identical to the Russian ones (a page
    shown in Russian because its translation is missing).
    """
    merged: SearchIndex = {"config": dict(base_config or {}), "docs": []}
    for index in indexes:
        if not merged["config"]:
            merged["config"] = dict(index.get("config", {}))
        merged["docs"].extend(index.get("docs", []))
    return merged


def index_dir(root: Path, lang: str, default: str = DEFAULT_LANGUAGE) -> Path:
    """``<root>/search`` for the default language, else ``<root>/<lang>/search``."""
    return root / "search" if lang == default else root / lang / "search"


def dumps(index: Mapping[str, Any]) -> str:
    """Compact UTF-8 JSON (non-JSON values become strings, as Material does).

    Letters stay letters (half the size of ASCII escapes for Cyrillic); the
    line and paragraph separators U+2028/U+2029 are escaped, which scripts older
    than ES2019 do not accept in a string.
    """
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def write_indexes(
    root: Path, indexes: Mapping[str, Mapping[str, Any]], default: str = DEFAULT_LANGUAGE
) -> list[Path]:
    """Write ``search_index.json`` and ``search_index.js`` for every language.

    The ``.js`` file is what Material's offline plugin makes of the ``.json``
    (``var __index = {...}``), loaded instead of it over ``file://``. Returns the
    paths written.
    """
    written: list[Path] = []
    for lang, index in indexes.items():
        folder = index_dir(root, lang, default)
        folder.mkdir(parents=True, exist_ok=True)
        data = dumps(index).encode("utf-8")  # once for both files (1 MB and more)
        for name, content in (
            ("search_index.json", data),
            ("search_index.js", b"var __index = " + data),
        ):
            path = folder / name
            path.write_bytes(content)
            written.append(path)
    return written
