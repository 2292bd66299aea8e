"""Spelling folds of search: the one definition, used at build time and in the browser.

A reader leaves out ё, types Belarusian on a Russian keyboard (у for ў, и for і)
and uses whichever apostrophe the keyboard gives. Search folds every such variant
to one letter, on the indexed words and on the query alike. English words also lose
the difference between British and American spelling (:data:`SPELLING`).

Python uses :func:`fold` to key the build-time table of word forms
(:mod:`aci_course.search.lexicon`); the browser gets the same table of letters,
:func:`folds` of the page's language, inside the generated
``lunr.aci-<lang>.min.js`` (``lunr.aci.min.js`` applies it). Nothing else defines a
fold: ``tests/search/fold_cases.json`` checks both sides against one list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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


SPELLING: Final[Mapping[str, Sequence[tuple[str, str]]]] = {
    # Each rule is a regular expression on one lowercased word and its replacement,
    # applied in this order, everywhere it matches: the same in Python and in the
    # browser, so patterns use only syntax both read alike, replacements "$1"
    # (JavaScript's form; Python gets \g<1>). Both spellings of a word end up the
    # same, and the fold goes the way that keeps a half-typed word a prefix of the
    # folded one where it can (colo- still begins colour, catalo- catalogue): the
    # letters a spelling adds at the end of a word are kept, not dropped. Other
    # words may change too (door -> doour, blog -> blogue); that is harmless as
    # long as no two different words fold alike, which the rules' conditions keep
    # (at least two letters before -or, two vowel groups before -l-: file/filed
    # and fill/filled stay apart).
    "en": (
        # -l-/-ll- (American traveled, counselor; British travelled, counsellor):
        # a single l after the vowel of a second syllable doubles before the ending
        (r"([a-z]*[aeiouy][^aeiouy]+[aeiou])l(ed|ing|er|ers|or|ors|ist|ists)(?![a-z])", "$1ll$2"),
        # British fulfil, enrolment, instalment; American fulfill, enrollment, installment
        (r"([a-z]*[aeiouy][^aeiouy]+[aeiou])ll(s|ment|ments)?(?![a-z])", "$1l$2"),
        # British skilful, wilful; American skillful, willful
        (r"([a-z]+[aeiou])ll(ful|fully)(?![a-z])", "$1l$2"),
        # -or/-our (color, behavior, favorite, neighborhood -> colour ...)
        (
            r"([a-z]{2,})or(s|ed|ing|ite|ites|al|ally|able|ably|er|ers|ful|less|hood|hoods|ist|ists)?(?![a-z])",
            "$1our$2",
        ),
        # -ize/-ise, -ization/-isation, -yze/-yse (organize, analyze -> organise, analyse)
        (r"([a-z]{2,})iz(e|es|ed|ing|er|ers|ation|ations|ational)(?![a-z])", "$1is$2"),
        (r"([a-z]{2,})yz(e|es|ed|ing|er|ers)(?![a-z])", "$1ys$2"),
        # -re/-er after t or b (centre, theatre, fibre -> center ...): the other way
        # round every teacher and water would change, and a half-typed one miss
        (r"([a-z]{2,}[tb])re(s?)(?![a-z])", "$1er$2"),
        (r"([a-z]{2,}[tb])red(?![a-z])", "$1ered"),
        # -og/-ogue (catalog, dialog, cataloged -> catalogue, dialogue, catalogued)
        (r"([a-z]{2,})og(s?)(?![a-z])", "$1ogue$2"),
        (r"([a-z]{2,})og(ed|ing)(?![a-z])", "$1ogu$2"),
        # licence, defence, offence (nouns) -> license, defense, offense
        (r"(licen|defen|offen|preten)c(e|es|ed|ing)(?![a-z])", "$1s$2"),
    ),
}
"""British and American English spellings, folded together (English only)."""


def spelling(lang: str) -> list[tuple[str, str]]:
    """The spelling rules of ``lang`` (pattern, JavaScript replacement) for the browser."""
    return list(SPELLING.get(lang, ()))


@cache
def _spelling(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(pattern), re.sub(r"\$(\d)", r"\\g<\1>", replacement))
        for pattern, replacement in SPELLING.get(lang, ())
    )


def folds(lang: str) -> dict[str, str]:
    """Every single-letter fold of ``lang`` (lowercase letters), as the browser gets it."""
    return {**COMMON, **BY_LANGUAGE.get(lang, {})}


@cache
def _table(lang: str) -> dict[int, str]:
    return {ord(k): v for k, v in folds(lang).items()}


def fold(word: str, lang: str) -> str:
    """``word`` lowercased and folded for ``lang``: ``fold("Сям’ЁЙ", "be") == "сям'ей"``.

    English spellings fold too: ``fold("Behavior", "en") == "behaviour"``.
    """
    folded = word.lower().translate(_table(lang))
    for pattern, replacement in _spelling(lang):
        folded = pattern.sub(replacement, folded)
    return folded
