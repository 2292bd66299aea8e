"""The link-marking Markdown extension as golden pairs: ``<case>.md`` beside ``<case>.html``.

``tests/golden/external_links/tests.yml`` holds the extension's options (``default``
for every case, then a case's own). The site's own Markdown extensions run too, so
the pairs show the marking as pages get it. Regenerate on purpose with
``pytest tests/quality/test_external_links_golden.py --update-golden``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from aci_course.quality.external_links import EXTENSION
from tests.conftest import check_golden

GOLDEN = Path(__file__).parents[1] / "golden" / "external_links"
CASES = sorted(GOLDEN.glob("*.md"))
SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"]


def options(case: Path) -> dict[str, Any]:
    table = yaml.safe_load((GOLDEN / "tests.yml").read_text(encoding="utf-8"))
    return {**table.get("default", {}), **table.get(case.stem, {})}


def convert(text: str, **config: Any) -> str:
    return markdown.markdown(
        text,
        extensions=[*SITE_EXTENSIONS, EXTENSION],
        extension_configs={EXTENSION: config},
    )


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden_pair(case: Path, update_golden: bool) -> None:
    actual = convert(case.read_text(encoding="utf-8"), **options(case)) + "\n"
    check_golden(actual, case.with_suffix(".html"), update_golden)


def test_marking_is_done_once_per_link() -> None:
    html = convert('<a href="https://example.org">x</a>\n\n[y](https://example.org)\n')
    assert html.count("aci-external") == 2
    assert html.count("noopener") == 2
