"""JSON Schemas of the author files, made from their models: ``make schemas``.

``python -m aci_course.schema_export`` writes ``schemas/<kind>.schema.json`` for each
kind in :data:`KINDS` and the ``yaml.schemas`` key of ``.vscode/settings.json`` (which
file patterns each schema is for, as VS Code's YAML extension reads it); ``--check``
only compares and fails when a file differs (the tests run it, so they never drift).

A new kind of author file is one more :class:`FileKind` here (its models live in its
capability's package, see :mod:`aci_course.core.schema`). This module sits at the top
of the package, beside the plugins' callers, because it gathers models from every
capability.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aci_course.core.build_context import course_languages, language_names
from aci_course.core.project import load_project_config
from aci_course.core.schema import AuthorModel
from aci_course.course.facts import FactsFile
from aci_course.course.modules import ModuleFile
from aci_course.export.profile import ProfileFile
from aci_course.quiz.model import QuizFile

# Draft 7 is what the YAML language server (VS Code, and editors using it) fully supports;
# pydantic's output keeps to it apart from "$defs", which it resolves as a plain pointer.
DRAFT = "http://json-schema.org/draft-07/schema#"


@dataclass(frozen=True)
class FileKind:
    """One kind of author file: its model and the files it describes."""

    name: str  # schemas/<name>.schema.json
    model: type[AuthorModel]
    files: tuple[str, ...]  # glob patterns from the project root
    title: str


KINDS: tuple[FileKind, ...] = (
    FileKind("module", ModuleFile, ("modules/*/module.yml",), "module.yml of a training module"),
    FileKind("quiz", QuizFile, ("quizzes/*.yml",), "The quizzes of one module"),
    FileKind("profile", ProfileFile, ("profiles/*.yml",), "A course profile (co-branded subset)"),
    FileKind("facts", FactsFile, ("facts/*.yml",), "The laws, services and numbers of one country"),
)


def _in_languages(body: dict[str, Any], languages: dict[str, str]) -> None:
    """Each value in every course language (``Localized``): one property per language.

    The model cannot list them (they come from ``mkdocs.yml``); it marks itself
    ``x-languages`` and gives the value's schema as ``additionalProperties``.
    """
    for definition in body.get("$defs", {}).values():
        if definition.pop("x-languages", False):
            value = definition["additionalProperties"]
            definition["properties"] = {
                code: {"description": f"{name} ({code}).", **value}
                for code, name in languages.items()
            }
            definition["required"] = list(languages)
            definition["additionalProperties"] = False


def schema(kind: FileKind, languages: dict[str, str]) -> dict[str, Any]:
    """The JSON Schema of ``kind`` for a course in ``languages`` (code: name, default first)."""
    body = kind.model.model_json_schema()
    _in_languages(body, languages)
    body.pop("title", None)
    whole = {"$schema": DRAFT, "$id": f"{kind.name}.schema.json", "title": kind.title, **body}
    # Docstrings become descriptions: editors show them as plain text, without reST marks.
    cleaned: dict[str, Any] = json.loads(json.dumps(whole).replace("``", "`"))
    return cleaned


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def project_languages(root: Path) -> dict[str, str]:
    """The languages of the project in ``root`` (code: name), the default first."""
    config = load_project_config(root / "mkdocs.yml")
    names = language_names(config)
    return {code: names[code] for code in course_languages(config)}


def outputs(root: Path) -> dict[Path, str]:
    """Every file the command writes, with its text, under the project ``root``."""
    languages = project_languages(root)
    files = {root / "schemas" / f"{k.name}.schema.json": _json(schema(k, languages)) for k in KINDS}
    settings_path = root / ".vscode" / "settings.json"
    settings = (
        json.loads(settings_path.read_text(encoding="utf-8")) if settings_path.is_file() else {}
    )
    settings["yaml.schemas"] = {f"./schemas/{k.name}.schema.json": list(k.files) for k in KINDS}
    files[settings_path] = _json(settings)
    return files


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the schemas; 1 when a file is not up to date."""
    parser = argparse.ArgumentParser(prog="python -m aci_course.schema_export")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs(args.root).items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path.relative_to(args.root).as_posix())
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"not up to date: {', '.join(stale)} - run make schemas")
        return 1
    for name in stale:
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
