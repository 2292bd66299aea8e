"""The quiz of examples/quiz-only works in the browser (plain Material, only aci-quiz)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.quiz.test_quiz_only_example import build_example


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("quiz-only") / "site"
    result = build_example(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("right", [True, False])
def test_quiz_only_example_is_checked_offline(
    example_site: Path, new_browse: Any, right: bool
) -> None:
    browse = new_browse(base=example_site.as_uri() + "/")
    page = browse.goto("index.html", lang="ru")  # (the example has one language, at its root)
    form = page.locator('form[data-quiz="rights/check-1"]')
    q1 = form.locator('[data-question="q1"]')
    q1.locator(f'input[type=radio][value="{0 if right else 1}"]').check()
    form.locator(
        f'[data-question="q2"] input[type=radio][value="{"true" if right else "false"}"]'
    ).check()
    form.locator("button[type=submit]").click()
    state = "passed" if right else "failed"
    page.wait_for_selector(f'form[data-quiz="rights/check-1"][data-quiz-state="{state}"]')
    assert (form.locator("[data-quiz-score]").text_content() or "").strip()
    browse.assert_clean()
