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
- ``stopWords``: for Russian, the words not indexed (:data:`STOP_WORDS`), in place of
  lunr-languages' list;
- ``forms``: for Belarusian and Russian, the form table. Every word of the site's own
  pages is looked up in a morphological dictionary (Belarusian: belmorph, GrammarDB,
  an npm package; Russian: pymorphy3, OpenCorpora, a PyPI package; both offline,
  nothing fetched at run time); every form of each lexeme found maps to the lexeme's
  key, the stem most of its forms have, and a form of several lexemes to each of
  their keys (мелі, of мець and of мель; :func:`forms_table`). Only forms the stemmer
  alone would not bring to their keys are listed (сям'ямі -> сям', дзецьмі -> дзиц;
  посмотрите -> посмотр, назовите -> назва, пересматривая -> пересматрива), so the
  table stays small. Russian: when the key of a lexeme is already the key of another
  word (Snowball cuts договорить and договор to one stem, занятость and занятие too),
  the later one gets its lemma as key (``separate``), all its forms listed, so a form
  of the one does not find the other. The stems such a listed form is not indexed
  under (``taken``, :class:`Forms`) follow the groups. :func:`encode_forms` writes it
  small (each word after the word before it; forms written alike in several groups
  once, as a paradigm), ``lunr.aci`` decodes it once when it loads.

English needs no table (Porter).

Each language's form table is kept under ``.cache/search/`` by the texts it was made
from and the dictionary's version, so a build whose pages did not change starts no
node process and loads no pymorphy3 dictionary (see :func:`forms_key`).
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
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


_FLEETING_RU: Final = re.compile(FLEETING["ru"])


@lru_cache(maxsize=1)
def _snowball_russian() -> Callable[[str], str] | None:
    try:
        import snowballstemmer  # type: ignore[import-untyped]
    except ImportError:
        return None
    stemmer = snowballstemmer.stemmer("russian")
    return stemmer.stemWord  # type: ignore[no-any-return]


@lru_cache(maxsize=65536)
def stem_russian(word: str) -> str:
    """The browser's key of a folded Russian word: Snowball, then a fleeting vowel.

    The same Snowball algorithm as lunr-languages' ``lunr.ru`` (``tests/search``
    compares them on the course's words), so the form table lists exactly the forms
    the browser's stemmer would key differently.
    """
    stemmer = _snowball_russian()
    stem = stemmer(word) if stemmer is not None else word
    if len(stem) >= FLEETING_MIN:
        stem = _FLEETING_RU.sub(r"\1\2", stem)
    return stem


STEMMERS: Final[Mapping[str, Callable[[str], str]]] = {
    "be": stem_belarusian,
    "ru": stem_russian,
}
"""The stemmer the browser applies to a word outside the form table, per language."""


_RUSSIAN_STOP_WORDS: Final = """
а алло без будем будет будете будешь будто буду будут будь бы был была были было
быть в вам вами вас ваш ваша ваше ваши ведь весь во вокруг вот впрочем все всего
всем всеми всему всех всю вся вы да даже для до другая другие других другое другой е
его ее ей ему если ею ж же за зато значит и из или им именно ими их к каждая каждое
каждые каждый как какая какой кем когда кого ком кому конечно которая которого
которой которые который которых кроме кто куда ли лишь между меня мимо мне мной мною
мое мои мой моя мы на над нам нами нас наш наша наше наши не него нее ней нему нею
ни ниже ними них но ну о об один однако одного одной около он она они оно от перед
по под пожалуйста после посреди при про просто против разве с сам сама сами самим
самими самих само самого самой самом самому саму свое своего своей свои своих свою
себе себя сих со собой собою спасибо суть та так такая также такие такое такой твое
твой твоя те тебе тебя тем теми тех то тобой тобою того тоже том тому тот ту ты у
хоть хотя чего чем чему через что чтоб чтобы эта эти этим этими этих это этого этой
этом этому этот эту я
"""
STOP_WORDS: Final[Mapping[str, frozenset[str]]] = {
    # Function words only: prepositions, conjunctions, particles, pronouns and forms
    # of быть. lunr-languages' Russian list (420 words) also drops жизнь, время,
    # люди, человек, год, день, назад and the numbers, so a query naming a subject
    # with them ("человек рассказывает", "назад к проекту") lost a word. This is that
    # list less every word whose most likely parse in pymorphy3 is not one of those
    # kinds (folded, ё as е). English keeps lunr's list, Belarusian lunr.be's.
    "ru": frozenset(_RUSSIAN_STOP_WORDS.split()),
}
"""Words search does not index, per language (the rest keep their lunr list)."""


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


@dataclass(frozen=True)
class Forms:
    """A form table: each listed form's keys, and the stems no listed form is indexed under.

    ``keys``: folded form -> the keys of the lexemes it is a form of, sorted (мелі, of
    мець and of мель, has two). ``taken``: stems that are a lexeme's key, which a listed
    form of another lexeme stems to: the browser indexes a listed form under its stem as
    well (a fallback for typed forms the dictionary lacks), except under these.
    """

    keys: Mapping[str, tuple[str, ...]]
    taken: frozenset[str] = frozenset()


def forms_table(
    words: Sequence[str],
    lexemes: Sequence[Sequence[Sequence[str]]],
    lang: str,
    separate: bool = False,
) -> Forms:
    """Every form of ``words``' lexemes keyed by each lexeme it belongs to.

    ``lexemes[i]`` are the dictionary's lexemes of ``words[i]`` (its parses: мелі is a
    form of мець and of мель), each with its lemma first. A lexeme's key is the stem
    most of its forms have (so the fewest forms need an entry), the lemma's on a tie; a
    form's keys are those of all its lexemes. A form is listed unless its keys are just
    its own stem. Lexemes are taken in the order of their first word (more frequent
    first). A lexeme sharing at least half the forms of an earlier one, or of itself,
    is the same word in another paradigm (дзіця and дзіцё, both дзіцяці, дзецьмі...)
    and takes its key; homonyms share a form or two (мелі), and keep their own.

    ``separate``: a lexeme whose key an earlier lexeme of another lemma has (договорить
    after договор) is keyed by its lemma instead, every form listed.
    """
    stem_of = STEMMERS[lang]
    keys_of: dict[str, list[str]] = {}
    owners: dict[str, set[str]] = {}  # key -> the forms of the lexemes it keys
    lexemes_of: dict[str, list[tuple[str, frozenset[str]]]] = {}  # form -> (key, forms)
    seen: set[tuple[str, ...]] = set()
    for parses in lexemes:
        for lexeme in parses:
            if not lexeme:
                continue
            # Folded all at once (folds map letter to letter: the same as form by form).
            forms = tuple(dict.fromkeys(fold("\n".join(lexeme), lang).split("\n")))
            if forms in seen:
                continue
            seen.add(forms)
            lemma = forms[0]
            stems = {form: stem_of(form) for form in forms}
            counts = Counter(stems.values())
            key = max(counts, key=lambda s: (counts[s], s == stems[lemma]))
            if separate and key in owners and owners[key].isdisjoint(forms):
                key = lemma
            own = frozenset(forms)
            for other_key, other in (x for form in forms for x in lexemes_of.get(form, ())):
                if 2 * len(own & other) >= min(len(own), len(other)):
                    key = other_key
                    break
            owners.setdefault(key, set()).update(forms)
            for form in forms:
                lexemes_of.setdefault(form, []).append((key, own))
                form_keys = keys_of.setdefault(form, [])
                if key not in form_keys:
                    form_keys.append(key)
    table = {form: tuple(sorted(keys)) for form, keys in keys_of.items() if keys != [stem_of(form)]}
    taken = frozenset(
        stem
        for form, keys in table.items()
        if (stem := stem_of(form)) not in keys and stem in owners
    )
    return Forms(table, taken)


PART_MARK: Final = "|"
"""Separates the three parts of :func:`encode_forms`: paradigms, groups, taken stems."""

GROUP_MARK: Final = ";"
"""Separates the paradigms, and the groups, of :func:`encode_forms`."""

PARADIGM_MARK: Final = "#"
"""In a group of :func:`encode_forms`: its forms are the paradigm of this number."""

_DIGITS: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
"""Base-36 digits: how many letters a word drops, a paradigm's number. Never in a word."""

_AFRESH: Final = len(_DIGITS) - 1
"""The digit Z: a word that keeps nothing of the word before it (for a longer drop)."""

_WORDS: Final = re.compile(r"([0-9A-Z])([^0-9A-Z;|#]*)")
"""A coded word: one base-36 digit (the letters dropped), then the letters added."""

_GROUP: Final = re.compile(r"([0-9A-Z][^0-9A-Z;|#]*)(?:#([0-9A-Z]+)|(.*))")
"""A group: its key, then its forms or the number of their paradigm."""


def _coded(words: Iterable[str], before: str) -> str:
    """``words``, each written after the word before it (the first after ``before``).

    A word is the number of letters it drops from the end of the word before, one
    base-36 digit (Z: all of them), then the letters it adds: after ``дзиц``, ``дзецьми``
    ``дзице`` -> ``"2ецьми5ице"``. The same endings after the same drops make the
    same text whatever the stem: one declension or conjugation, one paradigm.
    """
    out = []
    for word in words:
        if _WORDS.fullmatch("0" + word) is None:  # a digit, an uppercase Latin letter, a mark
            raise ValueError(f"the form table cannot hold {word!r}: not a folded word")
        kept = 0
        while kept < min(len(word), len(before)) and word[kept] == before[kept]:
            kept += 1
        dropped = len(before) - kept
        out.append(_DIGITS[dropped] + word[kept:] if dropped < _AFRESH else "Z" + word)
        before = word
    return "".join(out)


def _decoded(coded: str, before: str) -> list[str]:
    """The words of :func:`_coded` (``before``: the word before the first)."""
    words = []
    for digit, added in _WORDS.findall(coded):
        dropped = int(digit, 36)
        before = (before[: len(before) - dropped] if dropped < _AFRESH else "") + added
        words.append(before)
    return words


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
        if not number:
            return digits


def encode_forms(forms: Forms) -> str:
    """The table as ``lunr.aci`` reads it: ``paradigms|groups|taken`` ("" if empty).

    A group (``;`` between groups, sorted by key) is a key and the forms it keys, sorted,
    each word written after the word before it (:func:`_coded`): the key after the
    previous group's key, the first form after the key, each other form after the form
    before. A form with two keys is in both groups. Forms written the same way in several
    groups (the endings of one declension after keys that end alike) are written once,
    as a paradigm (``;`` between paradigms, most used first), and such a group's forms are
    ``#`` and the paradigm's number, base 36. Last, the taken stems (:class:`Forms`),
    sorted and coded the same way. ``{"дзецьми": ("дзиц",), "дзице": ("дзиц",)}`` ->
    ``"|0дзиц2ецьми5ице|"``. Sorting makes each word share the most with the one before.
    """
    if not forms.keys and not forms.taken:
        return ""
    by_key: dict[str, list[str]] = {}
    for form, keys in forms.keys.items():
        for key in keys:
            by_key.setdefault(key, []).append(form)
    groups: list[tuple[str, str]] = []
    previous_key = ""
    for key in sorted(by_key):
        groups.append((_coded([key], previous_key), _coded(sorted(by_key[key]), key)))
        previous_key = key
    uses = Counter(coded_forms for _, coded_forms in groups)
    paradigms: dict[str, str] = {}
    for coded_forms, count in sorted(uses.items(), key=lambda item: (-item[1], item[0])):
        reference = PARADIGM_MARK + _base36(len(paradigms))
        if (count - 1) * len(coded_forms) > count * len(reference) + len(GROUP_MARK):
            paradigms[coded_forms] = reference
    return PART_MARK.join(
        [
            GROUP_MARK.join(paradigms),
            GROUP_MARK.join(key + paradigms.get(coded, coded) for key, coded in groups),
            _coded(sorted(forms.taken), ""),
        ]
    )


def decode_forms(encoded: str) -> Forms:
    """The inverse of :func:`encode_forms` (what ``lunr.aci`` does in the browser)."""
    paradigms, groups, taken = [*encoded.split(PART_MARK), "", ""][:3]
    listed = paradigms.split(GROUP_MARK)
    keys: dict[str, list[str]] = {}
    key = ""
    for group in filter(None, groups.split(GROUP_MARK)):
        found = _GROUP.fullmatch(group)
        if found is None:
            raise ValueError(f"not a group of the form table: {group!r}")
        coded_key, paradigm, coded_forms = found.groups()
        key = _decoded(coded_key, key)[0]
        coded = listed[int(paradigm, 36)] if paradigm is not None else coded_forms
        for form in _decoded(coded, key):
            keys.setdefault(form, []).append(key)
    return Forms(
        {form: tuple(sorted(k)) for form, k in keys.items()},
        frozenset(_decoded(taken, "")),
    )


FORMS_SUFFIX: Final = ".forms"
"""The cached form tables' file ending (:class:`~aci_course.core.disk_cache.DiskCache`)."""


def forms_suffix(lang: str) -> str:
    """The cached form table of ``lang``: ``<key>.be.forms``."""
    return f".{lang}{FORMS_SUFFIX}"


def forms_key(lang: str, texts: Sequence[str], node_modules: Path) -> str:
    """A form table's cache key: the texts (so their words), the dictionary and the code."""
    code = code_version(
        [
            Path(__file__),
            Path(__file__).with_name("fold.py"),
            Path(__file__).with_name("belmorph_forms.mjs"),
            node_modules / "belmorph" / "package.json",
        ]
    )
    return digest(code, lang, _package_versions(("pymorphy3", "pymorphy3-dicts-ru")), *texts)


def _package_versions(names: Sequence[str]) -> str:
    found = []
    for name in names:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return " ".join(found)


def russian_lexemes(words: Sequence[str]) -> list[list[list[str]]] | None:
    """pymorphy3's lexemes of each word (dictionary words only), lemma first.

    A lexeme keeps the forms of the parse's own kind: a verb's finite forms,
    infinitive and gerunds, not its participles (declined like adjectives, a hundred
    forms each: they would swell the table for words a reader rarely types as the
    verb). None without pymorphy3.
    """
    try:
        import pymorphy3  # type: ignore[import-untyped]
    except ImportError:
        log.info("pymorphy3 is not installed: Russian search stems only")
        return None
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    out: list[list[list[str]]] = []
    # The forms of a lexeme, once: many words of a page are forms of one lexeme.
    seen: dict[tuple[str, str], list[str]] = {}
    for word in words:
        found: dict[str, list[str]] = {}
        for parse in morph.parse(word):
            if not parse.is_known:
                continue
            lexeme = (parse.normal_form, str(parse.tag.POS))
            forms = seen.get(lexeme)
            if forms is None:
                kind = _russian_kind(parse.tag.POS)
                forms = [f.word for f in parse.lexeme if _russian_kind(f.tag.POS) == kind]
                forms = seen[lexeme] = list(dict.fromkeys([parse.normal_form, *forms]))
            found.setdefault(" ".join(forms), forms)
        out.append(list(found.values()))
    return out


_RUSSIAN_KINDS: Final[Mapping[str, str]] = {
    "INFN": "verb", "VERB": "verb", "GRND": "verb",
    "PRTF": "participle", "PRTS": "participle",
    "ADJF": "adjective", "ADJS": "adjective", "COMP": "adjective",
}  # fmt: skip
"""Which of pymorphy3's parts of speech are one kind of word (the rest: their own)."""


def _russian_kind(pos: object) -> str:
    name = str(pos)  # pymorphy3's grammemes compare only with grammemes
    return _RUSSIAN_KINDS.get(name, name)


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
        "stopWords": sorted(STOP_WORDS[lang]) if lang in STOP_WORDS else None,
    }
    if lang not in STEMMERS:
        return data
    if lang == "be":
        data["endings"] = list(_ENDINGS_LONGEST_FIRST)
    texts = list(texts)
    cache = cache or DiskCache(None)
    key, suffix = forms_key(lang, texts, node_modules), forms_suffix(lang)
    cached = cache.read_text(key, suffix)
    if cached is not None:
        data["forms"] = cached
        return data
    counts = vocabulary(texts, lang)
    words = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    lexemes: list[list[list[str]]] | None = None
    if lang == "ru":
        if _snowball_russian() is not None:
            lexemes = russian_lexemes(words)
    else:
        if belmorph is None:
            belmorph = Belmorph.start(node_modules)
        lexemes = belmorph.lexemes(words) if belmorph is not None else None
    if lexemes is not None:
        data["forms"] = encode_forms(forms_table(words, lexemes, lang, separate=lang == "ru"))
        cache.write_text(key, data["forms"], suffix)
        cache.keep_only(key, suffix)  # an edited course never needs the old table
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
