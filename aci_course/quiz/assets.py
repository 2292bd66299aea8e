"""The quiz's front end for a site without the course's theme overrides.

Filled in with examples/quiz-only (see aci-quiz's ``assets`` option).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def add_to_config(config: MkDocsConfig) -> None:
    """Nothing yet."""


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """Nothing yet."""
    return files
