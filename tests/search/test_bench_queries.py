"""The rule that judges the query set of make bench-search (bench/queries.py)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from aci_course.quality.content_report import INSTALL_HINT
from bench.queries import (
    Judge,
    generate,
    generate_phrases,
    generate_spelling,
    inflectional,
    judge_problems,
    spellings,
    variants,
)

LESSON_A = "modules/work/01-a.html"
LESSON_B = "modules/work/02-b.html"


@pytest.fixture(autouse=True)
def _dictionary_tools() -> None:
    missing = [tool for tool in ("hunspell", "unmunch") if shutil.which(tool) is None]
    if missing or not Path("/usr/share/hunspell/ru_RU.dic").is_file():
        what = ", ".join(missing) or "ru_RU"
        message = f"{what} missing: rule not tested - {INSTALL_HINT} hunspell-tools"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A built site's Russian search index with one entry per page."""
    folder = tmp_path / "search"
    folder.mkdir(parents=True)
    docs = [{"location": page, "title": "", "text": text} for page, text in pages.items()]
    (folder / "search_index.json").write_text(json.dumps({"docs": docs}), encoding="utf-8")
    return tmp_path


def test_a_word_belongs_to_the_lesson_that_uses_it_most(tmp_path: Path) -> None:
    judge = Judge.of(
        site(
            tmp_path,
            {
                LESSON_A: "Работа и работы. Работу ищем. Книга.",
                LESSON_B: "Работа. Книги, книгу.",
                "glossary.html": "Работа, работой, книга, книгой, книге.",
            },
        ),
        "ru",
    )
    assert judge.counts[LESSON_A]["работа"] == 3
    assert judge.owner("работа") == LESSON_A
    assert judge.owner("книга") is None  # the glossary uses it most: not a lesson
    assert judge.owner("ищем") is None  # fewer than three times


def test_a_tie_gives_the_word_to_no_lesson(tmp_path: Path) -> None:
    judge = Judge.of(
        site(tmp_path, {LESSON_A: "Работа, работы, работу.", LESSON_B: "Работа, работе, работ."}),
        "ru",
    )
    assert judge.owner("работа") is None


def test_the_query_is_a_dictionary_form_that_no_page_has(tmp_path: Path) -> None:
    built = site(
        tmp_path,
        {LESSON_A: "Работа и работы. Работу ищем.", LESSON_B: "Работой, работами."},
    )
    not_on_a_page = ["работе", "работ", "работам", "работах", "работою"]
    pick = min(not_on_a_page, key=lambda w: hashlib.sha1(w.encode()).hexdigest())
    assert pick == "работам"
    assert Judge.of(built, "ru").query_for("работа") == pick
    assert generate(built, "ru") == {LESSON_A: [(pick, "")]}


def test_judge_problems_name_the_query_and_the_lesson_its_word_belongs_to(tmp_path: Path) -> None:
    built = site(tmp_path, {LESSON_A: "Работа и работы. Работу ищем.", LESSON_B: "Книга."})
    queries = {"ru": [("работе", LESSON_A), ("работой", LESSON_B), ("работы", LESSON_A)]}
    assert judge_problems(built, queries) == [
        f"ru: 'работой' expects {LESSON_B}; by the rule its word belongs to {LESSON_A}",
        "ru: 'работы' is on a page of the course as it is",
    ]


def test_a_query_typed_on_a_russian_keyboard_is_judged_as_written_in_belarusian() -> None:
    assert spellings("гисторыямі", "ru") == ["гисторыямі"]
    assert spellings("прынцыпау", "be") == ["прынцыпау", "прынцыпау", "прынцыпаў"]
    assert spellings("колбами", "be") == ["колбами", "колбамі", "колбамі"]


def test_english_forms_come_from_inflectional_flags_only() -> None:
    assert inflectional("skill/CSDG") == "skill/SDG"
    assert inflectional("where/M") == "where"
    assert inflectional("the") == "the"


# --- phrases and spelling variants (rules 8-10) -----------------------------------------


def english_site(tmp_path: Path, pages: dict[str, list[tuple[str, str]]]) -> Path:
    """A built site's English index: per page, its entries (title, text)."""
    folder = tmp_path / "en" / "search"
    folder.mkdir(parents=True)
    docs = [
        {"location": page if i == 0 else f"{page}#s{i}", "title": title, "text": text}
        for page, entries in pages.items()
        for i, (title, text) in enumerate(entries)
    ]
    (folder / "search_index.json").write_text(json.dumps({"docs": docs}), encoding="utf-8")
    return tmp_path


def test_spelling_variants_are_words_one_dictionary_has_and_the_other_lacks() -> None:
    assert "color" in variants("colour") and "colors" in variants("colours")
    assert "organize" in variants("organise") and "organisation" in variants("organization")
    assert "center" in variants("centre") and "catalogue" in variants("catalog")
    assert "license" in variants("licence")


def test_a_spelling_variant_expects_the_lesson_that_uses_its_word_most(tmp_path: Path) -> None:
    built = english_site(
        tmp_path,
        {
            LESSON_A: [("Behavior", "<p>Behavior is communication. Behavior changes.</p>")],
            LESSON_B: [("Colour", "<p>A behavior. Colours.</p>")],
            "glossary.html": [("Glossary", "<p>Hour, four, tour.</p>")],
        },
    )
    # behavior: A 3, B 1 -> A; colour and colours: B only, each its own query;
    # hour/four/tour: their variants (hor, for) are not spellings of them
    assert generate_spelling(built) == {
        LESSON_A: [("behaviour", "")],
        LESSON_B: [("color", ""), ("colors", "")],
    }


def test_a_phrase_is_a_heading_only_its_lesson_has_in_dictionary_forms(tmp_path: Path) -> None:
    built = english_site(
        tmp_path,
        {
            LESSON_A: [
                ("Lesson", "<p>Some words.</p>"),
                ("Birth families and contact", "<p>Families keep contact.</p>"),
            ],
            LESSON_B: [("Other", "<p>Families of friends. Contact a school.</p>")],
            "index.html": [("Home", "<p>Families.</p>")],
            # content words are on fewer than half of the pages
            **{f"page{n}.html": [("Page", "<p>Nothing here.</p>")] for n in range(4)},
        },
    )
    phrases = generate_phrases(built, "en")
    # B has families and contact, but not in one sentence; only A's heading has all
    assert phrases[LESSON_A][0][0] in {"birth family", "family contact", "birth family contact"}
    assert phrases[LESSON_B] == [("family friend", "")]  # a sentence: no heading of its own
