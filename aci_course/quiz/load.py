"""Read ``quizzes/<module-id>.yml`` into :mod:`aci_course.quiz.model`.

Every mistake raises :class:`~aci_course.core.errors.AuthorError` with the file, the
line (kept by :mod:`aci_course.core.yamlsource`, mapped by :mod:`aci_course.core.schema`)
and a fix, so the build stops with ``quizzes/<file>.yml:LINE: what is wrong - how to fix it``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from aci_course.core.disk_cache import DiskCache
from aci_course.core.errors import AuthorError
from aci_course.core.schema import validate
from aci_course.core.stamped import KeptOnDisk, Stamped, file_stamp, folder_stamp
from aci_course.core.yamlsource import load_yaml
from aci_course.quiz.model import Quiz, QuizFile


def parse_quiz_file(data: Any, display: str, module: str, languages: Sequence[str]) -> QuizFile:
    """Validate already-loaded YAML (with line marks) of the quizzes of ``module``.

    ``languages``: the course's (:func:`aci_course.core.build_context.course_languages`),
    the languages every text of the quizzes gives.
    """
    return validate(QuizFile, data, display, languages, module=module)


def load_quiz_file(path: Path, root: Path, languages: Sequence[str]) -> QuizFile:
    """Read and validate ``path`` (inside ``root``, the project folder)."""
    display = path.relative_to(root).as_posix()
    module = path.stem
    if path.suffix != ".yml":
        raise AuthorError(
            display, None, "quiz files end in .yml", f"rename it to quizzes/{module}.yml"
        )
    data = load_yaml(path, display)
    # A course names each quiz file after its module; a site without modules/ (the
    # quiz plugin alone) names them as it likes.
    if (root / "modules").is_dir() and not (root / "modules" / module).is_dir():
        known = (
            sorted(p.name for p in (root / "modules").iterdir() if p.is_dir())
            if (root / "modules").is_dir()
            else []
        )
        raise AuthorError(
            display,
            1,
            f'there is no module "{module}" (no folder modules/{module}/)',
            "name the file after the id of its module"
            + (f": {', '.join(f'{m}.yml' for m in known)}" if known else ""),
        )
    return parse_quiz_file(data, display, module, languages)


_loaded: Stamped[dict[str, Quiz]] = Stamped()


def load_quizzes(
    root: Path, languages: Sequence[str], folder_name: str = "quizzes"
) -> dict[str, Quiz]:
    """Every quiz of ``root/<folder_name>/*.yml`` by full id (``module/quiz``), validated.

    Read again only when a quiz file changed, or the module folders they belong to,
    since the last call (the plugins of every language build ask): the quizzes are
    shared, read-only.
    """
    folder = root / folder_name
    if not folder.is_dir():
        return {}
    modules = root / "modules"
    names = sorted(p.name for p in modules.iterdir()) if modules.is_dir() else []
    stamp = (folder_stamp(folder), tuple(names), tuple(languages))
    return dict(
        _loaded.get(folder.resolve(), stamp, lambda: _read_quizzes(root, folder, languages))
    )


def _read_quizzes(root: Path, folder: Path, languages: Sequence[str]) -> dict[str, Quiz]:
    result: dict[str, Quiz] = {}
    kept: KeptOnDisk[QuizFile] = KeptOnDisk(DiskCache.at(root, "quizzes"), ".pickle")
    modules = root / "modules"
    # What load_quiz_file reads besides the file: the names of the module folders.
    names = (
        tuple(sorted(p.name for p in modules.iterdir() if p.is_dir())) if modules.is_dir() else None
    )
    place = (str(root.resolve()), names, tuple(languages))
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in (".yml", ".yaml"):
            parts = (str(path.resolve()), file_stamp(path), place)
            for quiz in kept.get(parts, partial(load_quiz_file, path, root, languages)).quizzes:
                result[quiz.full_id] = quiz
    kept.forget_unused()
    return result
