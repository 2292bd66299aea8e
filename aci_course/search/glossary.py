"""Glossary terms findable in every language from each language's glossary page.

A reader on the Belarusian glossary may type the Russian or English name of a term
("приёмная семья", "foster care"). The three glossaries (``docs/<lang>/glossary.md``)
are translations of one another: the same sections (``## ``) holding the same terms
(definition-list terms, the line before ``:   ``) in the same order. Each glossary
section's search entry gets the other languages' terms of that section appended, as
a paragraph per language, so search finds the section by any of the three names.
If the glossaries do not line up (a translation in progress), nothing is added.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from aci_course.core.templating import render

GLOSSARY: Final = "glossary.md"
PAGE: Final = "glossary.html"

Sections = list[list[str]]
"""The terms of each ``##`` section of a glossary, in order."""


def glossary_terms(markdown: str) -> Sections:
    """Terms per ``##`` section: each line followed by a ``:   `` definition line."""
    sections: Sections = []
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("## "):
            sections.append([])
        elif (
            sections
            and line.strip()
            and not line.startswith((" ", ":"))
            and i + 1 < len(lines)
            and lines[i + 1].startswith(":   ")
        ):
            sections[-1].append(line.strip())
    return sections


def read_glossaries(docs_dir: Path, languages: Sequence[str]) -> dict[str, Sections]:
    """The terms of ``docs/<lang>/glossary.md`` for every language that has one."""
    found = {}
    for lang in languages:
        path = docs_dir / lang / GLOSSARY
        if path.is_file():
            found[lang] = glossary_terms(path.read_text(encoding="utf-8-sig"))
    return found


def _aligned(glossaries: Mapping[str, Sections]) -> bool:
    shapes = {tuple(len(terms) for terms in sections) for sections in glossaries.values()}
    return len(shapes) == 1


def add_other_languages(
    indexes: Mapping[str, Mapping[str, Any]], glossaries: Mapping[str, Sections]
) -> int:
    """Append the other languages' terms to each glossary section entry, in place.

    ``indexes`` are the per-language indexes (locations relative to the language's
    root). The n-th ``glossary.html#...`` entry is the n-th ``##`` section. Returns
    the number of entries changed (0 when the glossaries do not line up).
    """
    if len(glossaries) < 2 or not _aligned(glossaries):
        return 0
    changed = 0
    for lang, index in indexes.items():
        if lang not in glossaries:
            continue
        entries = [d for d in index.get("docs", []) if d["location"].startswith(PAGE + "#")]
        for n, entry in enumerate(entries[: len(glossaries[lang])]):
            others = [
                (other, sections[n])
                for other, sections in glossaries.items()
                if other != lang and sections[n]
            ]
            if others:
                extra = render("search/glossary_terms.html", others=others).strip()
                entry["text"] = f"{entry.get('text', '')}{extra}"
                changed += 1
    return changed
