"""Trainer notes as golden pairs: ``tests/golden/facilitator_blocks/<case>.md`` rendered in
both editions, beside ``<case>.learner.html`` and ``<case>.facilitator.html``.

The site's Markdown extensions run too (admonition, details, fences, toc), so the
pairs show the notes as pages get them. Regenerate on purpose with
``pytest tests/editions/test_blocks.py --update-golden``.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from aci_course.editions.blocks import EXTENSION
from tests.conftest import check_golden

GOLDEN = Path(__file__).parents[1] / "golden" / "facilitator_blocks"
CASES = sorted(GOLDEN.glob("*.md"))
EDITIONS = yaml.safe_load((GOLDEN / "tests.yml").read_text(encoding="utf-8"))
SITE_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.details", "toc"]


def convert(text: str, keep: bool) -> str:
    return markdown.markdown(
        text,
        extensions=[*SITE_EXTENSIONS, "pymdownx.superfences", EXTENSION],
        extension_configs={EXTENSION: {"keep": keep}},
    )


@pytest.mark.parametrize("edition", sorted(EDITIONS))
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden_pair(case: Path, edition: str, update_golden: bool) -> None:
    actual = convert(case.read_text(encoding="utf-8"), **EDITIONS[edition]) + "\n"
    check_golden(actual, case.with_suffix(f".{edition}.html"), update_golden)


def test_the_learner_edition_holds_no_note_and_the_facilitator_edition_marks_each() -> None:
    text = (GOLDEN / "lesson.md").read_text(encoding="utf-8")
    learner = convert(text, keep=False)
    assert "For trainers" not in learner and "Ask the group" not in learner
    assert "Nested note" not in learner and "data-facilitator" not in learner
    assert "Example in code" in learner  # shown as code
    facilitator = convert(text, keep=True)
    assert facilitator.count("data-facilitator") == 3
