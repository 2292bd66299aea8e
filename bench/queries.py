"""The query set of ``make bench-search``: read it, check it, and judge it by a fixed rule.

Each query is a word form a reader types and the lesson it should find in the top five
results. Which lesson that is, is not our choice: it is judged by the rule below, with
hunspell's dictionaries (``ru_RU``, ``be_BY``, ``en_US``) as the reference for which
words are forms of one word. Our search does not use hunspell (it uses Snowball and
Porter stemmers and the belmorph dictionary), so the judge is independent of what is
measured.

The rule (fixed 2026-11-29 before the set was measured; rule 5 first took forms from
other pages of the course, and was changed before any result was seen, because such a
form is an exact match on another page and exact matches rank first by design):

1. The words of a page are the words of its entries in the language's search index
   (title and text), split as the search splits them, in lower case.
2. A word's lemmas are the stems ``hunspell -s`` gives for it (apostrophes as ``'``;
   for Russian, ё as е). A word hunspell does not know has none.
3. count(P, L) is how many words of page P have lemma L among theirs.
4. L belongs to lesson P (a page ``modules/<module>/<NN>-<name>.html``) when L has at
   least four letters, count(P, L) >= 3, and count(P, L) is greater than count(Q, L) for
   every other page Q of the language (lessons, overviews, glossary, every page).
5. The query for L on P is a form of L that no page of the language contains (after the
   search's folding: case, ё/е, ў/у, apostrophes, і/и for Belarusian), so that exact
   matches, which rank first by design, decide nothing and only inflection is tested.
   The forms of L are its dictionary paradigm (``unmunch`` of L's entries in the
   hunspell dictionary) that share L's first three letters (a prefix makes another
   word) and that ``hunspell -s`` gives lemma L; for English, only the inflectional
   flags of ``en_US.aff`` are applied (S plural and third person, D past, G -ing: its
   other flags derive other words, -ly, -able, -er, un-, or the possessive). Of those,
   the one with the lowest SHA-1 of its UTF-8 letters is typed: a fixed pick that
   neither we nor the search choose. A lemma without such a form is passed over.
6. One query per lesson: of P's lemmas that have a query, the one with the largest share
   count(P, L) / count(all pages, L); ties by the larger count(P, L), then alphabetical.
7. Russian queries are typed with е for ё (as readers mostly type). For Belarusian, the
   query of each module's first lesson, when it has і or ў, is typed a second time as on
   a Russian keyboard (и for і, у for ў).

Two more kinds of query (rules 8-10, fixed 2026-12-06 before any of them was measured,
for issue 24):

8. Phrases. The units of a page are its headings (the titles of its index entries) and
   its sentences (the text of its entries, cut at the end of every block element and after
   . ! ? or …). A content word is a word of at least four letters that hunspell knows and
   one of whose lemmas is on fewer than half of the language's pages (function words are
   on nearly all). A candidate of lesson P is two or three consecutive content words of
   one unit of P (consecutive once the other words are dropped). A unit has a candidate
   when, for each of its words, the unit holds a word sharing a lemma with it; the
   candidate belongs to P when P has such a unit and no other page of the language has.
9. The phrase of P: its candidates from headings if any belongs to P, otherwise those
   from sentences; taken in the order of the SHA-1 of their words as written (joined by
   a space), the first whose typed form changes at least one word. Typed form: each word
   becomes its dictionary form (its hunspell lemma; of several, the one sharing the
   longest beginning with the word, then the first alphabetically), as people name a
   subject ("birth families" -> "birth family"); a word that is its own lemma stays.
   One phrase per lesson; Russian typed with е for ё (rule 7); Belarusian as written.
10. Spelling variants (English). The variants of a word are what one substitution of
    this list makes of it, at any place: our/or, ise/ize (and ised, ises, ising,
    isation), re/er at the end of a word (or before s or d), ogue/og, ll/l (either way
    round each), and licence/license. A variant v of word w is a spelling variant when
    one of hunspell's ``en_US`` and ``en_GB`` accepts w and not v and the other accepts v
    (a British or American spelling, not another word), and both have at least five
    letters. Counting w and v together as one word, w belongs to lesson P when P has it
    more often than any other page. Every such word whose variant no
    page of the course contains gives one query, the variant; lessons without such a
    word have none. When the lessons change spelling (British throughout), ``make
    bench-queries`` gives the American forms instead.

``python bench/queries.py --site site --write`` (``make bench-queries``) writes
``tests/search/bench_queries.yml`` from a built site; ``judge_problems`` checks an
existing set against the rule, so a change of the lessons that moves a word to another
page shows up.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aci_course.quality.content_report import INSTALL_HINT  # noqa: E402
from aci_course.search.fold import APOSTROPHE, APOSTROPHES, fold  # noqa: E402
from aci_course.search.split import SEPARATOR  # noqa: E402

QUERIES = ROOT / "tests" / "search" / "bench_queries.yml"
LANGS = ("ru", "be", "en")
PREFIX = {"ru": "", "be": "be/", "en": "en/"}
DICTIONARY_DIR = Path("/usr/share/hunspell")  # Debian's hunspell-ru, -be, -en-us
# The judge's dictionaries, as the rule names them. Not the content check's (British
# English, en_GB, whose affix rules analyse "invented" as in- + "vented" and whose flags
# S, D, G are not en_US.aff's inflections): the rule is written for en_US.
DICTIONARIES = {"ru": "ru_RU", "be": "be_BY", "en": "en_US"}
EN_INFLECTION = "SDG"
LESSON = re.compile(r"modules/[^/]+/\d\d-[^/]+\.html")
MIN_LETTERS = 4
MIN_COUNT = 3
EXACT_PER_PAGE = 1
KEYBOARD_NOTE = "Russian keyboard"
OTHER_APOSTROPHES = re.compile(f"[{re.escape(APOSTROPHES)}]")


def load_queries(path: Path = QUERIES) -> dict[str, list[tuple[str, str]]]:
    """``{lang: [(query, page), ...]}`` from the YAML file, in its order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        lang: [(str(q), page) for page, queries in data[lang].items() for q in queries]
        for lang in LANGS
    }


def page_words(site: Path, lang: str, folded: bool = True) -> dict[str, Counter[str]]:
    """Words of each page (all its index entries) as search splits them, folded."""
    index = json.loads((site / PREFIX[lang] / "search/search_index.json").read_text("utf-8"))
    pages: dict[str, Counter[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc.get('text', '')}")
        words = (
            (fold(w, lang) if folded else w.lower()).strip("'’ʼ") for w in re.split(SEPARATOR, text)
        )
        pages.setdefault(page, Counter()).update(w for w in words if w)
    return pages


def query_problems(site: Path, queries: Mapping[str, Iterable[tuple[str, str]]]) -> list[str]:
    """Queries that are not a test of inflection: verbatim on their page, or no page."""
    problems = []
    for lang, items in queries.items():
        pages = page_words(site, lang)
        for query, page in items:
            if page not in pages:
                problems.append(f"{lang}: {query!r} expects {page}, which is not in the index")
            elif fold(query, lang) in pages[page]:
                problems.append(f"{lang}: {query!r} appears as it is on {page}")
    return problems


def exact_queries(site: Path, lang: str, pages: Iterable[str]) -> list[tuple[str, str]]:
    """Words of seven letters or more found on one page only: typed as written, rank 1."""
    words = page_words(site, lang)
    written = page_words(site, lang, folded=False)
    seen = Counter(w for counts in words.values() for w in counts)
    chosen = []
    for page in dict.fromkeys(pages):
        own = [w for w in written[page] if seen[fold(w, lang)] == 1 and len(w) >= 7 and w.isalpha()]
        own.sort(key=lambda w: (-written[page][w], w))
        chosen += [(w, page) for w in own[:EXACT_PER_PAGE]]
    return chosen


# --- the judge -------------------------------------------------------------------------


def letters(word: str) -> str:
    """``word`` without apostrophes (for the letter count and the alphabet test)."""
    return OTHER_APOSTROPHES.sub("", word).replace(APOSTROPHE, "")


def hunspell_spelling(word: str) -> str:
    """``word`` with the apostrophe hunspell's dictionaries use (rule 2)."""
    return OTHER_APOSTROPHES.sub(APOSTROPHE, word)


def hunspell_lemmas(lang: str, words: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each word's stems by ``hunspell -s`` (rule 2); unknown words are left out."""
    batch = sorted({hunspell_spelling(w) for w in words})
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARIES[lang], "-i", "utf-8", "-s"],
        input="\n".join(batch) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        check=True,
    )
    stems: dict[str, set[str]] = defaultdict(set)
    for line in result.stdout.splitlines():
        word, _, stem = line.strip().partition(" ")
        if stem:
            stem = stem.strip().lower()
            stems[word].add(stem.replace("ё", "е") if lang == "ru" else stem)
    return {w: frozenset(s) for w, s in stems.items()}


@dataclass(frozen=True)
class Judge:
    """Lemma counts of one language's pages (rules 1-4)."""

    lang: str
    written: dict[str, Counter[str]]  # page -> word (lower case) -> occurrences
    lemmas: dict[str, frozenset[str]]  # word (apostrophes as ') -> lemmas

    @classmethod
    def of(cls, site: Path, lang: str) -> Judge:
        """The judge of ``lang`` on the built ``site``."""
        written = page_words(site, lang, folded=False)
        vocabulary = {w for words in written.values() for w in words}
        return cls(lang, written, hunspell_lemmas(lang, vocabulary))

    @functools.cached_property
    def everywhere(self) -> Counter[str]:
        """Each word's occurrences in the language's whole index."""
        total: Counter[str] = Counter()
        for words in self.written.values():
            total.update(words)
        return total

    @functools.cached_property
    def on_pages(self) -> frozenset[str]:
        """Every word of the index, folded as the search folds it (rule 5)."""
        return frozenset(fold(w, self.lang) for w in self.everywhere)

    def lemmas_of(self, word: str) -> frozenset[str]:
        """The word's lemmas (rule 2)."""
        return self.lemmas.get(hunspell_spelling(word.lower()), frozenset())

    @functools.cached_property
    def counts(self) -> dict[str, Counter[str]]:
        """count(P, L) for every page P and lemma L (rule 3)."""
        out: dict[str, Counter[str]] = {}
        for page, words in self.written.items():
            counter: Counter[str] = Counter()
            for word, n in words.items():
                for lemma in self.lemmas_of(word):
                    counter[lemma] += n
            out[page] = counter
        return out

    def owner(self, lemma: str) -> str | None:
        """The lesson ``lemma`` belongs to (rule 4), if any."""
        ranked = sorted(((c[lemma], page) for page, c in self.counts.items()), reverse=True)
        (top, page), runner_up = ranked[0], ranked[1][0] if len(ranked) > 1 else 0
        if len(letters(lemma)) < MIN_LETTERS or top < MIN_COUNT or top == runner_up:
            return None
        return page if LESSON.fullmatch(page) else None

    def query_for(self, lemma: str) -> str | None:
        """The form of ``lemma`` a reader types (rule 5), if any."""
        key = lemma.replace("ё", "е")
        forms = [f for f in paradigm(self.lang, lemma) if f.replace("ё", "е")[:3] == key[:3]]
        known = hunspell_lemmas(self.lang, forms)
        forms = [
            f
            for f in forms
            if lemma in known.get(f, frozenset()) and fold(f, self.lang) not in self.on_pages
        ]
        return min(forms, key=lambda f: hashlib.sha1(f.encode()).hexdigest(), default=None)


@functools.cache
def dictionary_entries(lang: str) -> dict[str, tuple[str, ...]]:
    """The hunspell dictionary's lines by their word (lower case; Russian ё as е)."""
    path = DICTIONARY_DIR / f"{DICTIONARIES[lang]}.dic"
    if shutil.which("unmunch") is None or not path.is_file():
        sys.exit(f"{path} or unmunch is missing - {INSTALL_HINT} hunspell-tools")
    entries: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        word = re.split(r"[/\t ]", line, maxsplit=1)[0].lower()
        entries[word.replace("ё", "е") if lang == "ru" else word].append(line)
    return {word: tuple(lines) for word, lines in entries.items()}


def inflectional(line: str) -> str:
    """An ``en_US.dic`` line with only its inflectional flags (rule 5)."""
    word, _, flags = line.partition("/")
    kept = "".join(f for f in flags.split()[0] if f in EN_INFLECTION) if flags else ""
    return f"{word}/{kept}" if kept else word


def paradigm(lang: str, lemma: str) -> list[str]:
    """Every form ``unmunch`` derives from ``lemma``'s dictionary entries (rule 5)."""
    entries = dictionary_entries(lang).get(lemma, ())
    if lang == "en":
        entries = tuple(inflectional(line) for line in entries)
    if not entries:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        dic = Path(tmp) / "lemma.dic"
        dic.write_text(f"{len(entries)}\n" + "\n".join(entries) + "\n", encoding="utf-8")
        result = subprocess.run(
            ["unmunch", str(dic), str(DICTIONARY_DIR / f"{DICTIONARIES[lang]}.aff")],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
    return sorted({line.strip().lower() for line in result.stdout.splitlines() if line.strip()})


def typed(query: str, lang: str) -> str:
    """How the query is typed (rule 7, Russian): е for ё."""
    return query.replace("ё", "е").replace("Ё", "Е") if lang == "ru" else query


def russian_keyboard(query: str) -> str:
    """A Belarusian word as typed on a Russian keyboard layout (rule 7)."""
    return query.replace("і", "и").replace("І", "И").replace("ў", "у").replace("Ў", "У")


def generate(site: Path, lang: str) -> dict[str, list[tuple[str, str]]]:
    """``{lesson: [(query, note), ...]}`` by the rule, in lesson order."""
    judge = Judge.of(site, lang)
    totals: Counter[str] = Counter()
    for counter in judge.counts.values():
        totals.update(counter)
    candidates: dict[str, list[tuple[float, int, str]]] = defaultdict(list)
    for lemma in totals:
        page = judge.owner(lemma)
        if page is not None:
            n = judge.counts[page][lemma]
            candidates[page].append((-n / totals[lemma], -n, lemma))
    chosen: dict[str, list[tuple[str, str]]] = {}
    for page in sorted(candidates):
        for _, _, lemma in sorted(candidates[page]):
            query = judge.query_for(lemma)
            if query is None:
                continue
            chosen[page] = [(typed(query, lang), "")]
            first_lesson = re.search(r"/01-[^/]+$", page) is not None
            if lang == "be" and first_lesson and russian_keyboard(query) != query:
                chosen[page].append((russian_keyboard(query), KEYBOARD_NOTE))
            break
    return chosen


def spellings(query: str, lang: str) -> list[str]:
    """The query, and for Belarusian as written with і and ў (rule 7 types и and у)."""
    if lang != "be":
        return [query]
    with_i = query.replace("и", "і").replace("И", "І")
    return [query, with_i, re.sub("(?<=[аеёіоуыэюя])у", "ў", with_i)]


def judge_problems(site: Path, queries: Mapping[str, Iterable[tuple[str, str]]]) -> list[str]:
    """Queries against the rule: on a page of the course, or their word not their lesson's."""
    problems = []
    for lang, items in queries.items():
        items = list(items)
        judge = Judge.of(site, lang)
        known = hunspell_lemmas(lang, [s for query, _ in items for s in spellings(query, lang)])
        for query, page in items:
            lemmas = {lemma for s in spellings(query, lang) for lemma in known.get(s, ())}
            if fold(query, lang) in judge.on_pages:
                problems.append(f"{lang}: {query!r} is on a page of the course as it is")
            elif not any(judge.owner(lemma) == page for lemma in lemmas):
                owners = sorted({judge.owner(lemma) or "no lesson" for lemma in lemmas})
                problems.append(
                    f"{lang}: {query!r} expects {page}; by the rule its word belongs to "
                    f"{', '.join(owners) or 'no lesson (hunspell does not know it)'}"
                )
    return problems


# --- phrases (rules 8 and 9) ---------------------------------------------------------

BLOCK_END = re.compile(
    r"</?(?:p|li|ul|ol|h\d|td|th|tr|table|dd|dt|div|blockquote|pre|figcaption)\b[^>]*>"
)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
PHRASE_SIZES = (2, 3)


def split_words(text: str) -> list[str]:
    """Words of ``text`` as search splits them, apostrophes at their edges dropped."""
    return [w for w in (w.strip("'’ʼ") for w in re.split(SEPARATOR, text)) if w]


def page_units(site: Path, lang: str) -> dict[str, list[tuple[str, list[str]]]]:
    """Each page's units (rule 8): ``("heading", words)`` and ``("sentence", words)``."""
    index = json.loads((site / PREFIX[lang] / "search/search_index.json").read_text("utf-8"))
    units: dict[str, list[tuple[str, list[str]]]] = {}
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        own = units.setdefault(page, [])
        own.append(("heading", split_words(re.sub(r"<[^>]+>", " ", doc["title"]))))
        text = re.sub(r"<[^>]+>", " ", BLOCK_END.sub("\n", doc.get("text", "")))
        for block in text.split("\n"):
            for sentence in SENTENCE_END.split(block):
                words = split_words(sentence)
                if words:
                    own.append(("sentence", words))
    return units


@dataclass(frozen=True)
class Phrases:
    """The judge of rules 8 and 9 for one language."""

    judge: Judge
    units: dict[str, list[tuple[str, list[str]]]]

    @classmethod
    def of(cls, site: Path, lang: str) -> Phrases:
        """The phrase judge of ``lang`` on the built ``site``."""
        return cls(Judge.of(site, lang), page_units(site, lang))

    @functools.cached_property
    def page_share(self) -> Counter[str]:
        """On how many pages each lemma is."""
        share: Counter[str] = Counter()
        for counter in self.judge.counts.values():
            share.update(counter.keys())
        return share

    def content(self, word: str) -> bool:
        """A content word (rule 8)."""
        half = len(self.judge.counts) / 2
        lemmas = self.judge.lemmas_of(word)
        return len(letters(word)) >= MIN_LETTERS and any(self.page_share[x] < half for x in lemmas)

    @functools.cached_property
    def unit_lemmas(self) -> dict[str, list[frozenset[str]]]:
        """Each page's units as the set of their words' lemmas."""
        return {
            page: [frozenset(x for w in ws for x in self.judge.lemmas_of(w)) for _, ws in units]
            for page, units in self.units.items()
        }

    def pages_with(self, words: tuple[str, ...]) -> set[str]:
        """Pages with a unit that has the candidate ``words`` (rule 8)."""
        wanted = [self.judge.lemmas_of(w) for w in words]
        return {
            page
            for page, units in self.unit_lemmas.items()
            if any(all(lemmas & want for want in wanted) for lemmas in units)
        }

    def candidates(self, page: str, kind: str) -> list[tuple[str, ...]]:
        """Candidates of ``page`` from its units of ``kind`` (rule 8), in SHA-1 order (rule 9)."""
        found: set[tuple[str, ...]] = set()
        for unit_kind, words in self.units.get(page, []):
            if unit_kind != kind:
                continue
            content = [w.lower() for w in words if self.content(w)]
            for size in PHRASE_SIZES:
                for i in range(len(content) - size + 1):
                    found.add(tuple(content[i : i + size]))
        return sorted(found, key=lambda c: hashlib.sha1(" ".join(c).encode()).hexdigest())

    def dictionary_form(self, word: str) -> str:
        """The word's lemma (rule 9), or the word when hunspell does not know it."""

        def shared(lemma: str) -> int:
            pairs = enumerate(zip(lemma, word, strict=False))
            return next((i for i, (a, b) in pairs if a != b), min(len(lemma), len(word)))

        lemmas = sorted(self.judge.lemmas_of(word), key=lambda x: (-shared(x), x))
        return lemmas[0] if lemmas else word

    def phrase(self, page: str) -> str | None:
        """The phrase query of lesson ``page`` (rule 9), if any."""
        for kind in ("heading", "sentence"):
            own = [c for c in self.candidates(page, kind) if self.pages_with(c) == {page}]
            for candidate in own:
                forms = [self.dictionary_form(w) for w in candidate]
                if forms != list(candidate):
                    return typed(" ".join(forms), self.judge.lang)
            if own:
                return None
        return None


def generate_phrases(site: Path, lang: str) -> dict[str, list[tuple[str, str]]]:
    """``{lesson: [(phrase, "")]}`` by rules 8 and 9, in lesson order."""
    phrases = Phrases.of(site, lang)
    chosen: dict[str, list[tuple[str, str]]] = {}
    for page in sorted(p for p in phrases.units if LESSON.fullmatch(p)):
        query = phrases.phrase(page)
        if query is not None:
            chosen[page] = [(query, "")]
    return chosen


# --- spelling variants (rule 10) -------------------------------------------------------

VARIANTS: tuple[tuple[str, str], ...] = (
    ("our", "or"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("re$", "er$"),
    ("res$", "ers$"),
    ("red$", "ered$"),
    ("ogue", "og"),
    ("ll", "l"),
    ("licence", "license"),
)


def variants(word: str) -> set[str]:
    """What one substitution of rule 10 makes of ``word``, either way round."""
    out: set[str] = set()
    for a, b in VARIANTS:
        for old, new in ((a, b), (b, a)):
            end = old.endswith("$")
            old, new = old.rstrip("$"), new.rstrip("$")
            for m in re.finditer(f"(?={re.escape(old)})", word):
                i = m.start()
                if end and i + len(old) != len(word):
                    continue
                out.add(word[:i] + new + word[i + len(old) :])
    out.discard(word)
    return out


def accepted(dictionary: str, words: Iterable[str]) -> set[str]:
    """The words ``hunspell -d dictionary`` accepts."""
    batch = sorted(set(words))
    result = subprocess.run(
        ["hunspell", "-d", dictionary, "-i", "utf-8", "-l"],
        input="\n".join(batch) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        check=True,
    )
    rejected = set(result.stdout.split())
    return {w for w in batch if w not in rejected}


def generate_spelling(site: Path) -> dict[str, list[tuple[str, str]]]:
    """``{lesson: [(variant, "")]}`` by rule 10 (English), in lesson order."""
    written = page_words(site, "en", folded=False)
    on_pages = {w for words in written.values() for w in words}
    pairs = {(w, v) for w in on_pages if w.isalpha() for v in variants(w)}
    vocabulary = {x for pair in pairs for x in pair}
    us, gb = accepted("en_US", vocabulary), accepted("en_GB", vocabulary)
    dictionaries = ((us, gb), (gb, us))
    real = {
        (w, v)
        for w, v in pairs
        if min(len(w), len(v)) >= 5
        and any(w in a and v not in a and v in b for a, b in dictionaries)
    }
    chosen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for w, v in sorted(real):
        counts = sorted(
            ((words[w] + words[v], page) for page, words in written.items()), reverse=True
        )
        (top, page), runner_up = counts[0], counts[1][0] if len(counts) > 1 else 0
        if top != runner_up and LESSON.fullmatch(page) and v not in on_pages:
            chosen[page].append((v, ""))
    return {page: chosen[page] for page in sorted(chosen)}


KINDS = ("phrases", "spelling")


def load_kind(kind: str, path: Path = QUERIES) -> dict[str, list[tuple[str, str]]]:
    """``{lang: [(query, page), ...]}`` of the phrases or spelling variants."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")).get(kind, {})
    return {
        lang: [(str(q), page) for page, queries in (data.get(lang) or {}).items() for q in queries]
        for lang in LANGS
    }


def generated_kinds(site: Path) -> dict[str, dict[str, dict[str, list[tuple[str, str]]]]]:
    """``{kind: {lang: {lesson: [(query, note)]}}}`` of rules 8-10 from ``site``."""
    return {
        "phrases": {lang: generate_phrases(site, lang) for lang in LANGS},
        "spelling": {"en": generate_spelling(site)},
    }


def kind_problems(site: Path, path: Path = QUERIES) -> list[str]:
    """Differences between the phrases and variants in ``path`` and what the rule gives."""
    problems = []
    for kind, by_lang in generated_kinds(site).items():
        stored = load_kind(kind, path)
        for lang in LANGS:
            want = [(q, page) for page, items in by_lang.get(lang, {}).items() for q, _ in items]
            if stored[lang] != want:
                extra = sorted(set(stored[lang]) - set(want))
                missing = sorted(set(want) - set(stored[lang]))
                problems.append(f"{kind} {lang}: not by the rule {extra}, missing {missing}")
    return problems


HEADER = """\
# Queries of `make bench-search` (bench/search.py): what a reader types, and the lesson
# it should find (relative to the language's root) in the top five results.
#
# Generated by `make bench-queries` (bench/queries.py) from the built site, by the rule
# written in bench/queries.py: one query per lesson, a form of a word that lesson uses
# more than any other page does (hunspell's dictionaries judge which words are forms of
# one word), in a form that no page of the course contains as typed; then "phrases" (two
# or three words of a heading or sentence only that lesson has, in other forms) and
# "spelling" (an English word in its other spelling, British or American). bench/search.py and
# tests/browser/test_search.py check the set against the built site; when the lessons
# change, run `make bench-queries` and review the diff. Do not edit by hand.
"""


def write(site: Path, path: Path = QUERIES) -> dict[str, int]:
    """Write the query file from ``site``; the number of queries per language."""
    lines = [HEADER.rstrip("\n")]
    sizes = {}
    for lang in LANGS:
        chosen = generate(site, lang)
        lines.append(f"{lang}:")
        for page, items in chosen.items():
            lines.append(f"  {page}:")
            for query, note in items:
                lines.append(f"    - {query}" + (f"  # {note}" if note else ""))
        sizes[lang] = sum(len(items) for items in chosen.values())
    for kind, by_lang in generated_kinds(site).items():
        lines.append(f"{kind}:")
        for lang, chosen in by_lang.items():
            lines.append(f"  {lang}:")
            for page, items in chosen.items():
                lines.append(f"    {page}:")
                lines += [f"      - {query}" for query, _ in items]
            sizes[f"{kind} {lang}"] = sum(len(items) for items in chosen.values())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sizes


def main() -> None:
    """Write or check the query set against a built site."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site")
    parser.add_argument("--write", action="store_true", help="write the query file")
    args = parser.parse_args()
    if args.write:
        for lang, n in write(args.site).items():
            print(f"{lang}: {n} queries")
    queries = load_queries()
    problems = query_problems(args.site, queries) + judge_problems(args.site, queries)
    problems += kind_problems(args.site)
    if problems:
        sys.exit("the query set does not follow its rule:\n  " + "\n  ".join(problems))
    print(f"{QUERIES.relative_to(ROOT)} follows the rule on {args.site}")


if __name__ == "__main__":
    main()
