"""Search words: folding (one table for Python and the browser), stemmers, form table.

The browser side runs ``lunr.aci.min.js`` in Node with the scripts Material's worker
would load (``tests/js/lunr_words.cjs``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from aci_course.core.disk_cache import DiskCache
from aci_course.core.node import node_executable
from aci_course.search.fold import fold, folds
from aci_course.search.lexicon import (
    FORMS_SUFFIX,
    STOP_WORDS,
    Belmorph,
    Forms,
    decode_forms,
    encode_forms,
    forms_table,
    language_data,
    russian_lexemes,
    stem_belarusian,
    stem_russian,
    vocabulary,
    write_lunr_scripts,
)
from aci_course.search.split import LANGUAGE_SEARCH

ROOT = Path(__file__).resolve().parents[2]
CASES: list[list[str]] = json.loads(
    (Path(__file__).with_name("fold_cases.json")).read_text(encoding="utf-8")
)["cases"]
NODE_MODULES = ROOT / "node_modules"

# Vocabulary of the generated Belarusian and Russian form tables in these tests.
BE_TEXT = "Дзіця і сям'я. Установа, дапамога, інклюзія. Яны мелі паказ, каб паказаць."
RU_TEXT = "Договор. Посмотрите вокруг. Договорить бы. Пересматривают."


def _material_javascripts() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "assets" / "javascripts"


@pytest.fixture(scope="module")
def words(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """``words(lang, [w, ...])`` -> {w: {fold, stem, key}} from lunr.aci in Node."""
    node = node_executable()
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs)")
    assets = tmp_path_factory.mktemp("assets") / "javascripts"
    shutil.copytree(_material_javascripts() / "workers", assets / "workers")
    shutil.copytree(_material_javascripts() / "lunr", assets / "lunr")
    lunr_min = assets / "lunr" / "min"
    for script in (ROOT / "overrides/assets/javascripts/lunr/min").glob("*.js"):
        shutil.copy(script, lunr_min / script.name)
    site = assets.parent / "site"
    texts = {"ru": [RU_TEXT], "be": [BE_TEXT], "en": [""]}
    for path in write_lunr_scripts(site, texts, NODE_MODULES).values():
        shutil.copy(path, lunr_min / path.name)

    def run(lang: str, items: list[str]) -> dict[str, dict[str, str]]:
        result = subprocess.run(
            [node, str(ROOT / "tests/js/lunr_words.cjs"), str(assets), lang,
             ",".join(LANGUAGE_SEARCH[lang]["lang"])],
            input=json.dumps(items), capture_output=True, text=True, check=False, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        data: dict[str, dict[str, str]] = json.loads(result.stdout)
        return data

    return run


# --- folding: one table, both sides -----------------------------------------------------


@pytest.mark.parametrize(("lang", "word", "folded"), CASES)
def test_python_fold(lang: str, word: str, folded: str) -> None:
    assert fold(word, lang) == folded


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
def test_browser_fold_matches_the_same_table(words: Any, lang: str) -> None:
    cases = [(w, f) for case_lang, w, f in CASES if case_lang == lang]
    got = words(lang, [w for w, _ in cases])
    assert {w: got[w]["fold"] for w, _ in cases} == dict(cases)


def test_belarusian_only_folds_stay_out_of_russian() -> None:
    assert folds("be")["і"] == "и"
    assert "і" not in folds("ru") and "і" not in folds("en")
    assert set(folds("ru")) < set(folds("be"))


# --- stemmers, exact ------------------------------------------------------------------


def test_russian_snowball_with_fleeting_vowels(words: Any) -> None:
    got = words("ru", ["ребёнок", "ребёнка", "ребенку", "конец", "конца", "семья", "семьями",
                       "семей", "детей", "дети", "урок", "уроками"])  # fmt: skip
    stems = {w: v["key"] for w, v in got.items()}
    assert stems == {
        "ребёнок": "ребенк", "ребёнка": "ребенк", "ребенку": "ребенк",
        "конец": "конц", "конца": "конц",
        "семья": "сем", "семьями": "сем", "семей": "сем",
        "детей": "дет", "дети": "дет",
        "урок": "урок", "уроками": "урок",
    }  # fmt: skip


def test_english_porter(words: Any) -> None:
    got = words("en", ["families", "family", "Running", "runs", "protected", "child's"])
    assert {w: v["key"] for w, v in got.items()} == {
        "families": "famili", "family": "famili", "Running": "run", "runs": "run",
        "protected": "protect", "child's": "child",
    }  # fmt: skip


BELARUSIAN_STEMS = {
    "сям'ями": "сям'",
    "сям'ей": "сям'",
    "установай": "установ",
    "установах": "установ",
    "инклюзия": "инклюз",
    "инклюзиями": "инклюз",
    "дапамагаць": "дапамаг",
    "дзеци": "дзец",
    "год": "год",
}


@pytest.mark.parametrize(("word", "stem"), BELARUSIAN_STEMS.items())
def test_belarusian_suffix_stemmer(word: str, stem: str) -> None:
    assert stem_belarusian(word) == stem


def test_belarusian_stemmer_is_the_same_in_the_browser(words: Any) -> None:
    got = words("be", list(BELARUSIAN_STEMS))
    assert {w: v["stem"] for w, v in got.items()} == BELARUSIAN_STEMS


# --- the Belarusian form table (belmorph) ----------------------------------------------


def test_vocabulary_keeps_letters_and_joins_apostrophes() -> None:
    counts = vocabulary(["<p>Сям’я і <b>сям'я</b>, ўмовы 1989</p>"], "be")
    assert counts == {"сям'я": 2, "і": 1, "ўмовы": 1}


def test_forms_table_keys_every_form_of_a_word_by_its_lemma() -> None:
    lexemes = [[["дзіця", "дзіцяці", "дзецьмі"], ["дзіцё", "дзіцяці", "дзецьмі"]]]
    table = forms_table(["дзіця"], lexemes, "be")
    # дзіця -> дзиц by the stemmer: only forms the stemmer keys otherwise are listed
    assert table.keys == {"дзецьми": ("дзиц",), "дзице": ("дзиц",), "дзицяци": ("дзиц",)}
    assert table.taken == frozenset()
    assert decode_forms(encode_forms(table)) == table
    # the key, then each form as the letters it drops from the word before and adds
    assert encode_forms(table) == "|0дзиц2ецьми5ице1яци|"


def test_form_table_codes_each_word_after_the_word_before() -> None:
    long = "а" * 40
    table = Forms(
        {
            "мел": ("мел",),  # the key itself, and a form shorter than its key
            "ме": ("мел",),
            "мели": ("маю", "мел"),  # in both groups
            "мела": ("маю",),
            long: ("маю",),  # dropping 35 letters or more: written afresh
        },
        frozenset({"мел", "мелк"}),
    )
    encoded = encode_forms(table)
    assert encoded == f"|0маю3{long}Zмела1и;2ел10л0и|0мел0к"
    assert decode_forms(encoded) == table
    assert encode_forms(Forms({})) == "" and decode_forms("") == Forms({})


def test_forms_written_alike_in_several_groups_are_one_paradigm() -> None:
    # the same endings after keys that end alike: written once, numbered in base 36
    keys = [f"к{x}{y}а" for x in "бвгдежз" for y in "бвгдеж"][:40]
    table = Forms({key[:-1] + ending: (key,) for key in keys for ending in ("ами", "ах", "ою")})
    encoded = encode_forms(table)
    paradigms, groups, taken = encoded.split("|")
    assert paradigms == "0ми2х2ою" and taken == ""
    assert groups.split(";")[:2] == ["0кбба#0", "2ва#0"]
    assert decode_forms(encoded) == table
    # written out where a paradigm would not be shorter
    two = Forms({key[:-1] + ending: (key,) for key in keys[:2] for ending in ("ами", "ах")})
    assert encode_forms(two) == "|0кбба0ми2х;2ва0ми2х|"


@pytest.mark.parametrize("word", ["мел2", "мелB", "ме;л", "ме|л", "ме#л"])
def test_form_table_refuses_a_word_it_could_not_read_back(word: str) -> None:
    with pytest.raises(ValueError, match="the form table cannot hold"):
        encode_forms(Forms({word: ("мел",)}))


MEL = ["мель", "мелі", "меллю", "мелей", "меляў", "мелям", "мелямі", "мелях"]  # shoal
MEC = ["мець", "маю", "маеш", "мае", "маем", "маеце", "маюць", "меў", "мела", "мелі",
       "май", "майце", "маючы"]  # fmt: skip  # to have
PAKAZ = ["паказ", "паказу", "паказам", "паказе", "паказы", "паказаў", "паказамі", "паказах"]
PAKAZAC = ["паказаць", "пакажу", "пакажаш", "пакажа", "пакажам", "пакажаце", "пакажуць",
           "паказаў", "паказала", "паказалі", "пакажы", "пакажыце", "паказаўшы"]  # fmt: skip


def test_a_form_of_two_lexemes_has_the_key_of_each_and_the_others_their_own() -> None:
    # belmorph: мелі is a form of мель and of мець; мелямі of мель only, мела of мець only
    table = forms_table(["мелі", "мелямі"], [[MEL, MEC], [MEL]], "be")
    mel, mec = "мел", "маю"  # the stem most forms of each lexeme have
    assert table.keys["мели"] == tuple(sorted((mel, mec)))
    assert "мелями" not in table.keys  # its stem is its one key
    assert table.keys["мела"] == (mec,)  # its stem is мель's key, its lexeme мець
    assert table.taken == {mel}  # so the stem мел of мела is not indexed
    assert decode_forms(encode_forms(table)) == table


def test_a_word_shares_no_key_with_another_word_it_is_not_a_form_of() -> None:
    # паказаў is a form of паказ and of паказаць: all the forms of both no longer
    # share one key, and паказаць (stem паказ) is not indexed under паказ's key
    table = forms_table(["паказаў", "паказаць"], [[PAKAZ, PAKAZAC], [PAKAZAC]], "be")
    assert "паказ" not in table.keys["паказаць"]
    assert "паказ" in table.keys["паказау"] and len(table.keys["паказау"]) == 2
    assert "паказ" in table.taken
    assert decode_forms(encode_forms(Forms({}, frozenset()))) == Forms({}, frozenset())


@pytest.mark.skipif(not (NODE_MODULES / "belmorph").is_dir(), reason="npm ci first")
def test_belarusian_forms_from_belmorph_join_in_the_browser(words: Any) -> None:
    data = language_data("be", [BE_TEXT], NODE_MODULES)
    assert data["forms"], "belmorph gave no forms"
    got = words("be", ["дзіця", "дзецьмі", "дзяцей", "сям'я", "сем'ямі", "сямей", "дапамозе",
                       "дапамога", "установе", "установай"])  # fmt: skip
    key = {w: v["key"] for w, v in got.items()}
    assert key["дзіця"] == key["дзецьмі"] == key["дзяцей"]
    assert key["сям'я"] == key["сем'ямі"] == key["сямей"]
    assert key["дапамога"] == key["дапамозе"]
    assert key["установа" if "установа" in key else "установе"] == key["установай"]


@pytest.mark.skipif(not (NODE_MODULES / "belmorph").is_dir(), reason="npm ci first")
def test_belarusian_homonyms_keep_their_own_keys_in_the_browser(words: Any) -> None:
    got = words("be", ["мелі", "мелямі", "мела", "маю", "паказу", "паказаць", "пакажу"])
    keys = {w: set(v["keys"]) for w, v in got.items()}
    # мелі (had; shoals) has both keys; мелямі (shoals) only мель's, мела (had) мець's
    assert len(keys["мелі"]) == 2 and keys["мелямі"] | keys["мела"] == keys["мелі"]
    assert keys["мелямі"].isdisjoint(keys["мела"])
    assert keys["мела"] == keys["маю"]
    assert keys["паказу"].isdisjoint(keys["паказаць"])  # a show; to show
    assert keys["паказаць"] == keys["пакажу"]
    assert got["мела"]["stem"] in keys["мелямі"]  # so the browser must not index it


@pytest.mark.skipif(not (NODE_MODULES / "belmorph").is_dir(), reason="npm ci first")
def test_belmorph_started_early_answers_once_and_a_build_that_fails_stops_it() -> None:
    belmorph = Belmorph.start(NODE_MODULES)
    assert belmorph is not None
    lexemes = belmorph.lexemes(["сям'я"])
    assert lexemes is not None and any("сем'ямі" in lexeme for lexeme in lexemes[0])
    belmorph.close()  # already done: nothing to stop
    unused = Belmorph.start(NODE_MODULES)  # a build that stops before its search index
    assert unused is not None
    unused.close()
    assert unused._process.returncode is not None  # killed and reaped


def test_without_belmorph_belarusian_falls_back_to_the_stemmer(tmp_path: Path) -> None:
    data = language_data("be", [BE_TEXT], tmp_path)  # no node_modules here
    assert data["forms"] == ""
    assert data["endings"] and data["fleeting"]
    assert data["fold"]["і"] == "и"
    assert language_data("ru", [""], tmp_path)["endings"] == []  # Snowball in the browser


class _NoBelmorph(Belmorph):
    """A dictionary that must not be asked."""

    def __init__(self) -> None:
        pass

    def lexemes(self, words: Any) -> list[list[list[str]]] | None:
        raise AssertionError("the form table should have come from the cache")


@pytest.mark.skipif(not (NODE_MODULES / "belmorph").is_dir(), reason="npm ci first")
def test_the_form_table_is_kept_for_the_same_texts(tmp_path: Path) -> None:
    cache = DiskCache.at(tmp_path, "search")
    made = language_data("be", [BE_TEXT], NODE_MODULES, cache=cache)
    assert made["forms"] and len(cache.entries(FORMS_SUFFIX)) == 1
    kept = language_data("be", [BE_TEXT], NODE_MODULES, _NoBelmorph(), cache)
    assert kept == made
    other = language_data("be", [BE_TEXT + " Школа."], NODE_MODULES, cache=cache)
    assert other["forms"] != made["forms"]
    assert len(cache.entries(FORMS_SUFFIX)) == 1  # only the last table is kept


def test_each_language_keeps_its_own_form_table(tmp_path: Path) -> None:
    cache = DiskCache.at(tmp_path, "search")
    russian = language_data("ru", ["Посмотрите на детей."], NODE_MODULES, cache=cache)
    assert russian["forms"] and len(cache.entries(FORMS_SUFFIX)) == 1
    again = language_data("ru", ["Посмотрите на детей."], NODE_MODULES, cache=cache)
    assert again == russian


# --- the Russian form table (pymorphy3) and stop words ----------------------------------


RUSSIAN_WORDS = ["ребёнок", "дети", "посмотрите", "пересматривая", "договорим", "занятость",
                 "занятия", "конца", "семьями", "уроками", "ситуаций"]  # fmt: skip


def test_russian_stemmer_is_the_same_in_the_browser(words: Any) -> None:
    got = words("ru", RUSSIAN_WORDS)
    assert {w: v["stem"] for w, v in got.items()} == {
        w: stem_russian(fold(w, "ru")) for w in RUSSIAN_WORDS
    }


def test_russian_forms_from_pymorphy3_join_in_the_browser(words: Any) -> None:
    got = words("ru", ["посмотреть", "посмотрите", "посмотрим", "пересматривая", "пересматривают",
                       "договорим", "договорить", "договора", "договор"])  # fmt: skip
    key = {w: v["key"] for w, v in got.items()}
    # Snowball alone: посмотрет / посмотр, пересматрив / пересматрива
    assert key["посмотреть"] == key["посмотрите"] == key["посмотрим"]
    assert key["пересматривая"] == key["пересматривают"]
    # one Snowball stem (договор), two words: the later one keyed by its lemma
    assert key["договор"] == key["договора"] == "договор"
    assert key["договорим"] == key["договорить"] == "договорить"


def test_forms_table_separates_words_that_share_a_stem() -> None:
    lexemes = [[["договор", "договора", "договору"]], [["договорить", "договорим", "договорят"]]]
    joined = forms_table(["договор", "договорить"], lexemes, "ru")
    assert joined == Forms({})  # Snowball keys all six "договор"
    table = forms_table(["договор", "договорить"], lexemes, "ru", separate=True)
    forms = ["договорить", "договорим", "договорят"]
    assert table.keys == dict.fromkeys(forms, ("договорить",))
    assert table.taken == {"договор"}  # not indexed under the stem they share with договор
    # a word sharing a lexeme with the first keeps the first one's key
    again = forms_table(["договор", "договора"], [lexemes[0], lexemes[0]], "ru", separate=True)
    assert again == Forms({})
    # a lexeme sharing forms with the one whose key it has is that word (a name, Августа)
    names = [["август", "августа", "августу"], ["августа", "августы", "августе"]]
    assert forms_table(["августа"], [names], "ru", separate=True) == Forms({})


def test_russian_lexemes_keep_one_kind_of_word() -> None:
    lexemes = russian_lexemes(["посмотрите", "qwzx"])
    assert lexemes is not None
    forms = {form for lexeme in lexemes[0] for form in lexeme}
    assert {"посмотреть", "посмотрите", "посмотрев"} <= forms  # verb, imperative, gerund
    assert "посмотревший" not in forms  # participles are declined like adjectives
    assert lexemes[1] == []  # not in the dictionary


def test_russian_stop_words_are_function_words_only() -> None:
    stops = STOP_WORDS["ru"]
    assert {"и", "в", "на", "что", "это", "который", "быть", "себя"} <= stops
    assert not {"жизнь", "человек", "время", "люди", "назад", "год", "день"} & stops
    assert all(word == fold(word, "ru") for word in stops)
    assert language_data("ru", [""], Path("."))["stopWords"] == sorted(stops)
    assert language_data("en", [""], Path("."))["stopWords"] is None  # lunr's own list
