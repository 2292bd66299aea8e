"""Training modules: ``modules/<id>/module.yml`` and its lessons, validated.

Russian is the source language: every lesson exists in ``ru/``; ``be/`` and
``en/`` hold translations with the same file names, any of which may be
missing (the site then shows the Russian lesson with a notice).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.yamlsource import MarkedDict, MarkedList, load_yaml, read_text

# libyaml's safe loader where it is installed: lesson front matter is read for every lesson.
_FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TRACKS = ("inclusive-care", "life-skills", "trainers")
AUDIENCES = (
    "teachers",
    "foster-parents",
    "institution-staff",
    "vocational-staff",
    "adolescents",
    "trainers",
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LESSON_NAME = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*\r?\n", re.DOTALL)
HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class Lesson:
    """One lesson: its file name and the file of each language that has it."""

    name: str  # "01-rights.md"
    sources: dict[str, Path]  # language -> absolute path; always has the default
    titles: dict[str, str]  # language -> title, for the languages in ``sources``

    @property
    def slug(self) -> str:
        """File name without ``.md`` (the page address stem)."""
        return self.name[:-3]

    def source(self, lang: str) -> tuple[str, Path]:
        """``(language actually shown, file)`` for a reader of ``lang``."""
        if lang in self.sources:
            return lang, self.sources[lang]
        return DEFAULT_LANGUAGE, self.sources[DEFAULT_LANGUAGE]

    def title(self, lang: str) -> str:
        """Title in ``lang``, else the Russian one."""
        return self.titles.get(lang) or self.titles[DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class Module:
    """A validated ``module.yml`` with its lessons."""

    id: str
    track: str
    order: int
    version: str
    audience: tuple[str, ...]
    duration_minutes: int
    licence: str
    authors: tuple[str, ...]
    title: dict[str, str]
    summary: dict[str, str]
    objectives: dict[str, tuple[str, ...]]
    prerequisites: tuple[str, ...]
    folder: Path
    lessons: tuple[Lesson, ...]
    lines: dict[str, int]  # "module.yml" line of each key, and "prerequisites.<i>"

    def media(self) -> list[Path]:
        """Every file under ``media/`` (language overrides in ``media/<lang>/``)."""
        root = self.folder / "media"
        return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


# --- module.yml schema -------------------------------------------------------------

_Check = Callable[[Any], str | None]  # returns the problem, or None when fine


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be non-empty text"


def _whole(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    return None if ok else "must be a whole number above 0"


def _text_list(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return None
    return "must be a list of texts"


@dataclass(frozen=True)
class _Field:
    check: _Check
    example: str
    per_language: bool = False


FIELDS: dict[str, _Field] = {
    "id": _Field(_text, "id: inclusive-school"),
    "track": _Field(_text, "track: inclusive-care"),
    "order": _Field(_whole, "order: 1"),
    "version": _Field(_text, 'version: "1.0.0"'),
    "audience": _Field(_text_list, "audience: [teachers, foster-parents]"),
    "duration_minutes": _Field(_whole, "duration_minutes: 90"),
    "licence": _Field(_text, "licence: CC-BY-SA-4.0"),
    "authors": _Field(_text_list, 'authors: ["Name"]'),
    "title": _Field(_text, 'title: {ru: "...", be: "...", en: "..."}', per_language=True),
    "summary": _Field(_text, 'summary: {ru: "...", be: "...", en: "..."}', per_language=True),
    "objectives": _Field(
        _text_list, 'objectives: {ru: ["..."], be: ["..."], en: ["..."]}', per_language=True
    ),
    "prerequisites": _Field(
        lambda v: (
            None
            if isinstance(v, list) and all(isinstance(i, str) for i in v)
            else "must be a list of module ids"
        ),
        "prerequisites: [other-module]",
    ),
}


def _validate_fields(data: Any, display: str) -> MarkedDict:
    """Keys, types and languages of one ``module.yml``."""
    if not isinstance(data, MarkedDict):
        raise AuthorError(
            display,
            getattr(data, "line", 1),
            "must be a mapping of keys",
            "start from the module.yml example in DESIGN.md",
        )
    for key in data:
        if key not in FIELDS:
            raise AuthorError(
                display,
                data.line_of(key),
                f'unknown key "{key}"',
                f"remove it or use one of: {', '.join(FIELDS)}",
            )
    for key, field in FIELDS.items():
        if key not in data:
            raise AuthorError(
                display, data.line, f'missing key "{key}"', f"add it, e.g. {field.example}"
            )
        value = data[key]
        line = data.line_of(key)
        if field.per_language:
            if not isinstance(value, MarkedDict):
                raise AuthorError(
                    display,
                    line,
                    f'"{key}" must give each language',
                    f"write it as {field.example}",
                )
            for lang in value:
                if lang not in LANGUAGES:
                    raise AuthorError(
                        display,
                        value.line_of(lang),
                        f'"{key}" has unknown language "{lang}"',
                        f"use only {', '.join(LANGUAGES)}",
                    )
            for lang in LANGUAGES:
                if lang not in value:
                    raise AuthorError(
                        display,
                        line,
                        f'"{key}" lacks {lang}',
                        f"add a {lang}: text (every text needs {', '.join(LANGUAGES)})",
                    )
                if problem := field.check(value[lang]):
                    raise AuthorError(
                        display,
                        value.line_of(lang),
                        f'"{key}" in {lang} {problem}',
                        f"write it as {field.example}",
                    )
        elif problem := field.check(value):
            raise AuthorError(display, line, f'"{key}" {problem}', f"write it as {field.example}")
    return data


def _check_values(data: MarkedDict, folder: Path, display: str) -> None:
    """Values that must come from a fixed set or match a pattern."""
    line = data.line_of
    if data["id"] != folder.name:
        raise AuthorError(
            display,
            line("id"),
            f'"id" is "{data["id"]}" but the folder is "{folder.name}"',
            "make the id and the folder name the same",
        )
    if not SLUG.match(data["id"]):
        raise AuthorError(
            display,
            line("id"),
            f'"id" "{data["id"]}" is not a lowercase slug',
            "use lowercase ASCII letters, digits and hyphens, e.g. inclusive-school",
        )
    if data["track"] not in TRACKS:
        raise AuthorError(
            display,
            line("track"),
            f'unknown track "{data["track"]}"',
            f"use one of: {', '.join(TRACKS)}",
        )
    audience: MarkedList = data["audience"]
    for index, who in enumerate(audience):
        if who not in AUDIENCES:
            raise AuthorError(
                display,
                audience.line_of(index),
                f'unknown audience "{who}"',
                f"use one of: {', '.join(AUDIENCES)}",
            )
    if not audience:
        raise AuthorError(
            display,
            line("audience"),
            '"audience" is empty',
            f"name at least one of: {', '.join(AUDIENCES)}",
        )
    if not VERSION.match(data["version"]):
        raise AuthorError(
            display,
            line("version"),
            f'"version" "{data["version"]}" is not MAJOR.MINOR.PATCH',
            'write it as version: "1.0.0"',
        )


def lesson_title(text: str) -> str | None:
    """Title from front matter ``title:``, else the first ``# `` heading."""
    if match := FRONT_MATTER.match(text):
        try:
            meta = yaml.load(match.group(1), Loader=_FAST_SAFE_LOADER)
        except yaml.YAMLError:
            meta = None
        title = meta.get("title") if isinstance(meta, dict) else None
        if isinstance(title, str):
            return title.strip()
        text = text[match.end() :]
    heading = HEADING.search(text)
    return heading.group(1).strip() if heading else None


def _lessons(folder: Path, root: Path) -> tuple[Lesson, ...]:
    """Lessons of a module; names must agree with the Russian ones."""

    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix()

    source_dir = folder / DEFAULT_LANGUAGE
    names = sorted(p.name for p in source_dir.glob("*.md")) if source_dir.is_dir() else []
    if not names:
        raise AuthorError(
            rel(source_dir),
            None,
            "has no lessons",
            f"add the Russian lessons as {rel(source_dir)}/01-name.md",
        )
    for lang in LANGUAGES:
        lang_dir = folder / lang
        if not lang_dir.is_dir():
            continue
        for path in sorted(lang_dir.iterdir()):
            if path.suffix != ".md":
                continue
            if not LESSON_NAME.match(path.name):
                raise AuthorError(
                    rel(path),
                    None,
                    "lesson file name is not NN-slug.md",
                    "rename it like 01-first-steps.md (two digits, a hyphen, lowercase words)",
                )
            if path.name not in names:
                raise AuthorError(
                    rel(path),
                    None,
                    f'no Russian lesson has the name "{path.name}"',
                    f"lesson names must be the same in every language: rename it "
                    f"to one of {', '.join(names)}",
                )
    lessons = []
    for name in names:
        sources = {
            lang: folder / lang / name for lang in LANGUAGES if (folder / lang / name).is_file()
        }
        titles = {}
        for lang, path in sources.items():
            title = lesson_title(read_text(path, rel(path)))
            if not title:
                raise AuthorError(
                    rel(path),
                    1,
                    "lesson has no title",
                    'add front matter "title: ..." or a first "# Heading"',
                )
            titles[lang] = title
        lessons.append(Lesson(name=name, sources=sources, titles=titles))
    return tuple(lessons)


def load_module(folder: Path, root: Path) -> Module:
    """Read and validate one module folder (``root`` is the project root)."""
    display = (folder / "module.yml").relative_to(root).as_posix()
    if not (folder / "module.yml").is_file():
        raise AuthorError(
            display,
            None,
            "is missing",
            "every folder in modules/ needs a module.yml (see DESIGN.md)",
        )
    data = _validate_fields(load_yaml(folder / "module.yml", display), display)
    _check_values(data, folder, display)
    return Module(
        id=data["id"],
        track=data["track"],
        order=data["order"],
        version=data["version"],
        audience=tuple(data["audience"]),
        duration_minutes=data["duration_minutes"],
        licence=data["licence"],
        authors=tuple(data["authors"]),
        title={lang: data["title"][lang] for lang in LANGUAGES},
        summary={lang: data["summary"][lang] for lang in LANGUAGES},
        objectives={lang: tuple(data["objectives"][lang]) for lang in LANGUAGES},
        prerequisites=tuple(data["prerequisites"]),
        folder=folder,
        lessons=_lessons(folder, root),
        lines={
            **data.key_lines,
            **{
                f"prerequisites.{i}": data["prerequisites"].line_of(i)
                for i in range(len(data["prerequisites"]))
            },
        },
    )


def _check_prerequisites(modules: Iterable[Module], root: Path) -> None:
    ids = {m.id for m in modules}
    for module in modules:
        display = (module.folder / "module.yml").relative_to(root).as_posix()
        for index, other in enumerate(module.prerequisites):
            line = module.lines[f"prerequisites.{index}"]
            if other == module.id:
                raise AuthorError(
                    display,
                    line,
                    f'module "{module.id}" lists itself as a prerequisite',
                    "remove it from prerequisites",
                )
            if other not in ids:
                raise AuthorError(
                    display,
                    line,
                    f'unknown prerequisite "{other}"',
                    f"use the id of a module in modules/: {', '.join(sorted(ids))}",
                )


def load_modules(root: Path) -> list[Module]:
    """Every module under ``root/modules``, sorted by track then order."""
    base = root / "modules"
    if not base.is_dir():
        return []
    modules = [
        load_module(folder, root)
        for folder in sorted(base.iterdir())
        if folder.is_dir() and not folder.name.startswith((".", "_"))
    ]
    _check_prerequisites(modules, root)
    return sorted(modules, key=lambda m: (TRACKS.index(m.track), m.order, m.id))


TWO_LETTERS = re.compile(r"^[a-z]{2}$")


def check_docs_layout(docs: Path, root: Path) -> None:
    """``docs/`` holds one folder per course language, nothing two-letter besides.

    static-i18n takes any two-letter folder (``js``, ``ui``) for a locale and
    silently leaves it out of the site, so such a folder is an error here.
    """
    if not docs.is_dir():
        raise AuthorError(
            docs.name, None, "is missing", f"create {docs.name}/{DEFAULT_LANGUAGE}/index.md"
        )
    for folder in sorted(docs.iterdir()):
        if folder.is_dir() and TWO_LETTERS.match(folder.name) and folder.name not in LANGUAGES:
            raise AuthorError(
                folder.relative_to(root).as_posix(),
                None,
                "a two-letter folder under docs/ is taken for a language and left out of the site",
                f"move assets to overrides/ or rename the folder (languages: "
                f"{', '.join(LANGUAGES)})",
            )
