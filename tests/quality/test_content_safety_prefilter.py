"""The fast prefilter of the content-safety scan answers exactly what its pattern answers.

``_SUSPECT`` / ``_SUSPECT_MARKDOWN`` are the specification: a page where they find
nothing is not scanned further, so a text the fast path let through while the pattern
flags it would be a hole in the check. The fast path reads case-folded text and walks
"=" signs with ``str`` methods, so these tests also pin the facts about Unicode it
relies on, over every code point.
"""

from __future__ import annotations

import itertools
import random
import re
import string
import sys
import time

import pytest

from aci_course.quality import content_safety as cs
from tests.quality.test_content_safety import HOSTILE, SAFE

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


def positions(pattern: str, text: str, flags: int = 0) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(pattern, text, flags)]


def test_case_folding_keeps_what_the_pattern_sees() -> None:
    folded = cs._fold_case(EVERY_CHARACTER)
    assert len(folded) == len(EVERY_CHARACTER)  # one character for one
    for letter in string.ascii_lowercase:  # e.g. "ſ" is "s", "K" (Kelvin) is "k"
        assert [at for at, _ in positions(letter, EVERY_CHARACTER, re.IGNORECASE)] == [
            at for at, _ in positions(letter, folded)
        ], letter
    other_ascii = r"[\x00-\x40\x5b-\x60\x7b-\x7f]"  # "<", "=", "&", ":", quotes, blanks...
    assert positions(other_ascii, EVERY_CHARACTER) == positions(other_ascii, folded)
    for kind in (r"\w", r"\s"):
        assert [at for at, _ in positions(kind, EVERY_CHARACTER)] == [
            at for at, _ in positions(kind, folded)
        ], kind


def test_str_methods_are_the_patterns_classes() -> None:
    assert [c for c in EVERY_CHARACTER if c.isspace()] == re.findall(r"\s", EVERY_CHARACTER)
    words = [c for c in EVERY_CHARACTER if c.isalnum() or c == "_"]
    assert words == re.findall(r"\w", EVERY_CHARACTER)


# --- adversarial texts -----------------------------------------------------------------

HTML = [
    "<h1>T</h1>\n<div>\n`<script>alert(1)</script>`\n</div>",
    '<p><code>&lt;script&gt;</code> <code>javascript:x()</code></p><a href="https://e.org">x</a>',
    '<script type="application/json">{"a": 1}</script>',
    '<table><tr><th style="text-align:left">A</th></tr></table>',
    '<img alt="a>b" src="x.png">',
    "<a href='x' title='<b>' onclick=x>",
    '<a href="java&#x09;script:x()">x</a>',
    "<a href=javascript&colon;x>",
    "<p>data = 5 and on = off</p> <code>style = 1</code>",
    '<div class="x" data-x="1" id=y>',
    "<svg><use href=//e.org/x#a></use></svg>",
    "<!-- <script> -->",
    "a < b > c = d",
]
NAMES = [
    *sorted(cs._IN_TAG_NAMES),
    *("onclick", "onx", "on", "on_", "on1", "one", "onclıck", "onclİck", "onKeyup", "oné"),
    *("ſrc", "SRC", "ſtyle", "Data", "dataset", "xsrc", "src2", "src-x", "href", "class"),
    *("styles", "srcse", "dynſrc", "ımagesrcset", "İmagesrcset", "sty_le"),
]
BEFORE_NAME = [" ", "\t", "\n", "\r\n", "\f", "\v", "/", '"', "'", "\xa0", "\u2028", "\u3000"]
BEFORE_NAME += ["\x1c", "\x85", "", "x", "-", "=", ">", "<", "`", "\u200b", "é", "_"]
BEFORE_EQUALS = ["", " ", "\t\n", "\u3000", "\x0b", " x", "\u200b", "\xa0 "]
CONTEXTS = ["<a", "<A", '<img alt="a>b"', '<b title="never closed', "<x y='<'", "<p>", "< a"]
CONTEXTS += ["<1", "", "text ", "<ſvg", "<İmg", "<K", '<a b="c"', "<a b='c'\"", "<a\n", "{"]
CONTEXTS += ["<a href=x", '<th colspan="2"', "<a b=\"'\" c='\"'", "<\u0131"]
AFTER = ["x>", '"x">']
OTHER_BRANCHES = re.compile(
    f"<{cs._SUSPECT_ELEMENT}|{cs._SUSPECT_SCRIPT_URL}|{cs._SUSPECT_ENTITY}"
    f"|{cs._SUSPECT_MARKDOWN_ONLY}",
    re.IGNORECASE,
)


def variations(text: str) -> list[str]:
    """``text`` in other cases, letters, blanks, quotes and entities that mean the same."""
    swaps = [
        ("s", "ſ"),
        ("i", "ı"),
        ("i", "İ"),
        ("k", "K"),
        ("=", "\t="),
        ("=", " \n ="),
        ("=", "\u3000="),
        (" ", "\t"),
        (" ", "\xa0"),
        (" ", "/"),
        (" ", '"'),
        (" ", "'"),
        ("<", "< "),
        (":", "&colon;"),
        (":", "\t:"),
        ("s", "&#x53;"),
        ("script", "SCRİPT"),
    ]
    out = [text, text.upper(), text.swapcase(), text.title()]
    out += [text.replace(old, new) for old, new in swaps]
    rng = random.Random(text)
    out.append("".join(c.upper() if rng.random() < 0.5 else c for c in text))
    return out


def adversarial() -> list[str]:
    texts = [markdown for markdown, _, _ in HOSTILE] + SAFE + HTML
    texts = [variant for text in texts for variant in variations(text)]
    grid = itertools.product(CONTEXTS, BEFORE_NAME, NAMES, BEFORE_EQUALS)
    texts += [c + b + n + e + "=" + AFTER[i % 2] for i, (c, b, n, e) in enumerate(grid)]
    pieces = ["<", ">", '"', "'", " ", "\t", "\n", "=", "/", "on", "click", "src", "set", "style"]
    pieces += ["data", "script", ":", "&", "#", "colon", "a", "!", "[", "{", "}", "ſ", "İ", "ı"]
    pieces += ["K", "é", "_", "1", "-", "\xa0", "img", "iframe", "th", "java", "x", "\u3000"]
    rng = random.Random(22)
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(30000)]
    return texts


@pytest.mark.parametrize("markdown", [False, True], ids=["html", "markdown"])
def test_prefilter_flags_exactly_what_the_pattern_flags(markdown: bool) -> None:
    specification = cs._SUSPECT_MARKDOWN if markdown else cs._SUSPECT
    texts = adversarial()
    differ = [
        text
        for text in texts
        if cs._is_suspect(text, markdown=markdown) != bool(specification.search(text))
    ]
    assert differ == []
    # Both answers are common, also where only the in-tag branch decides.
    flagged = [text for text in texts if specification.search(text)]
    assert 0.1 < len(flagged) / len(texts) < 0.9
    in_tag_only = [text for text in flagged if not OTHER_BRANCHES.search(text)]
    assert len(in_tag_only) > 10000


def test_the_scans_use_the_prefilter() -> None:
    # One text of each kind that only the in-tag branch flags: it reaches the full scan.
    assert cs.scan_html('<p title="a" onclick=x>t</p>')[0].needle == "onclick"
    assert cs.scan_markdown("<p title='a' style=\"background:url(//e.org/x)\">t</p>\n")
    assert cs.scan_html("<p>data = 5</p>") == []


@pytest.mark.parametrize(
    "text",
    ["on" * 100_000, "<a " + "on" * 100_000, "=" * 200_000, " =" * 100_000, "script " * 30_000],
    ids=["on-run", "on-run-in-tag", "equals", "blank-equals", "script"],
)
def test_prefilter_takes_linear_time(text: str) -> None:
    # Quadratic time would take minutes here; linear takes milliseconds.
    started = time.process_time()
    assert not cs._is_suspect(text, markdown=True)
    assert time.process_time() - started < 2
