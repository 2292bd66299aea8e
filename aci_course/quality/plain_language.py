"""How plain a plain-language version is: sentence length and long words, per language.

The content report (``make check``) measures every ``!!! plain`` block
(:func:`aci_course.core.sources.plain_blocks`) after the Markdown is taken off
(``content_report.prose``), without its headings (they repeat the lesson's) and
without country facts (``{{ fact "..." }}``: their texts live in ``facts/*.yml``).

- A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space, and at the end
  of a line (a list item or a line of its own is one sentence even without a full stop).
- A word is what ``content_report.words`` finds (letters, joined by ' or -).
- A long word (the "hard words" of readability formulas: Gunning's fog index counts
  English words of three or more syllables; Russian and Belarusian words are longer on
  average, so one more syllable) is, in Russian and Belarusian, a word of five or more
  syllables (vowel letters) or 13 or more letters; in English, a word of three or more
  syllables (groups of vowel letters, a final silent e not counted) or 10 or more letters.

Limits (:data:`LIMITS`), set from the course's own texts (docs-dev/plain-language.md):
a mean sentence of at most 8 words in Russian and Belarusian and 9 in English (the
plain versions of the life-skills track reach 5.9 and 7.7 at most; the full lessons
average 9.1 and 11.0: most of them would fail), and at most 10 %
long words (plain versions reach 7.8 % at most). Four syllables would be no measure in
Russian and Belarusian: everyday imperatives ("Расскажите") have four, and plain
versions had 14-16 % such words against 17-18 % in the full lessons.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from aci_course.core.sources import FENCE

WordFinder = Callable[[str], list[str]]

VOWELS = {"ru": "аеёиоуыэюя", "be": "аеёіоуыэюя", "en": "aeiouy"}


@dataclass(frozen=True)
class Rule:
    """A word is long when it has ``syllables`` or more, or ``letters`` or more."""

    syllables: int
    letters: int


LONG_WORD = {"ru": Rule(5, 13), "be": Rule(5, 13), "en": Rule(3, 10)}


@dataclass(frozen=True)
class Limits:
    """The most a plain version may have: mean words per sentence, share of long words."""

    mean_sentence: float
    long_words: float


LIMITS = {
    "ru": Limits(8.0, 0.10),
    "be": Limits(8.0, 0.10),
    "en": Limits(9.0, 0.10),
}

REQUIRED = ("life-skills",)
"""Tracks whose every lesson needs a plain version in every language (others: listed)."""

HEADING = re.compile(r"^\s*#{1,6}\s")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_EN_GROUP = re.compile(r"[aeiouy]+")


def syllables(word: str, lang: str) -> int:
    """The syllables of ``word``: its vowel letters (groups of them in English)."""
    lower = word.lower()
    if lang != "en":
        return sum(1 for letter in lower if letter in VOWELS[lang])
    count = len(_EN_GROUP.findall(lower))
    if count > 1 and lower.endswith("e") and not lower.endswith(("le", "ee")):
        count -= 1  # a silent e: "safe", "phone"
    return max(count, 1)


def is_long(word: str, lang: str) -> bool:
    """True for a long word of ``lang`` (see the module's docstring)."""
    rule = LONG_WORD[lang]
    letters = sum(1 for letter in word if letter.isalpha())
    return letters >= rule.letters or syllables(word, lang) >= rule.syllables


def without_headings(markdown: str) -> str:
    """``markdown`` without its heading lines (code is never in a plain version)."""
    return "\n".join(
        line for line in markdown.splitlines() if not HEADING.match(line) and not FENCE.match(line)
    )


@dataclass(frozen=True)
class Measure:
    """One plain version: sentences, words and long words."""

    sentences: int
    words: int
    long_words: int

    @property
    def mean_sentence(self) -> float:
        """Mean words per sentence."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        """Long words as a fraction of all words."""
        return self.long_words / self.words if self.words else 0.0

    def over(self, lang: str) -> list[str]:
        """What exceeds the limits of ``lang``, worded for a report (empty: within them)."""
        limits = LIMITS[lang]
        found = []
        if self.mean_sentence > limits.mean_sentence:
            found.append(
                f"mean sentence {self.mean_sentence:.1f} words, over {limits.mean_sentence:g}"
            )
        if self.long_share > limits.long_words:
            found.append(f"long words {self.long_share:.1%}, over {limits.long_words:.0%}")
        return found


def measure(text: str, lang: str, words_of: WordFinder) -> Measure:
    """Measure ``text`` (prose without Markdown, one block per line) in ``lang``."""
    sentences = 0
    count = 0
    long_words = 0
    for line in text.splitlines():
        line = LIST_MARKER.sub("", line).strip()
        for sentence in SENTENCE_END.split(line):
            found = words_of(sentence)
            if not found:
                continue
            sentences += 1
            count += len(found)
            long_words += sum(1 for word in found if is_long(word, lang))
    return Measure(sentences, count, long_words)
