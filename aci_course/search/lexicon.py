"""What the browser's search needs to know of a language: folds, stem endings, word forms.

At build time, for each language, this makes the data of the generated
``assets/javascripts/lunr/min/lunr.aci-<lang>.min.js`` (``lunr.aciData``), which
``overrides/assets/javascripts/lunr/min/lunr.aci.min.js`` applies to indexed words
and to the reader's query:

- ``fold`` and ``spelling``: the letter folds and the British/American spelling rules
  of :mod:`aci_course.search.fold`;
- ``endings``: the Belarusian suffix stemmer's endings (:data:`BELARUSIAN_ENDINGS`,
  the same list :func:`stem_belarusian` uses here), and ``fleeting``: the fleeting
  vowel rule of Russian and Belarusian stems (:data:`FLEETING`);
- ``forms``: for Belarusian, the form table. Every word of the site's own pages is
  looked up in belmorph's dictionary (GrammarDB, an npm package: offline, nothing
  fetched at run time); every form of the words found maps to one key, the stem of
  the word's lemma. Only forms the stemmer alone would not bring to that key are
  listed (сям'ямі -> сям', дзецьмі -> дзиц), so the table stays small.

Russian needs no table (Snowball joins its forms; lunr.aci drops fleeting vowels)
and English none (Porter).

The form table is kept under ``.cache/search/`` by the texts it was made from, so a
build whose Belarusian pages did not change starts no node process (see
:func:`forms_key`).
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from aci_course.core.disk_cache import DiskCache, code_version, digest
from aci_course.core.node import node_executable
from aci_course.search.fold import fold, folds, spelling

log = logging.getLogger("mkdocs.plugins.aci.search")

BELARUSIAN_ENDINGS: Final[tuple[str, ...]] = (
    # verbs (folded: и for і, у for ў, е for ё)
    "ецеся", "ацеся", "лися", "лася", "лося", "ецца", "уцца", "юцца", "ацца", "яцца",
    "ицца", "ыцца", "ешся", "ишся", "емся", "имся", "цеся", "уць", "юць", "аць", "яць",
    "ець", "иць", "ыць", "оць", "цца", "ся", "це", "ць", "ла", "ло", "ли", "еш", "иш",
    # nouns, adjectives, participles (-ія nouns first: інклюзіямі -> інклюз)
    "иями", "ияй", "ияю", "ияу", "иях", "иям", "ия", "ии", "ию", "ий",
    "ыями", "ыяй", "ыяю", "ыяу", "ыях", "ыям", "ыи", "ыю", "ый",
    "ими", "ами", "ями", "ыми", "ога", "ага", "яга", "ому", "аму", "яму", "ыя", "ия",
    "ае", "ое", "ее", "ая", "яя", "ую", "юю", "ых", "их", "ым", "им", "ой", "ей", "ай",
    "яй", "ою", "ею", "аю", "яю", "ах", "ях", "ам", "ям", "ау", "яу", "оу", "еу", "ем",
    "ом", "ы", "и", "а", "я", "о", "е", "у", "ю", "ь", "й",
)  # fmt: skip
"""Inflectional endings of Belarusian, folded; the longest that leaves a stem of
three letters or more goes. A fallback for words outside the form table: it knows
no alternations (рука/руцэ) and cannot tell a suffix from an ending."""

MIN_STEM: Final = 3

FLEETING: Final[Mapping[str, str]] = {
    # ребёнок/ребёнка, конец/конца: the vowel before a final к or ц goes
    "ru": "([^аеиоуыэюяй])[ое]([кц])$",
    # пасёлак/пасёлка, канец/канца (Belarusian writes а for an unstressed о)
    "be": "([^аеиоуыэюяй])[оеа]([кц])$",
}
"""Fleeting vowels, dropped from a stem of :data:`FLEETING_MIN` letters or more.

The same pattern runs here and in the browser (``lunr.aci``: after Snowball for
Russian, after the suffix stemmer for Belarusian), so it is written for both: no
syntax JavaScript and Python read differently."""

FLEETING_MIN: Final = 5

_ENDINGS_LONGEST_FIRST: Final = sorted(set(BELARUSIAN_ENDINGS), key=lambda e: (-len(e), e))
_ENDINGS: Final = frozenset(BELARUSIAN_ENDINGS)
_ENDING_LENGTHS: Final = sorted({len(e) for e in BELARUSIAN_ENDINGS}, reverse=True)
_FLEETING_BE: Final = re.compile(FLEETING["be"])


@lru_cache(maxsize=65536)
def stem_belarusian(word: str) -> str:
    """The stem of a folded Belarusian word: ``"сям'ями"`` -> ``"сям'"``.

    The longest ending that leaves :data:`MIN_STEM` letters goes (``lunr.aci`` tries
    :data:`BELARUSIAN_ENDINGS` longest first: the same), then a fleeting vowel.
    """
    for length in _ENDING_LENGTHS:
        if len(word) - length >= MIN_STEM and word[-length:] in _ENDINGS:
            word = word[:-length]
            break
    if len(word) >= FLEETING_MIN:
        word = _FLEETING_BE.sub(r"\1\2", word)
    return word


_TAG: Final = re.compile(r"<[^>]+>")
_WORD: Final = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def vocabulary(texts: Iterable[str], lang: str) -> Counter[str]:
    """The words of ``texts`` (HTML tags dropped), apostrophes as ``'``, with counts.

    Case is kept off and other folds are not applied: the dictionary wants the
    letters as written (і, ў), only its apostrophe (') and у for a leading ў.
    """
    counts: Counter[str] = Counter()
    apostrophes = str.maketrans({k: v for k, v in folds(lang).items() if v == "'"})
    # A text met n times (a heading or section repeated on many pages) is read once.
    for text, times in Counter(texts).items():
        plain = _TAG.sub(" ", text).lower().translate(apostrophes)
        words = Counter(m.group(0) for m in _WORD.finditer(plain))
        for word, count in words.items():
            counts[word] += count * times
    return counts


def dictionary_word(word: str) -> str:
    """How belmorph spells a word: у for a leading ў, е for ё (its dictionary has none).

    ``ўмовы`` -> ``умовы``, ``пасёлка`` -> ``паселка``.
    """
    word = word.replace("ё", "е")
    return "у" + word[1:] if word.startswith("ў") else word


class Belmorph:
    """belmorph's dictionary in a node process, started before it is needed.

    Loading the dictionary (GrammarDB, 4.9 MB compressed) is most of a lookup's time,
    and needs nothing from the build: started when the build starts, the process
    loads it on another core while the pages are built, then waits for the words.
    """

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process

    @classmethod
    def start(cls, node_modules: Path) -> Belmorph | None:
        """The process, loading its dictionary; None without node or belmorph."""
        node = node_executable()
        if node is None or not (node_modules / "belmorph").is_dir():
            return None
        script = Path(__file__).with_name("belmorph_forms.mjs")
        process = subprocess.Popen(
            [node, str(script), str(node_modules)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        return cls(process)

    def lexemes(self, words: Sequence[str]) -> list[list[list[str]]] | None:
        """The lexemes (lists of forms) of each word; None if belmorph failed."""
        try:
            out, err = self._process.communicate(
                json.dumps([dictionary_word(w) for w in words], ensure_ascii=False),
                timeout=300,
            )
        except subprocess.TimeoutExpired:
            self.close()
            log.info("belmorph took too long, Belarusian search stems only")
            return None
        if self._process.returncode != 0:
            log.info("belmorph failed, Belarusian search stems only: %s", err.strip())
            return None
        data: list[list[list[str]]] = json.loads(out)
        return data

    def close(self) -> None:
        """Stop the process if it still runs (a build that failed does not ask it)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.communicate()  # reaped, its pipes closed


def forms_table(
    words: Sequence[str], lexemes: Sequence[Sequence[Sequence[str]]], lang: str
) -> dict[str, str]:
    """Folded form -> key for every form of ``words`` the stemmer would not key right.

    ``lexemes[i]`` are the dictionary's lexemes of ``words[i]`` (its parses: дзеці is
    a form of дзіця and of дзіцё). All forms of all lexemes of one word share one key:
    the stem most of them have (so the fewest forms need an entry), the lemma's on a
    tie. A form already claimed by an earlier (more frequent) word keeps its key.
    """
    table: dict[str, str] = {}
    for word, parses in zip(words, lexemes, strict=True):
        if not parses:
            continue
        # Folded all at once (folds map letter to letter: the same as form by form).
        folded = fold("\n".join(form for lexeme in parses for form in lexeme), lang)
        stems = {form: stem_belarusian(form) for form in folded.split("\n")}
        counts = Counter(stems.values())
        lemma_stem = next(iter(stems.values()))
        key = max(counts, key=lambda s: (counts[s], s == lemma_stem))
        key = table.get(fold(word, lang), key)
        for form, stem in stems.items():
            if form not in table and stem != key:
                table[form] = key
    return table


def encode_forms(table: Mapping[str, str]) -> str:
    """The table as ``lunr.aci`` reads it: ``key:shared:end,end;...`` (sorted).

    Each form is the key's first ``shared`` letters and an ending:
    ``{"сям'ями": "сям'", "семям": "сям'"}`` -> ``"сям':1:ем'ями,ям'ями"``... with
    ``shared`` the longest prefix every form of the key starts with.
    """
    by_key: dict[str, list[str]] = {}
    for form, key in table.items():
        by_key.setdefault(key, []).append(form)
    groups = []
    for key in sorted(by_key):
        forms = sorted(by_key[key])
        shared = len(key)
        for form in forms:
            while shared and not form.startswith(key[:shared]):
                shared -= 1
        groups.append(f"{key}:{shared}:{','.join(f[shared:] for f in forms)}")
    return ";".join(groups)


def decode_forms(encoded: str) -> dict[str, str]:
    """The inverse of :func:`encode_forms` (what ``lunr.aci`` does in the browser)."""
    table: dict[str, str] = {}
    for group in filter(None, encoded.split(";")):
        key, shared, endings = group.split(":", 2)
        for ending in endings.split(","):
            table[key[: int(shared)] + ending] = key
    return table


FORMS_SUFFIX: Final = ".forms"
"""The cached form tables' file ending (:class:`~aci_course.core.disk_cache.DiskCache`)."""


def forms_key(texts: Sequence[str], node_modules: Path) -> str:
    """The form table's cache key: the texts (so their words), belmorph and the code."""
    code = code_version(
        [
            Path(__file__),
            Path(__file__).with_name("fold.py"),
            Path(__file__).with_name("belmorph_forms.mjs"),
            node_modules / "belmorph" / "package.json",
        ]
    )
    return digest(code, *texts)


def language_data(
    lang: str,
    texts: Iterable[str],
    node_modules: Path,
    belmorph: Belmorph | None = None,
    cache: DiskCache | None = None,
) -> dict[str, Any]:
    """``lunr.aciData`` for ``lang``: its folds, stemmer endings and form table.

    ``belmorph``: a dictionary process already started (else one is started here if
    the table is not in ``cache``).
    """
    data: dict[str, Any] = {
        "lang": lang,
        "fold": folds(lang),
        "spelling": spelling(lang),
        "fleeting": [FLEETING[lang], FLEETING_MIN] if lang in FLEETING else None,
        "endings": [],
        "forms": "",
    }
    if lang != "be":
        return data
    data["endings"] = list(_ENDINGS_LONGEST_FIRST)
    texts = list(texts)
    cache = cache or DiskCache(None)
    key = forms_key(texts, node_modules)
    cached = cache.read_text(key, FORMS_SUFFIX)
    if cached is not None:
        data["forms"] = cached
        return data
    counts = vocabulary(texts, lang)
    words = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    if belmorph is None:
        belmorph = Belmorph.start(node_modules)
    lexemes = belmorph.lexemes(words) if belmorph is not None else None
    if lexemes is not None:
        data["forms"] = encode_forms(forms_table(words, lexemes, lang))
        cache.write_text(key, data["forms"], FORMS_SUFFIX)
        cache.keep_only(key, FORMS_SUFFIX)  # an edited course never needs the old table
    return data


def lunr_script(lang: str, data: Mapping[str, Any]) -> str:
    """``lunr.aci-<lang>.min.js``: sets ``lunr.aciData``, registers the name for lunr."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return (
        f"/* Generated by aci_course/search/lexicon.py for lunr.aci.min.js: {lang} */\n"
        '(function(r){"use strict";var l=r.lunr;'
        f'l["aci-{lang}"]={{wordCharacters:""}};l.aciData={payload};}})'
        '(typeof self!=="undefined"?self:this);\n'
    )


def write_lunr_scripts(
    site_dir: Path,
    texts: Mapping[str, Iterable[str]],
    node_modules: Path,
    belmorph: Belmorph | None = None,
    cache: DiskCache | None = None,
) -> dict[str, Path]:
    """Write ``assets/javascripts/lunr/min/lunr.aci-<lang>.min.js`` for each language."""
    folder = site_dir / "assets" / "javascripts" / "lunr" / "min"
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for lang, lang_texts in texts.items():
        path = folder / f"lunr.aci-{lang}.min.js"
        data = language_data(lang, lang_texts, node_modules, belmorph, cache)
        path.write_text(lunr_script(lang, data), "utf-8")
        written[lang] = path
    return written
