"""One search index per language: splitting, settings, files, and the worker's folding."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex

from aci_course.core.node import node_executable
from aci_course.search import split as search_split
from aci_course.search.build import built_index, read_index
from aci_course.search.lexicon import write_lunr_scripts
from aci_course.search.split import (
    LANGUAGE_SEARCH,
    SEPARATOR,
    index_dir,
    language_of,
    merge_indexes,
    split_index,
    write_indexes,
)

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES_LUNR = ROOT / "overrides" / "assets" / "javascripts" / "lunr" / "min"

FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}


def doc(location: str, title: str, text: str = "") -> dict[str, Any]:
    return {"location": location, "title": title, "text": text}


MERGED: dict[str, Any] = {
    "config": {
        "lang": ["ru", "en"],
        "separator": r"[\s\-]+",
        "pipeline": ["stopWordFilter"],
        "fields": FIELDS,
    },
    "docs": [
        doc("index.html", "Главная", "<p>Каждый ребёнок важен. Конвенция 1989 года.</p>"),
        doc("index.html#дети", "Дети", "<p>Права детей и семья.</p>"),
        doc("modules/x/01-a.html", "Урок", "<p>Урок о семье.</p>"),
        doc("be/index.html", "Галоўная", "<p>Сям'я і дзеці ўключаны. Канвенцыя 1989 года.</p>"),
        doc("be/modules/x/01-a.html", "Урок", "<p>Урок пра сям’ю, аб’ява.</p>"),
        doc("be/modules/x/01-a.html#ўвод", "Увод", "<p>Уводзіны.</p>"),
        doc("en/index.html", "Home", "<p>Every child's rights. The 1989 Convention.</p>"),
        doc("en/modules/x/01-a.html", "Lesson", "<p>A lesson about families.</p>"),
    ],
}


# --- where entries belong -------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("index.html", ("ru", "index.html")),
        ("modules/x/01-a.html#h", ("ru", "modules/x/01-a.html#h")),
        ("be/index.html", ("be", "index.html")),
        ("be/modules/x/01-a.html#ўвод", ("be", "modules/x/01-a.html#ўвод")),
        ("en/", ("en", "")),
        ("de/index.html", ("ru", "de/index.html")),  # not a course language
        ("ru/index.html", ("ru", "ru/index.html")),  # the default has no prefix
        ("be", ("ru", "be")),  # a page named "be", not the folder
    ],
)
def test_language_of(location: str, expected: tuple[str, str]) -> None:
    assert language_of(location) == expected


def test_split_keeps_each_language_apart_relative_to_its_root() -> None:
    parts = split_index(MERGED)
    assert list(parts) == ["ru", "be", "en"]
    assert [d["location"] for d in parts["ru"]["docs"]] == [
        "index.html",
        "index.html#дети",
        "modules/x/01-a.html",
    ]
    assert [d["location"] for d in parts["be"]["docs"]] == [
        "index.html",
        "modules/x/01-a.html",
        "modules/x/01-a.html#ўвод",
    ]
    assert [d["location"] for d in parts["en"]["docs"]] == ["index.html", "modules/x/01-a.html"]
    # titles and texts are untouched, and nothing is lost or duplicated
    assert parts["be"]["docs"][0]["text"] == MERGED["docs"][3]["text"]
    assert sum(len(p["docs"]) for p in parts.values()) == len(MERGED["docs"])


def test_split_does_not_change_the_merged_index() -> None:
    before = json.dumps(MERGED, ensure_ascii=False)
    split_index(MERGED)
    assert json.dumps(MERGED, ensure_ascii=False) == before


def test_split_gives_every_language_an_index_even_an_empty_one() -> None:
    parts = split_index({"config": MERGED["config"], "docs": MERGED["docs"][:3]})
    assert parts["be"]["docs"] == [] and parts["en"]["docs"] == []
    assert parts["be"]["config"]["lang"] == ["be", "aci-be", "aci"]


def test_split_with_other_languages_and_default() -> None:
    merged = {"config": {}, "docs": [doc("index.html", "en"), doc("ru/index.html", "ru")]}
    parts = split_index(merged, languages=("en", "ru"), default="en")
    assert [d["location"] for d in parts["en"]["docs"]] == ["index.html"]
    assert [d["location"] for d in parts["ru"]["docs"]] == ["index.html"]


# --- settings per language ------------------------------------------------------------


def test_config_per_language() -> None:
    parts = split_index(MERGED)
    ru, be, en = (parts[lang]["config"] for lang in ("ru", "be", "en"))
    assert ru["lang"] == ["ru", "aci-ru", "aci"]
    assert ru["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
    assert be["lang"] == ["be", "aci-be", "aci"]
    assert en["lang"] == ["aci-en", "aci"]
    for config in (ru, be, en):
        assert config["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
        assert config["separator"] == SEPARATOR
        assert config["fields"] == FIELDS  # kept from the merged index


@pytest.mark.parametrize("lang", sorted(LANGUAGE_SEARCH))
def test_aci_comes_last_and_keeps_its_stemmer_slot(lang: str) -> None:
    """lunr.aci works in lunr.multiLanguage's stemmer slot, after its data (see its header)."""
    settings = LANGUAGE_SEARCH[lang]
    assert settings["lang"][-2:] == (f"aci-{lang}", "aci")
    assert "stemmer" in settings["pipeline"]
    assert "en" not in settings["lang"]  # multiLanguage would add Porter before lunr.aci


@pytest.mark.parametrize(
    "lang", sorted({code for s in LANGUAGE_SEARCH.values() for code in s["lang"]})
)
def test_every_lunr_language_has_its_script(lang: str) -> None:
    """Material's worker loads lunr/min/lunr.<lang>.min.js: ours, Material's or generated."""
    if lang.startswith("aci-"):
        return  # written by the build (aci_course.search.lexicon)
    material = _material_javascripts() / "lunr" / "min" / f"lunr.{lang}.min.js"
    ours = OVERRIDES_LUNR / f"lunr.{lang}.min.js"
    assert ours.is_file() or material.is_file()


def _separate(text: str) -> list[str]:
    return [word for word in re.split(SEPARATOR, text) if word]


def test_separator_splits_punctuation_but_not_apostrophes() -> None:
    text = "«Дарога да мэты», сям'я/сям’я (сямʼя); child's end. Версия 1.5 — тест-план"
    assert _separate(text) == [
        "Дарога", "да", "мэты", "сям'я", "сям’я", "сямʼя", "child's",
        "end", "Версия", "1.5", "тест", "план",
    ]  # fmt: skip


def test_separator_survives_materials_highlighter() -> None:
    """Material splits the separator on "|" and drops lookarounds for page highlighting."""
    for part in SEPARATOR.split("|"):
        re.compile(re.sub(r"(\(\?[!=<][^)]+\))", "", part) or "x")


# --- files ----------------------------------------------------------------------------


def test_write_indexes_json_and_js_in_each_language_root(tmp_path: Path) -> None:
    parts = split_index(MERGED)
    written = write_indexes(tmp_path, parts)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "be/search/search_index.js",
        "be/search/search_index.json",
        "en/search/search_index.js",
        "en/search/search_index.json",
        "search/search_index.js",
        "search/search_index.json",
    ]
    for lang in ("ru", "be", "en"):
        folder = index_dir(tmp_path, lang)
        data = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
        assert data == parts[lang]
        script = (folder / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = {")
        assert json.loads(script.removeprefix("var __index = ")) == parts[lang]
    # readable UTF-8, as small as the text allows
    assert "Сям'я" in (tmp_path / "be/search/search_index.json").read_text(encoding="utf-8")


def test_dumps_escapes_line_separators_for_old_script_engines() -> None:
    text = search_split.dumps({"docs": [doc("a.html", "a\u2028b\u2029c")]})
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text)["docs"][0]["title"] == "a\u2028b\u2029c"


def test_merge_indexes_joins_docs_in_turn() -> None:
    merged = merge_indexes(
        [
            {"config": {"lang": ["ru"]}, "docs": [doc("a.html", "a")]},
            {"docs": [doc("be/a.html", "b")]},
        ]
    )
    assert merged["config"] == {"lang": ["ru"]}
    assert [d["location"] for d in merged["docs"]] == ["a.html", "be/a.html"]
    assert merge_indexes([], base_config={"x": 1}) == {"config": {"x": 1}, "docs": []}


# --- the search worker, in Node -------------------------------------------------------


def _material_javascripts() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "assets" / "javascripts"


def worker_search(tmp_path_factory: pytest.TempPathFactory, merged: dict[str, Any]) -> Any:
    """``search(lang, *queries)`` -> {query: [locations]} from Material's worker in Node."""
    node = node_executable()
    if node is None:
        pytest.skip("node is not installed (make deps installs it from PyPI)")
    assets = tmp_path_factory.mktemp("assets") / "javascripts"
    shutil.copytree(_material_javascripts() / "workers", assets / "workers")
    shutil.copytree(_material_javascripts() / "lunr", assets / "lunr")
    for script in OVERRIDES_LUNR.glob("*.js"):  # as custom_dir does
        shutil.copy(script, assets / "lunr" / "min" / script.name)
    root = assets.parent / "site"
    parts = split_index(merged)
    write_indexes(root, parts)
    texts = {lang: [f"{d['title']} {d['text']}" for d in p["docs"]] for lang, p in parts.items()}
    write_lunr_scripts(root, texts, ROOT / "node_modules")
    for script in (root / "assets" / "javascripts" / "lunr" / "min").glob("*.js"):
        shutil.copy(script, assets / "lunr" / "min" / script.name)

    def run(lang: str, *queries: str) -> dict[str, list[str]]:
        result = subprocess.run(
            [node, str(ROOT / "tests" / "js" / "search_worker.cjs"), str(assets),
             str(index_dir(root, lang) / "search_index.json"), *queries],
            capture_output=True, text=True, check=False, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert result.stderr == "", result.stderr  # no lunr warnings either
        groups = json.loads(result.stdout)
        return {q: [item["location"] for group in g for item in group] for q, g in groups.items()}

    return run


@pytest.fixture(scope="module")
def search(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return worker_search(tmp_path_factory, MERGED)


# Pages where the very word a reader types loses to other forms of it, unless the
# exact clause outweighs them: another form in a title (weighed 1000 times a text),
# a longer word the typed one begins, in a title, and a key that is also a word as
# written (Snowball's key of работа is работ, itself a form of работа).
RANKING: dict[str, Any] = {
    "config": MERGED["config"],
    "docs": [
        doc("index.html", "Работа", "<p>Работой, работы, работе.</p>"),
        doc("modules/x/01-a.html", "Урок", "<p>Работ было мало.</p>"),
        doc("en/index.html", "Adapting for adolescents", "<p>Adolescents and adults.</p>"),
        doc("en/modules/x/01-a.html", "Lesson", "<p>An adolescent learns by doing.</p>"),
        doc("en/modules/x/02-b.html", "Healthy relationships", "<p>Friends.</p>"),
        doc("en/modules/x/03-c.html", "Lesson", "<p>Family relations.</p>"),
    ],
}


@pytest.fixture(scope="module")
def ranked_search(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return worker_search(tmp_path_factory, RANKING)


def test_worker_ranks_the_very_word_above_other_forms_in_titles(ranked_search: Any) -> None:
    found = ranked_search("en", "adolescent", "relations", "adolescents")
    assert found["adolescent"][0] == "modules/x/01-a.html"  # not the title "... adolescents"
    assert found["relations"][0] == "modules/x/03-c.html"  # not the title "... relationships"
    assert found["adolescents"][0] == "index.html"  # the very word, in the title too


def test_worker_ranks_the_very_word_above_forms_whose_key_it_spells(ranked_search: Any) -> None:
    found = ranked_search("ru", "работ", "работу")
    assert found["работ"] == ["modules/x/01-a.html", "index.html"]
    assert found["работу"] == ["index.html", "modules/x/01-a.html"]  # forms of it, both


# Words lunr-languages' Russian stop list drops though they name a subject, and English
# forms Porter cuts twice (canvases -> canvas -> canva, consing -> cons -> con).
WORDS: dict[str, Any] = {
    "config": MERGED["config"],
    "docs": [
        doc("index.html", "Главная", "<p>Жизнь человека. Смотрите назад.</p>"),
        doc("modules/x/01-a.html", "Урок", "<p>Что и как.</p>"),
        doc("en/index.html", "Home", "<p>Pros and cons.</p>"),
        doc("en/modules/x/01-a.html", "Lesson", "<p>A canvas.</p>"),
        doc("en/modules/x/02-b.html", "Lesson", "<p>Plans.</p>"),
        doc("en/modules/x/03-c.html", "Lesson", "<p>Planning.</p>"),
    ],
}


@pytest.fixture(scope="module")
def words_search(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return worker_search(tmp_path_factory, WORDS)


def test_worker_russian_indexes_words_only_function_words_are_dropped(words_search: Any) -> None:
    found = words_search("ru", "жизнь", "человек", "назад", "что", "как")
    assert found["жизнь"] == found["человек"] == found["назад"] == ["index.html"]
    assert found["что"] == found["как"] == []  # function words, not indexed


def test_worker_ranks_a_closer_form_first(words_search: Any) -> None:
    # planned, planning and plans share Porter's key plan; planning is closer
    found = words_search("en", "planned")["planned"]
    assert found == ["modules/x/03-c.html", "modules/x/02-b.html"]


def test_worker_english_key_stemmed_again(words_search: Any) -> None:
    found = words_search("en", "consing", "canvases", "canvas")
    assert found["consing"] == ["index.html"]
    assert found["canvases"] == found["canvas"] == ["modules/x/01-a.html"]


def test_worker_belarusian_folds_u_short_and_apostrophes(search: Any) -> None:
    found = search("be", "уключаны", "ўключаны", "сям’я", "сямʼя", "сям'ю", "аб'ява", "увод")
    assert found["уключаны"] == found["ўключаны"] == ["index.html"]
    # written сям'я (home) and сям’ю (lesson): both forms of one word, the exact first
    assert found["сям’я"] == found["сямʼя"] == ["index.html", "modules/x/01-a.html"]
    assert found["сям'ю"] == ["modules/x/01-a.html", "index.html"]
    assert found["аб'ява"] == ["modules/x/01-a.html"]
    assert "modules/x/01-a.html#ўвод" in found["увод"]  # a title with ў


def test_worker_russian_folds_yo_and_stems(search: Any) -> None:
    found = search("ru", "ребенок", "ребёнок", "ребенка", "детей", "семьи", "1989")
    # the very word first; дети is the plural of ребёнок (the form table, pymorphy3)
    assert found["ребенок"] == found["ребёнок"] == ["index.html", "index.html#дети"]
    assert sorted(found["ребенка"]) == ["index.html", "index.html#дети"]
    assert found["детей"] == ["index.html#дети", "index.html"]
    assert {"index.html#дети", "modules/x/01-a.html"} <= set(found["семьи"])  # семья, семье
    assert found["1989"] == ["index.html"]


def test_worker_finds_only_its_own_language(search: Any) -> None:
    for lang in ("ru", "be", "en"):
        assert search(lang, "1989")["1989"] == ["index.html"]
    assert search("ru", "сям'я", "child")["сям'я"] == []
    assert search("be", "ребёнок")["ребёнок"] == []
    assert search("en", "дзеці")["дзеці"] == []
    assert search("en", "child")["child"] == ["index.html"]  # child's


# A Belarusian form of two words (мелі: had, shoals) finds the forms of both; a form of
# one (мелямі, мела) only its own word's, though their stems meet (паказ, паказаць).
HOMONYMS: dict[str, Any] = {
    "config": MERGED["config"],
    "docs": [
        doc("be/index.html", "Галоўная", "<p>Курс.</p>"),
        doc("be/modules/x/01-a.html", "Урок", "<p>Раней яны мелі час.</p>"),
        doc("be/modules/x/02-b.html", "Урок", "<p>Яна мела кнігу. Мы маем час.</p>"),
        doc("be/modules/x/03-c.html", "Урок", "<p>Як паказаць гэта?</p>"),
        doc("be/modules/x/04-d.html", "Урок", "<p>Паказ фільма.</p>"),
    ],
}


@pytest.mark.skipif(not (ROOT / "node_modules" / "belmorph").is_dir(), reason="npm ci first")
def test_worker_finds_a_homonyms_forms_of_its_own_word_only(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    search = worker_search(tmp_path_factory, HOMONYMS)
    found = search("be", "мелямі", "мелі", "мець", "паказу", "пакажу")
    assert found["мелямі"] == ["modules/x/01-a.html"]
    assert found["мелі"] == ["modules/x/01-a.html", "modules/x/02-b.html"]
    assert found["мець"] == ["modules/x/02-b.html", "modules/x/01-a.html"]
    assert found["паказу"] == ["modules/x/04-d.html"]
    assert found["пакажу"] == ["modules/x/03-c.html"]


# --- the hook, in a fixture build -----------------------------------------------------


def test_build_writes_an_index_per_language(make_project: Any) -> None:
    project = make_project()
    # shown in Russian in be/ and en/ (translation missing)
    project.write("docs/ru/only-ru.md", "# Только по-русски\n\nСлово ёлка.\n")
    # the same in ru and be: static-i18n's merged index keeps only the Russian entry
    for lang in ("ru", "be"):
        project.write(f"docs/{lang}/scorm.md", "# SCORM 1.2\n\nSCORM 1.2.\n")
    result = project.build()
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    for lang, prefix in (("ru", ""), ("be", "be/"), ("en", "en/")):
        data = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        script = (site / prefix / "search/search_index.js").read_text(encoding="utf-8")
        assert json.loads(script.removeprefix("var __index = ")) == data
        locations = [d["location"] for d in data["docs"]]
        assert not any(loc.startswith(("be/", "en/")) for loc in locations), locations
        assert data["config"]["lang"] == list(LANGUAGE_SEARCH[lang]["lang"])
        home = next(d for d in data["docs"] if d["location"] == "index.html")
        assert home["title"] == {"ru": "Home ru", "be": "Home be", "en": "Home en"}[lang]
        # every page of the language's site can be found from it
        assert "only-ru.html" in locations
        assert "scorm.html" in locations


# --- phrases, proximity and short pages (issue 24) ---------------------------------------

PHRASES: dict[str, Any] = {
    "config": MERGED["config"],
    "docs": [
        doc("index.html", "Главная", "<p>Курс.</p>"),
        # a short worksheet and the catalogue with one of the words, many times
        doc(
            "en/modules/x/04-worksheet.html", "Worksheet: budget", "<p>Budget, budget, budget.</p>"
        ),
        doc("en/modules/index.html", "Modules", "<p>Budget plan. Budget plan.</p>"),
        doc("en/modules/x/01-a.html", "Money", "<p>Money for a young person.</p>"),
        doc("en/modules/x/01-a.html#plan", "Planning", "<p>Many things. A budget plan helps.</p>"),
        doc("en/modules/x/02-b.html", "Week", "<p>Your budget.</p><p>A plan for the week.</p>"),
        doc("en/modules/x/03-c.html", "Month", "<p>The budget is small. The plan is big.</p>"),
        doc("en/modules/x/05-e.html", "Behavior", "<p>Behavior, colors and a catalog.</p>"),
    ],
}


@pytest.fixture(scope="module")
def phrase_search(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return worker_search(tmp_path_factory, PHRASES)


def pages_of(locations: list[str]) -> list[str]:
    return list(dict.fromkeys(loc.partition("#")[0] for loc in locations))


def test_worker_ranks_all_words_then_one_sentence_then_one_block(phrase_search: Any) -> None:
    found = phrase_search("en", "budget plan", "budget pla", "plans budgets")
    for query in found:
        assert pages_of(found[query]) == [
            "modules/x/01-a.html",  # one sentence (in a section)
            "modules/index.html",  # one sentence too, but generated and short: below
            "modules/x/03-c.html",  # one paragraph, two sentences
            "modules/x/02-b.html",  # one page, two paragraphs
            "modules/x/04-worksheet.html",  # one of the words, many times
        ], query


def test_worker_keeps_the_very_word_first_for_one_word(phrase_search: Any) -> None:
    assert pages_of(phrase_search("en", "budget")["budget"])[0] == "modules/x/04-worksheet.html"


def test_worker_folds_british_and_american_spellings(phrase_search: Any) -> None:
    found = phrase_search("en", "behaviour", "colour", "catalogue", "behavio")
    for query in ("behaviour", "colour", "catalogue", "behavio"):
        assert pages_of(found[query]) == ["modules/x/05-e.html"], query


def test_generated_pages_weigh_less() -> None:
    docs = search_split.with_boosts(
        [
            doc("modules/index.html", "a"),
            doc("modules/x/index.html#o", "b"),
            doc("modules/x/01-a.html", "c"),
        ]
    )
    assert [d.get("boost") for d in docs] == [0.25, 0.25, None]


def test_built_index_is_what_the_search_plugin_writes(tmp_path: Path) -> None:
    """The index taken from the search plugin's memory equals the file it writes."""
    index = SearchIndex(lang=["ru"], separator=SEPARATOR, pipeline=["stemmer"], fields=FIELDS)
    index.entries += [doc("index.html", "Главная", "текст\u2028"), doc("a.html#b", "Б", "")]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(
        index.generate_search_index(None), encoding="utf-8"
    )
    plugin = SimpleNamespace(config=SimpleNamespace(enabled=True), search_index=index)
    config: Any = SimpleNamespace(plugins={"material/search": plugin}, site_dir=str(tmp_path))
    taken = built_index(config)
    assert taken == read_index(str(tmp_path))
    assert taken is not None and taken["docs"] is not index.entries  # static-i18n clears that list
    plugin.search_index = None  # another version of the plugin: its file is read
    assert built_index(config) == read_index(str(tmp_path))
    plugin.config.enabled = False
    assert built_index(config) is None
