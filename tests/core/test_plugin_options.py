"""A wrong plugin option stops MkDocs with the key and the fix (aci_course.core.options)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aci_course.core.project import ProjectConfigError, load_project_config


def _load(tmp_path: Path, plugin: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: X\nplugins:\n  - {plugin}\n", encoding="utf-8"
    )
    load_project_config(tmp_path / "mkdocs.yml")


@pytest.mark.parametrize(
    ("plugin", "message"),
    [
        (
            "aci-editions: {edition: trainer}",
            "Plugin 'aci-editions' option 'edition': 'trainer' is not a choice - "
            "set it to one of: learner, facilitator",
        ),
        (
            "aci-quiz: {language: de}",
            "Plugin 'aci-quiz' option 'language': 'de' is not a choice - "
            "set it to one of: ru, be, en",
        ),
        (
            "aci-quality: {compact_html: 'no'}",
            "Plugin 'aci-quality' option 'compact_html': 'no' is not true or false - "
            "set it to true or false",
        ),
        (
            "aci-quiz: {quizzes_dir: ''}",
            "Plugin 'aci-quiz' option 'quizzes_dir': '' is not a text - "
            "set it to a text such as 'quizzes'",
        ),
    ],
)
def test_wrong_option_names_key_and_fix(tmp_path: Path, plugin: str, message: str) -> None:
    with pytest.raises(ProjectConfigError) as raised:
        _load(tmp_path, plugin)
    assert str(raised.value) == f"mkdocs.yml: Config value 'plugins': {message} - fix the file"


def test_default_options_load(tmp_path: Path) -> None:
    _load(tmp_path, "aci-quiz")
