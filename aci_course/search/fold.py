"""Spelling folds of search: the one definition, used at build time and in the browser.

A reader leaves out ё, types Belarusian on a Russian keyboard (у for ў, и for і)
and uses whichever apostrophe the keyboard gives. Search folds every such variant
to one letter, on the indexed words and on the query alike.

Python uses :func:`fold` to key the build-time table of word forms
(:mod:`aci_course.search.lexicon`); the browser gets the same table of letters,
:func:`folds` of the page's language, inside the generated
``lunr.aci-<lang>.min.js`` (``lunr.aci.min.js`` applies it). Nothing else defines a
fold: ``tests/search/fold_cases.json`` checks both sides against one list.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Final

APOSTROPHE: Final = "'"
"""What every apostrophe-like mark becomes."""

APOSTROPHES: Final = "’ʼ‘ʻ`´′"
"""Marks readers and authors type for the apostrophe of сям'я or child's."""

COMMON: Final[Mapping[str, str]] = {
    "ё": "е",  # Russian and Belarusian readers leave out the dots
    "ў": "у",  # a Russian keyboard has no ў
    **dict.fromkeys(APOSTROPHES, APOSTROPHE),
}
"""Folds of every language (after lowercasing)."""

BY_LANGUAGE: Final[Mapping[str, Mapping[str, str]]] = {
    # A Russian keyboard has no і: a Belarusian word typed on it has и. Only for
    # Belarusian: in Russian и and і never alternate, and і is not a Russian letter.
    "be": {"і": "и"},
}
"""Folds of one language only."""


def folds(lang: str) -> dict[str, str]:
    """Every single-letter fold of ``lang`` (lowercase letters), as the browser gets it."""
    return {**COMMON, **BY_LANGUAGE.get(lang, {})}


@cache
def _table(lang: str) -> dict[int, str]:
    return {ord(k): v for k, v in folds(lang).items()}


def fold(word: str, lang: str) -> str:
    """``word`` lowercased and folded for ``lang``: ``fold("Сям’ЁЙ", "be") == "сям'ей"``."""
    return word.lower().translate(_table(lang))
