"""What a build reads besides ``docs/`` and ``mkdocs.yml``, so live preview can watch it.

``mkdocs serve`` watches only the docs folder and the config file. The course's
build also reads the modules (lessons, ``module.yml``, media, and the facilitator
edition's ``modules/<id>/facilitator/``), the quiz files, the trainer pages of the
facilitator edition (``facilitator/<lang>/``), the course profiles (``profiles/``,
read by ``make site PROFILE=...``), the theme overrides, the package's templates and
interface texts. The package's Python code (plugins included) is not listed: it
stays imported for the whole session, so a change to it needs a restart.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# Folders of the project (beside mkdocs.yml) that the plugins read. modules/ holds each
# module's facilitator/ folder too; facilitator/ holds the trainer pages that the
# facilitator edition reads (mkdocs-facilitator.yml inherits the plugins, so
# `mkdocs serve -f mkdocs-facilitator.yml` previews it); facts/ holds the country facts;
# profiles/ is read by profile builds.
PROJECT_FOLDERS = ("modules", "quizzes", "facts", "facilitator", "profiles")

# Folders of the package read at build time: Jinja templates and interface texts.
PACKAGE_FOLDERS = ("templates", "data")


def package_folders() -> list[Path]:
    """The package's template and data folders (on disk when installed editable)."""
    base = resources.files("aci_course")
    return [Path(str(base.joinpath(name))) for name in PACKAGE_FOLDERS]


def watched_paths(root: Path, custom_dir: str | None) -> list[Path]:
    """Every existing file or folder the build reads that MkDocs does not watch itself.

    ``root`` holds mkdocs.yml; ``custom_dir`` is the theme's override folder.
    """
    candidates = [root / name for name in PROJECT_FOLDERS]
    if custom_dir:
        candidates.append(Path(custom_dir))
    candidates += package_folders()
    seen: dict[Path, None] = {}
    for path in candidates:
        resolved = path.resolve()
        if resolved.exists():
            seen.setdefault(resolved, None)
    return list(seen)
