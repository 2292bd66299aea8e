"""Search stays in the reader's language, over file:// and HTTP, with Belarusian folding.

The query words come from the built site itself (its per-language search indexes),
so the tests follow the content as it changes.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from aci_course.core.node import node_executable
from aci_course.search.lexicon import decode_forms, encode_forms
from aci_course.search.split import LANGUAGE_SEARCH, SEPARATOR
from tests.browser.conftest import LANG_PREFIX, Browse
from tests.repo_config import ROOT

LANGS = ("ru", "be", "en")
APOSTROPHES = "'’ʼ"
FOLD = str.maketrans({"ё": "е", "ў": "у", "’": "'", "ʼ": "'"})


def fold(word: str) -> str:
    return word.lower().translate(FOLD)


def load_index(site: Path, lang: str) -> dict[str, Any]:
    path = site / LANG_PREFIX[lang] / "search" / "search_index.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def words(index: dict[str, Any]) -> Counter[str]:
    """Words of an index's titles and texts, lowercased, as the search splits them."""
    counts: Counter[str] = Counter()
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc.get('text', '')}")
        counts.update(w.lower().strip("'’ʼ") for w in re.split(SEPARATOR, text) if w)
    del counts[""]
    return counts


def pick(counts: Counter[str], ok: Any) -> str:
    """The most frequent word that satisfies ``ok`` (ties: alphabetical)."""
    found = sorted((w for w in counts if ok(w)), key=lambda w: (-counts[w], w))
    if not found:
        pytest.fail("the built site has no word to search for this test")
    return found[0]


@pytest.fixture(scope="session")
def site_words(built_site: Path) -> dict[str, Counter[str]]:
    return {lang: words(load_index(built_site, lang)) for lang in LANGS}


def html_lang(page: Path) -> str:
    match = re.search(r'<html[^>]*\blang="([^"]+)"', page.read_text(encoding="utf-8"))
    assert match, page
    return match.group(1)


# --- the built index files ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_built_index_per_language_holds_only_its_pages(built_site: Path, lang: str) -> None:
    root = built_site / LANG_PREFIX[lang]
    index = load_index(built_site, lang)
    script = (root / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    assert json.loads(script.removeprefix("var __index = ")) == index
    assert index["config"]["lang"] == list(LANGUAGE_SEARCH[lang]["lang"])
    assert index["docs"], "empty index"
    pages = {doc["location"].partition("#")[0] for doc in index["docs"]}
    assert "index.html" in pages
    for location in pages:
        assert not location.startswith(("be/", "en/")), location
        page = root / location
        assert page.is_file(), f"{lang} index points at a missing page: {location}"
        assert html_lang(page) == lang, f"{lang} index holds a {html_lang(page)} page: {location}"


def test_built_lunr_languages_are_served(built_site: Path) -> None:
    lunr = built_site / "assets" / "javascripts" / "lunr" / "min"
    for settings in LANGUAGE_SEARCH.values():
        for code in settings["lang"]:
            if code != "en":
                assert (lunr / f"lunr.{code}.min.js").is_file(), code
    if any(len(s["lang"]) > 1 for s in LANGUAGE_SEARCH.values()):
        assert (lunr / "lunr.multi.min.js").is_file()


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_built_form_table_reads_the_same_in_python_and_the_browser(
    built_site: Path, lang: str
) -> None:
    # The real tables: lunr.aci's decoder (in Node) and lexicon.decode_forms agree on
    # every form, and lexicon.encode_forms writes what they read back unchanged.
    node = node_executable()
    if node is None:
        pytest.fail("node is not installed (make deps installs it into .venv)")
    result = subprocess.run(
        [node, str(ROOT / "tests/js/lunr_words.cjs"), str(built_site / "assets/javascripts"),
         lang, ",".join(LANGUAGE_SEARCH[lang]["lang"]), "--table"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    browser = json.loads(result.stdout)
    table = decode_forms(browser["encoded"])
    assert len(table.keys) > 1000 and table.taken, "the course's table is missing"
    # Differences listed, not the tables compared whole: pytest's diff of two tables of
    # ten thousand forms takes minutes.
    forms = {form: tuple(keys) for form, keys in browser["forms"].items()}
    differ = sorted(f for f in forms.keys() | table.keys if forms.get(f) != table.keys.get(f))
    assert not differ, [(f, forms.get(f), table.keys.get(f)) for f in differ[:10]]
    assert not frozenset(browser["taken"]) ^ table.taken
    assert encode_forms(table) == browser["encoded"], "encode_forms writes another text"


# --- in the browser -------------------------------------------------------------


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into Material's search and return the result links (absolute)."""
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")  # Material's shortcut: opens search, focuses the box
    box.wait_for(state="visible")
    box.press_sequentially(query, delay=30)
    # Material reads the box on keyup; letters typed outside the US layout come
    # without key events, so one more key makes it take the whole query.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    links: list[str] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # until the list stops changing
        page.wait_for_timeout(300)
        now = page.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)")
        if now and now == links:
            break
        links = now
    return links


def marks(page: Any) -> list[str]:
    """The highlighted words of the results."""
    texts: list[str] = page.eval_on_selector_all(
        ".md-search-result mark", "ms => ms.map(m => m.textContent)"
    )
    return texts


def in_language(href: str, base: str, lang: str) -> bool:
    href = href.partition("?")[0].partition("#")[0]
    if lang != "ru":
        return href.startswith(base + LANG_PREFIX[lang])
    return href.startswith(base) and not href.startswith((base + "be/", base + "en/"))


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_stay_in_the_pages_language(
    browse: Browse, site_words: dict[str, Counter[str]], lang: str
) -> None:
    own = site_words[lang]
    others = [site_words[other] for other in LANGS if other != lang]
    # A word the other languages have too (a year, a name), so a mixed index would show.
    shared = {w for w in own if len(w) >= 4 and any(w in other for other in others)}
    query = pick(own, lambda w: w in shared) if shared else pick(own, lambda w: len(w) >= 6)
    page = browse.goto("index.html", lang)
    links = search(page, query)
    assert links, f"no results for {query!r} on the {lang} home page"
    strays = [href for href in links if not in_language(href, browse.base, lang)]
    assert strays == [], f"{query!r} on a {lang} page led to other languages: {strays}"
    # the first result opens, in the language (and highlighting on it runs cleanly)
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert in_language(page.url, browse.base, lang), page.url
    assert page.locator("html").get_attribute("lang") == lang
    browse.assert_clean()


@pytest.mark.parametrize("letter", ["у", "ў"])
def test_belarusian_u_and_u_short_match(
    browse: Browse, site_words: dict[str, Counter[str]], letter: str
) -> None:
    be = site_words["be"]
    plain = {fold(w) for w in be if "ў" not in w}
    # a word written with ў whose у spelling is nowhere in the text, typed either way
    word = pick(be, lambda w: "ў" in w and len(w) >= 5 and fold(w) not in plain)
    query = word.replace("ў", letter)
    page = browse.goto("index.html", "be")
    links = search(page, query)
    assert links, f"{query!r} found nothing, though the site has {word!r}"
    assert all(in_language(href, browse.base, "be") for href in links), links
    found = [m for m in marks(page) if "ў" in m.lower() and fold(m).startswith(fold(query))]
    assert found, f"{query!r} did not highlight {word!r}: {marks(page)}"
    browse.assert_clean()


def test_belarusian_apostrophes_match_each_other(
    browse: Browse, site_words: dict[str, Counter[str]]
) -> None:
    be = site_words["be"]
    word = pick(be, lambda w: any(a in w.strip(APOSTROPHES) for a in APOSTROPHES) and len(w) >= 4)
    used = {a for w in be for a in APOSTROPHES if a in w}
    # another apostrophe, one the site never uses if there is one
    other = min(APOSTROPHES, key=lambda a: (a in word, a in used))
    query = re.sub(f"[{APOSTROPHES}]", other, word)
    page = browse.goto("index.html", "be")
    links = search(page, query)
    assert links, f"{query!r} found nothing, though the site has {word!r}"
    assert all(in_language(href, browse.base, "be") for href in links), links
    assert any(fold(m).startswith(fold(query)) for m in marks(page)), marks(page)
    browse.assert_clean()


# --- inflection and folding (the query set of make bench-search) -----------------------

LESSON_1 = "modules/inclusive-care-basics/01-rights-of-every-child.html"
LESSON_4 = "modules/mini-projects/01-finding-a-need.html"
LESSON_5 = "modules/children-with-disabilities/01-the-social-model.html"


def test_bench_queries_are_not_on_their_page_as_typed(built_site: Path) -> None:
    """Every query of tests/search/bench_queries.yml is another form than its page has,
    and its lesson is the one the rule of bench/queries.py gives its word."""
    from bench.queries import judge_problems, load_queries, query_problems

    queries = load_queries()
    assert all(len(items) >= 40 for items in queries.values()), {
        lang: len(items) for lang, items in queries.items()
    }
    hint = "the lessons changed: run make bench-queries and review the diff"
    assert query_problems(built_site, queries) == [], hint
    assert judge_problems(built_site, queries) == [], hint


def result_pages(page: Any, query: str) -> list[str]:
    """Type ``query``; the page (first link) of each result, in order, without anchors."""
    search(page, query)
    hrefs: list[str] = page.eval_on_selector_all(
        ".md-search-result__item", "lis => lis.map(li => li.querySelector('a').href)"
    )
    return [href.partition("#")[0].partition("?")[0] for href in hrefs]


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("ru", "сегрегацией", LESSON_1),  # сегрегация on the page
        ("ru", "подъемника", LESSON_5),  # ё left out, and another case: подъёмник
        ("be", "сегрэгацыі", LESSON_1),  # сегрэгацыя
        ("be", "интарэсамі", LESSON_1),  # и for і (Russian keyboard), інтарэсы
        ("be", "кутка", LESSON_4),  # куток, кутку: fleeting vowel
        ("en", "interest", LESSON_1),  # interests
    ],
)
def test_other_forms_find_their_lesson_in_the_top_five(
    built_site: Path, new_browse: Any, lang: str, query: str, expected: str
) -> None:
    from bench.queries import query_problems

    assert query_problems(built_site, {lang: [(query, expected)]}) == []  # not verbatim
    browse = new_browse()
    page = browse.goto("index.html", lang)
    pages = result_pages(page, query)
    want = browse.base + LANG_PREFIX[lang] + expected
    assert want in pages[:5], f"{query!r} did not find {expected} in the top five: {pages[:5]}"
    browse.assert_clean()


def test_search_loads_when_the_reader_first_focuses_the_box(browse: Browse) -> None:
    """A lesson page asks for no index and no worker until the search box has focus."""

    def search_files() -> list[str]:
        return [u for u in browse.requests if re.search(r"search_index|workers/search", u)]

    page = browse.goto(LESSON_1, "be")
    page.wait_for_timeout(1000)
    assert search_files() == [], "search loaded before the reader asked for it"
    assert browse.base + "be/" + LESSON_1 in result_pages(page, "сегрэгацыі")[:5]
    assert any("search_index" in u for u in search_files())
    assert any("workers/search" in u for u in search_files())
    browse.assert_clean()


def stable_results(page: Any) -> list[str]:
    """Each result's page (its first link) once the list has stopped changing."""
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    links: list[str] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        page.wait_for_timeout(300)
        now = page.eval_on_selector_all(
            ".md-search-result__item",
            "lis => lis.map(li => li.querySelector('a').href.split(/[?#]/)[0])",
        )
        if now and now == links:
            break
        links = now
    return links


def test_a_query_typed_before_the_index_is_ready_gets_the_same_list(browse: Browse) -> None:
    """Typed at once on a fresh page (nothing of search loaded yet), without the key-up
    Material reads the box on, the query is run in full once the index is ready."""
    page = browse.goto(LESSON_1, "be")
    assert page.locator("html[data-aci-search]").count() == 0
    assert not [u for u in browse.requests if "search_index" in u]
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")
    box.wait_for(state="visible")
    box.press_sequentially("сегрэгацыі")  # Cyrillic: no key-up events
    page.locator("html[data-aci-search=ready]").wait_for(state="attached", timeout=15_000)
    first = stable_results(page)
    assert browse.base + "be/" + LESSON_1 in first[:5], first
    box.press("Control+a")
    box.press("Backspace")
    box.press("End")  # the empty box, read: the list empties
    page.locator(".md-search-result__item").first.wait_for(state="detached", timeout=15_000)
    box.press_sequentially("сегрэгацыі")
    box.press("End")
    assert stable_results(page) == first
    browse.assert_clean()
