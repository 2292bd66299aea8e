"""Training modules: ``modules/<id>/module.yml`` and its lessons, validated.

Russian is the source language: every lesson exists in ``ru/``; ``be/`` and
``en/`` hold translations with the same file names, any of which may be
missing (the site then shows the Russian lesson with a notice).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated, ClassVar, Generic, Literal, TypeVar, get_args

from pydantic import Field, StringConstraints, ValidationInfo, field_validator
from pydantic.json_schema import SkipJsonSchema

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.disk_cache import DiskCache
from aci_course.core.errors import AuthorError
from aci_course.core.schema import (
    AtLeast,
    AuthorModel,
    Items,
    Localized,
    Say,
    Slug,
    Words,
    problem,
    validate,
)
from aci_course.core.sources import read_source
from aci_course.core.stamped import KeptOnDisk, Stamped, folder_stamp
from aci_course.core.yamlsource import load_yaml, read_text

Track = Literal["inclusive-care", "life-skills", "trainers"]
Audience = Literal[
    "teachers",
    "foster-parents",
    "institution-staff",
    "vocational-staff",
    "adolescents",
    "trainers",
]
TRACKS: tuple[str, ...] = get_args(Track)
AUDIENCES: tuple[str, ...] = get_args(Audience)
LESSON_NAME = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
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


# --- module.yml, described once (schemas/module.schema.json is made from it) ----------------

Text = Annotated[str, StringConstraints(pattern=r"\S")]  # kept as written: golden files
_Value = TypeVar("_Value")


def _words(example: str, problem: str, **say: Say) -> Words:
    """How messages speak of a key: its example and what a wrong value lacks."""
    return Words(say=say, example=example, problem=problem)


class LocalValue(Localized[_Value], Generic[_Value]):
    """A value in every course language, as module.yml, facts and profiles speak of it."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say('"{name}" must give each language', "write it as {example}"),
        "extra": Say('"{name}" has unknown language "{key}"', "use only {languages}"),
        "missing": Say(
            '"{name}" lacks {key}', "add a {key}: text (every text needs {languages})", at="owner"
        ),
        "invalid": Say('"{name}" in {key} {problem}', "write it as {example}", at="field"),
    }


class LocalText(LocalValue[Text]):
    """A text in every course language."""


class LocalTexts(LocalValue[Items[Text]]):
    """A list of texts in every course language."""


_TEXTS = "{texts}"  # in examples: a text in every course language


class ModuleFile(AuthorModel):
    """``modules/<id>/module.yml``: what the course says about one module."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say(
            "must be a mapping of keys", "start from the module.yml example in DESIGN.md"
        ),
        "extra": Say('unknown key "{key}"', "remove it or use one of: {keys}"),
        "missing": Say('missing key "{key}"', "add it, e.g. {example}", at="mapping"),
        "invalid": Say('"{key}" {problem}', "write it as {example}", at="field"),
    }

    id: Annotated[
        Slug,
        _words(
            "id: inclusive-school",
            "must be non-empty text",
            string_pattern_mismatch=Say(
                '"id" "{value}" is not a lowercase slug',
                "use lowercase ASCII letters, digits and hyphens, e.g. inclusive-school",
            ),
        ),
    ] = Field(description="The module's folder name: lowercase letters, digits and hyphens.")
    track: Annotated[
        Track,
        _words(
            "track: inclusive-care",
            "must be non-empty text",
            literal_error=Say(
                'unknown track "{value}"', "use one of: " + ", ".join(get_args(Track))
            ),
        ),
    ] = Field(description="The track the module belongs to.")
    order: Annotated[int, Field(gt=0), _words("order: 1", "must be a whole number above 0")] = (
        Field(description="Position inside the track (1, 2, ...).")
    )
    version: Annotated[
        str,
        StringConstraints(pattern=r"^\d+\.\d+\.\d+$"),
        _words(
            'version: "1.0.0"',
            "must be non-empty text",
            string_pattern_mismatch=Say(
                '"version" "{value}" is not MAJOR.MINOR.PATCH', 'write it as version: "1.0.0"'
            ),
        ),
    ] = Field(
        description='MAJOR.MINOR.PATCH, in quotes ("1.0.0"); bumped when the content changes.'
    )
    audience: Annotated[
        Items[
            Annotated[
                Audience,
                Words(
                    literal_error=Say(
                        'unknown audience "{value}"',
                        "use one of: " + ", ".join(get_args(Audience)),
                    )
                ),
            ]
        ],
        AtLeast(1),
        _words(
            "audience: [teachers, foster-parents]",
            "must be a list of texts",
            empty=Say(
                '"audience" is empty', "name at least one of: " + ", ".join(get_args(Audience))
            ),
        ),
    ] = Field(description="Who the module is for.")
    duration_minutes: Annotated[
        int, Field(gt=0), _words("duration_minutes: 90", "must be a whole number above 0")
    ] = Field(description="Length of the facilitated session in minutes.")
    licence: Annotated[Text, _words("licence: CC-BY-SA-4.0", "must be non-empty text")] = Field(
        description="SPDX id of the licence, e.g. CC-BY-SA-4.0."
    )
    authors: Annotated[Items[Text], _words('authors: ["Name"]', "must be a list of texts")] = Field(
        description="Who wrote the module."
    )
    title: Annotated[LocalText, _words("title: " + _TEXTS, "must be non-empty text")] = Field(
        description="The module's title in every language."
    )
    summary: Annotated[LocalText, _words("summary: " + _TEXTS, "must be non-empty text")] = Field(
        description="One or two sentences for the catalogue, in every language."
    )
    objectives: Annotated[
        LocalTexts,
        _words("objectives: {lists}", "must be a list of texts"),
    ] = Field(description='"After this module you can ...": a list per language.')
    prerequisites: Annotated[
        Items[str], _words("prerequisites: [other-module]", "must be a list of module ids")
    ] = Field(description="Ids of the modules to take first ([] for none).")

    @field_validator("id")
    @classmethod
    def _named_as_folder(cls, value: str, info: ValidationInfo) -> str:
        folder = (info.context or {}).get("folder")
        if folder is not None and value != folder:
            raise problem(
                '"id" is "{value}" but the folder is "{folder}"',
                "make the id and the folder name the same",
                folder=folder,
            )
        return value


class Module(ModuleFile):
    """A validated ``module.yml`` with its folder and lessons."""

    folder: SkipJsonSchema[Path]
    lessons: SkipJsonSchema[tuple[Lesson, ...]]
    lines: SkipJsonSchema[dict[str, int]]  # "module.yml" line of each key, and "prerequisites.<i>"

    @property
    def languages(self) -> tuple[str, ...]:
        """The course's languages, the default first (its texts were checked against them)."""
        return self.title.languages()

    def media(self) -> list[Path]:
        """Every file under ``media/`` (language overrides in ``media/<lang>/``)."""
        root = self.folder / "media"
        return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def lesson_title(text: str) -> str | None:
    """Title from front matter ``title:``, else the first ``# `` heading."""
    source = read_source(text)
    title = source.meta.get("title")
    if isinstance(title, str):
        return title.strip()
    heading = HEADING.search(source.body)
    return heading.group(1).strip() if heading else None


def _lessons(folder: Path, root: Path, languages: Sequence[str]) -> tuple[Lesson, ...]:
    """Lessons of a module; names must agree with the Russian ones."""

    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix()

    source_dir = folder / languages[0]
    names = sorted(p.name for p in source_dir.glob("*.md")) if source_dir.is_dir() else []
    if not names:
        raise AuthorError(
            rel(source_dir),
            None,
            "has no lessons",
            f"add the Russian lessons as {rel(source_dir)}/01-name.md",
        )
    for lang in languages:
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
            lang: folder / lang / name for lang in languages if (folder / lang / name).is_file()
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


def load_module(folder: Path, root: Path, languages: Sequence[str]) -> Module:
    """Read and validate one module folder (``root`` is the project root).

    ``languages``: the course's (:func:`aci_course.core.build_context.course_languages`),
    the default first: what every text gives and where lessons are looked for.
    """
    display = (folder / "module.yml").relative_to(root).as_posix()
    if not (folder / "module.yml").is_file():
        raise AuthorError(
            display,
            None,
            "is missing",
            "every folder in modules/ needs a module.yml (see DESIGN.md)",
        )
    data = load_yaml(folder / "module.yml", display)
    meta = validate(ModuleFile, data, display, languages, folder=folder.name)
    return Module.model_construct(
        **dict(meta),
        folder=folder,
        lessons=_lessons(folder, root, languages),
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


_loaded: Stamped[list[Module]] = Stamped()


def load_modules(root: Path, languages: Sequence[str]) -> list[Module]:
    """Every module under ``root/modules``, sorted by track then order.

    Read again only when a file under ``modules/`` changed since the last call (the
    plugins of every language build ask for them): the modules are shared, read-only.
    """
    base = root / "modules"
    if not base.is_dir():
        return []
    stamp = (folder_stamp(base), tuple(languages))
    return list(_loaded.get(base.resolve(), stamp, lambda: _read_modules(root, languages)))


def _read_modules(root: Path, languages: Sequence[str]) -> list[Module]:
    base = root / "modules"
    kept: KeptOnDisk[Module] = KeptOnDisk(DiskCache.at(root, "modules"), ".pickle")
    place = (str(root.resolve()), tuple(languages))
    modules = [
        kept.get(
            (str(folder.resolve()), folder_stamp(folder), place),
            partial(load_module, folder, root, languages),
        )
        for folder in sorted(base.iterdir())
        if folder.is_dir() and not folder.name.startswith((".", "_"))
    ]
    kept.forget_unused()
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
