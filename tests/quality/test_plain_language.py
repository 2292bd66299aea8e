"""``make check``'s plain-language limits: long words, sentences, the report's rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from aci_course.quality import plain_language as pl
from aci_course.quality.content_report import build_report, format_report, prose, words
from tests.quality.test_content_report import MODULE_YML, _course, _spell_none


@pytest.mark.parametrize(
    ("word", "lang", "count", "long"),
    [
        ("Расскажите", "ru", 4, False),  # four syllables: common in plain Russian
        ("информацию", "ru", 5, True),
        ("безопасность", "ru", 4, False),
        ("безопасности", "ru", 5, True),
        ("здравоохранение", "ru", 7, True),
        ("інфармацыя", "be", 5, True),
        ("ўсё", "be", 1, False),
        ("давяраеце", "be", 5, True),
        ("safe", "en", 1, False),
        ("people", "en", 2, False),
        ("together", "en", 3, True),
        ("strengths", "en", 1, False),  # nine letters, one syllable
        ("understand", "en", 3, True),
    ],
)
def test_syllables_and_long_words(word: str, lang: str, count: int, long: bool) -> None:
    assert pl.syllables(word, lang) == count
    assert pl.is_long(word, lang) is long


def test_sentences_end_at_stops_and_lines() -> None:
    text = "## Heading\n\nOne two three. Four five!\n\n- six seven\n- eight\n"
    found = pl.measure(prose(pl.without_headings(text)), "en", words)
    assert (found.sentences, found.words) == (4, 8)
    assert found.mean_sentence == 2.0
    assert found.over("en") == []


def test_over_the_limits_says_by_how_much() -> None:
    found = pl.Measure(sentences=2, words=30, long_words=6)
    assert found.over("ru") == ["mean sentence 15.0 words, over 8", "long words 20.0%, over 10%"]
    assert found.over("en") == ["mean sentence 15.0 words, over 9", "long words 20.0%, over 10%"]
    assert pl.Measure(sentences=10, words=80, long_words=8).over("ru") == []


def _life_skills(tmp_path: Path) -> Path:
    root = _course(tmp_path, types=["single", "true_false", "fill", "reflection"])
    for lang in ("ru", "en"):
        (root / "modules" / "demo" / lang / "02-short.md").unlink()
    module = root / "modules" / "demo" / "module.yml"
    module.write_text(
        MODULE_YML.replace("track: inclusive-care", "track: life-skills"), encoding="utf-8"
    )
    return root


def test_life_skills_lessons_need_one_within_the_limits(tmp_path: Path) -> None:
    root = _life_skills(tmp_path)
    lesson = root / "modules" / "demo" / "ru" / "01-long.md"
    long_sentence = " ".join(["безопасности"] * 14)
    lesson.write_text(
        f"# Урок\n\n!!! plain\n    {long_sentence}.\n\n" + "слово " * 520, encoding="utf-8"
    )
    report = build_report(root, _spell_none)
    assert [str(p) for p in report.problems] == [
        "modules/demo/ru/01-long.md:3: plain-language version: mean sentence 14.0 words, "
        "over 8 - split long sentences and use shorter, everyday words",
        "modules/demo/ru/01-long.md:3: plain-language version: long words 100.0%, over 10% "
        "- split long sentences and use shorter, everyday words",
        *(
            f"modules/demo/{lang}/{name}: no plain-language version (required in the "
            'life-skills track) - write one in a "!!! plain" block after the title'
            for name, lang in [
                ("01-long.md", "be"),
                ("01-long.md", "en"),
                ("03-worksheet.md", "ru"),
                ("03-worksheet.md", "be"),
                ("03-worksheet.md", "en"),
            ]
        ),
    ]
    text = format_report(report)
    assert "| ru | 1 | 14.0 | 100.0% | 8 / 10% |" in text
    assert "| demo | 01-long.md | 14, 14.0, 100% | - | - |" in text
    assert "Without a plain-language version: 5" in text
    assert "- demo/be/01-long.md" in text


def test_other_tracks_list_missing_versions_without_failing(tmp_path: Path) -> None:
    root = _course(tmp_path, types=["single", "true_false", "fill", "reflection"])
    for lang in ("ru", "en"):
        (root / "modules" / "demo" / lang / "02-short.md").unlink()
    report = build_report(root, _spell_none)
    assert report.problems == []
    assert "Without a plain-language version: 6" in format_report(report)
