"""A new module's scaffold: ``make module ID=<id>`` (``aci-course new-module <id>``).

It writes ``modules/<id>/`` (``module.yml``, two lessons in every course
language, the second embedding the quiz, ``facilitator/<lang>/session-plan.md``)
and ``quizzes/<id>.yml``, all with guiding placeholder text in real words, so
the site builds strictly at once and the spelling test passes. Every lesson and
session plan starts as ``draft: true`` in its front matter; the coverage table of
each build lists the drafts still to write, and an author deletes the line when
a text is done.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from aci_course import LANGUAGES
from aci_course.core.schema import SLUG
from aci_course.core.templating import render
from aci_course.course.modules import TRACKS
from aci_course.export.project import ExportError

MAX_ID = 60  # ids appear in every address of the module and in SCORM file names
LESSONS = ("01-introduction.md", "02-check.md")


def check_id(root: Path, module_id: str) -> None:
    """An ExportError when ``module_id`` is not a slug or is already used."""
    if not SLUG.match(module_id) or len(module_id) > MAX_ID:
        raise ExportError(
            f'"{module_id}" is not a module id - use lowercase ASCII letters, digits and '
            f"single hyphens, at most {MAX_ID} characters, e.g. family-contact"
        )
    for taken in (root / "modules" / module_id, root / "quizzes" / f"{module_id}.yml"):
        if taken.exists():
            raise ExportError(
                f"{taken.relative_to(root).as_posix()} already exists - choose another id, "
                "or edit that module"
            )


def next_order(root: Path, track: str) -> int:
    """One more than the highest ``order`` among the track's modules (1 for an empty track)."""
    orders = [0]
    for path in sorted((root / "modules").glob("*/module.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # the build reports a broken module.yml; here it only costs a number
        if isinstance(data, dict) and data.get("track") == track:
            order = data.get("order")
            if isinstance(order, int) and not isinstance(order, bool):
                orders.append(order)
    return max(orders) + 1


def files(module_id: str, track: str, order: int) -> dict[str, str]:
    """Scaffold files by path relative to the project root."""
    values = {"id": module_id, "track": track, "order": order}
    result = {
        f"modules/{module_id}/module.yml": render("export/scaffold/module.yml", **values),
        f"quizzes/{module_id}.yml": render("export/scaffold/quiz.yml", **values),
    }
    for lang in LANGUAGES:
        for name in LESSONS:
            result[f"modules/{module_id}/{lang}/{name}"] = render(
                f"export/scaffold/{lang}/{name}", **values
            )
        result[f"modules/{module_id}/facilitator/{lang}/session-plan.md"] = render(
            f"export/scaffold/{lang}/session-plan.md", **values
        )
    return result


def new_module(root: Path, module_id: str, track: str = TRACKS[0]) -> list[str]:
    """Create the scaffold of ``module_id`` in ``root``; the written paths, sorted.

    The module folder is written under a hidden name first (``load_modules`` skips
    it) and renamed at the end, so a failure never leaves half a module.
    """
    check_id(root, module_id)
    if track not in TRACKS:
        raise ExportError(f'unknown track "{track}" - use one of: {", ".join(TRACKS)}')
    written = files(module_id, track, next_order(root, track))
    partial = root / "modules" / f".{module_id}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    prefix = f"modules/{module_id}/"
    for rel, text in written.items():
        if rel.startswith(prefix):
            target = partial / rel[len(prefix) :]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    quiz = root / f"quizzes/{module_id}.yml"
    quiz.parent.mkdir(parents=True, exist_ok=True)
    quiz.write_text(written[f"quizzes/{module_id}.yml"], encoding="utf-8")
    partial.rename(root / "modules" / module_id)
    return sorted(written)
