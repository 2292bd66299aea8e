"""Translation coverage: which lessons and pages each language has."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.sources import front_matter
from aci_course.course import freshness
from aci_course.course.modules import Module


def is_draft(path: Path) -> bool:
    """True when the file's front matter says ``draft: true`` (a text still to write)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return front_matter(text).get("draft") is True


def stale_cell(module: Module) -> str:
    """The module's translations whose Russian source changed since (``make check`` shows how)."""
    found = freshness.translations([module])
    stale = [f"{item.lang} {item.translation.stem}" for item in found if item.stale]
    unknown = [f"{item.lang} {item.translation.stem}" for item in found if item.recorded is None]
    cell = ", ".join(stale) or "none"
    return cell + (f"; not recorded: {', '.join(unknown)}" if unknown else "")


def rows(modules: Sequence[Module], docs: Path) -> list[list[str]]:
    """One row per module (and one for site pages): name, a cell per language, stale ones."""
    result = []
    for module in modules:
        cells = [module.id]
        total = len(module.lessons)
        for lang in LANGUAGES:
            have = sum(1 for lesson in module.lessons if lang in lesson.sources)
            missing = [lesson.slug for lesson in module.lessons if lang not in lesson.sources]
            cell = f"{have}/{total}" + (f" missing {', '.join(missing)}" if missing else " ok")
            drafts = [
                lesson.slug
                for lesson in module.lessons
                if lang in lesson.sources and is_draft(lesson.sources[lang])
            ]
            cells.append(cell + (f", to write: {', '.join(drafts)}" if drafts else ""))
        cells.append(stale_cell(module))
        result.append(cells)
    names = sorted(p.name for p in (docs / DEFAULT_LANGUAGE).glob("*.md"))
    cells = ["site pages (docs/)"]
    for lang in LANGUAGES:
        present = [n for n in names if (docs / lang / n).is_file()]
        missing = [n.removesuffix(".md") for n in names if n not in present]
        cells.append(
            f"{len(present)}/{len(names)}"
            + (f" missing {', '.join(missing)}" if missing else " ok")
        )
    cells.append("-")  # site pages do not record their source
    result.append(cells)
    return result


def table(modules: Sequence[Module], docs: Path) -> str:
    """The coverage table as aligned plain text (module texts are complete once valid)."""
    header = ["Translation coverage", *LANGUAGES, "stale"]
    body = rows(modules, docs)
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append(
        "Module texts (title, summary, objectives) are complete in every language: "
        "module.yml is validated."
    )
    return "\n".join(line.rstrip() for line in lines)
