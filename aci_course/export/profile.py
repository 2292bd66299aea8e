"""Course profiles: a partner's co-branded subset of the course (``profiles/<name>.yml``).

A profile names the modules to include, the site name in every language, a
logo, the colours, a contact and an extra attribution. ``make site
PROFILE=<name>`` (``aci-course site --profile <name>``) builds it into
``site-<name>/``: only those modules (each one's prerequisites must be listed
too), and on every page the footer says the course is based on All Children
Included, CC BY-SA 4.0, as the licence asks.

The build runs on a generated project in ``build/profile-<name>/``: its
``mkdocs.yml`` inherits the course's (MkDocs' ``INHERIT``) and overrides names,
colours, logo and footer; ``docs/``, ``node_modules/`` and the chosen
modules and quiz files are links to the originals, so messages name real files.
Pages (the trainers' page, a lesson) may link modules the profile leaves out: the
generated config lists those (``extra.aci_profile_left_out``) and :class:`LeftOutLinks`
turns each such link into its text with a note that the module is in the full course,
so the strict build passes and a reader knows why there is no link.

The file is described once, on the schema layer (:mod:`aci_course.core.schema`) like
module.yml and the quizzes: :class:`ProfileFile` gives the messages with their lines
and ``schemas/profile.schema.json`` for authors' editors (``make schemas``).
"""

from __future__ import annotations

import html
import itertools
import os
import posixpath
import shutil
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping, Sequence, Set
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, get_args
from urllib.parse import unquote, urlsplit

import yaml
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from pydantic import Field, StringConstraints

from aci_course.core.errors import AuthorError
from aci_course.core.schema import (
    SLUG,
    AtLeast,
    AuthorModel,
    Items,
    NotNull,
    Say,
    Slug,
    Words,
    validate,
)
from aci_course.core.texts import t
from aci_course.core.yamlsource import MarkedList, load_yaml
from aci_course.course.modules import LocalText, Module
from aci_course.export.project import ExportError, read_config

PRIMARY = Literal[
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey",
    "blue-grey", "black", "white",
]  # fmt: skip
"""Material's named primary colours (docs: setup/changing-the-colors)."""

ACCENT = Literal[
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange",
]  # fmt: skip
"""Material's named accent colours."""

LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")


def _choices(values: tuple[str, ...]) -> str:
    return ", ".join(values[:-1]) + " or " + values[-1]


class ProfileText(LocalText):
    """A text in every course language (module.yml's), named as ``key.language``."""

    messages: ClassVar[dict[str, Say]] = {
        "extra": Say('unknown key "{name}.{key}"', "use only {languages}"),
        "missing": Say('missing key "{name}.{key}"', "add it, e.g. {example}", at="owner"),
    }


class _Part(AuthorModel):
    """A mapping inside a profile: messages name its keys as ``part.key``."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say('"{name}" must be a mapping of keys', "write it as {example}"),
        "extra": Say('unknown key "{name}.{key}"', "remove it or use one of: {keys}"),
        "missing": Say('missing key "{name}.{key}"', "add it, e.g. {example}", at="owner"),
        "literal_error": Say('"{name}.{key}" is "{value}"', "use one of: {choices}"),
        "string_pattern_mismatch": Say(
            "\"{name}.{key}\": string should match pattern '{pattern}'", "write it as {example}"
        ),
        "invalid": Say('"{name}.{key}" must be a text', "write it as {example}"),
    }


class Colours(_Part):
    """Material palette colours for the light and the dark scheme."""

    primary: Annotated[PRIMARY, Words(choices=_choices(get_args(PRIMARY)))] = Field(
        description="Material's primary colour name, e.g. teal."
    )
    accent: Annotated[ACCENT, Words(choices=_choices(get_args(ACCENT)))] = Field(
        default="indigo", description="Material's accent colour name, e.g. orange."
    )


Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()-]{5,}$")]


class Contact(_Part):
    """How a reader reaches the partner organisation (shown in the footer)."""

    email: Annotated[Email | None, NotNull] = Field(default=None, description="An e-mail address.")
    url: Annotated[Url | None, NotNull] = Field(
        default=None, description="A web address, http:// or https://."
    )
    phone: Annotated[Phone | None, NotNull] = Field(
        default=None, description="A phone number: digits, spaces, + ( ) -."
    )


_TEXTS = "{texts}"  # in examples: a text in every course language
_MODULES = "modules: [inclusive-care-basics, life-skills-first-steps]"


class ProfileFile(AuthorModel):
    """``profiles/<name>.yml``: a partner's co-branded subset of the course."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say("must be a mapping of keys", "start from an example"),
        "extra": Say('unknown key "{key}"', "remove it or use one of: {keys}"),
        "missing": Say('missing key "{key}"', "add it, e.g. {example}", at="mapping"),
        "invalid": Say('"{key}" {problem}', "write it as {example}", at="field"),
    }

    modules: Annotated[
        Items[
            Annotated[
                Slug,
                Words(
                    string_pattern_mismatch=Say(
                        '"{value}" is not a module id', "write it as {example}"
                    )
                ),
            ]
        ],
        AtLeast(1),
        Words(
            example=_MODULES,
            problem="must be a list of module ids",
            empty=Say('"modules" is empty', "name at least one module, e.g. " + _MODULES),
        ),
    ] = Field(description="Ids of the modules to include; list each one's prerequisites too.")
    site_name: Annotated[
        ProfileText, Words(example="site_name: " + _TEXTS, problem="must be non-empty text")
    ] = Field(description="The site's name in every language.")
    logo: Annotated[
        str | None,
        NotNull,
        Words(example="logo: profiles/media/our-logo.svg", problem="must be a path"),
    ] = Field(
        default=None,
        description="Path from the course folder to an .svg, .png, .jpg, .jpeg or .webp file.",
    )
    colours: Annotated[
        Colours | None,
        NotNull,
        Words(example="colours: {primary: teal, accent: orange}", problem="must be a mapping"),
    ] = Field(default=None, description="Material's colour names for the site.")
    contact: Annotated[
        Contact | None,
        NotNull,
        Words(
            example='contact: {email: "info@example.org", url: "https://example.org/"}',
            problem="must be a mapping",
        ),
    ] = Field(default=None, description="How readers reach the partner, shown in the footer.")
    facts: Annotated[
        str | None,
        NotNull,
        Words(example="facts: facts/xx.yml", problem="must be a path"),
    ] = Field(
        default=None,
        description="The country facts file lessons quote (default: the course's, facts/by.yml).",
    )
    attribution: Annotated[
        ProfileText | None,
        NotNull,
        Words(example="attribution: " + _TEXTS, problem="must be non-empty text"),
    ] = Field(default=None, description="An extra footer line in every language.")


def load_profile(
    root: Path, name: str, modules: list[Module], languages: Sequence[str]
) -> tuple[ProfileFile, list[Module]]:
    """``profiles/<name>.yml`` and the modules it includes, in course order.

    ``languages``: the course's, which every text of the profile gives.
    """
    path = root / "profiles" / f"{name}.yml"
    display = f"profiles/{name}.yml"
    if not SLUG.match(name) or not path.is_file():
        known = sorted(p.stem for p in (root / "profiles").glob("*.yml"))
        raise ExportError(
            f"{display}: no such profile - use one of: {', '.join(known) or '(none yet)'}"
        )
    data = load_yaml(path, display)
    profile = validate(ProfileFile, data, display, languages)
    by_id = {module.id: module for module in modules}
    listed: MarkedList = data["modules"]
    for index, module_id in enumerate(profile.modules):
        if module_id not in by_id:
            raise AuthorError(
                display,
                listed.line_of(index),
                f'unknown module "{module_id}"',
                f"use the id of a module in modules/: {', '.join(sorted(by_id))}",
            )
        if module_id in profile.modules[:index]:
            raise AuthorError(
                display, listed.line_of(index), f'"{module_id}" is listed twice', "keep one"
            )
        for needed in by_id[module_id].prerequisites:
            if needed not in profile.modules:
                raise AuthorError(
                    display,
                    listed.line_of(index),
                    f'module "{module_id}" needs "{needed}" (its prerequisite), '
                    "which the profile leaves out",
                    f"add {needed} to modules",
                )
    if profile.logo is not None:
        logo = root / profile.logo
        if not logo.is_file() or logo.suffix.lower() not in LOGO_TYPES:
            raise AuthorError(
                display,
                data.line_of("logo"),
                f'logo "{profile.logo}" is not an image file of the project',
                f"give the path from the course folder to a {', '.join(LOGO_TYPES)} file",
            )
    if profile.facts is not None:
        facts = root / profile.facts
        if not facts.is_file() or not facts.resolve().is_relative_to((root / "facts").resolve()):
            raise AuthorError(
                display,
                data.line_of("facts"),
                f'facts "{profile.facts}" is not a file in facts/',
                "give the path from the course folder, e.g. facts: facts/xx.yml",
            )
    return profile, [module for module in modules if module.id in profile.modules]


def footer(profile: ProfileFile, lang: str) -> str:
    """The footer line of every page: site name, contact, attribution (HTML, escaped)."""
    parts = [profile.site_name[lang]]
    if profile.contact:
        values = [
            v for v in (profile.contact.email, profile.contact.url, profile.contact.phone) if v
        ]
        if values:
            parts.append(f"{t('profile.contact', lang)}: {', '.join(values)}")
    parts.append(t("profile.based-on", lang))
    if profile.attribution:
        parts.append(profile.attribution[lang])
    return " · ".join(html.escape(part, quote=False) for part in parts)


def _languages(i18n: dict[str, Any], profile: ProfileFile) -> list[Any]:
    """static-i18n's languages with the profile's site name and footer."""
    languages = []
    for language in i18n.get("languages") or []:
        lang = language.get("locale")
        if lang in profile.site_name.languages():
            language = {
                **language,
                "site_name": profile.site_name[lang],
                "copyright": footer(profile, lang),
            }
        languages.append(language)
    return languages


LEFT_OUT = "aci_profile_left_out"
"""The key under ``extra`` of a profile's generated config: what the profile leaves out."""


def left_out(course: list[Module], chosen: list[Module]) -> dict[str, list[str]]:
    """The module ids and the tracks of the course that no chosen module keeps."""
    kept = {module.id for module in chosen}
    return {
        "modules": [module.id for module in course if module.id not in kept],
        "tracks": sorted({m.track for m in course} - {m.track for m in chosen}),
    }


def links_left_out(href: str, page: str, modules: Set[str], tracks: Set[str]) -> bool:
    """Whether ``href`` (in the page ``page``, a docs-relative path) leads to what is left out.

    That is a page of a left-out module, or the catalogue's section of a track
    (``modules/index.md#track-<track>``) none of the profile's modules is in.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    segments = target.split("/")
    if any(a == "modules" and b in modules for a, b in itertools.pairwise(segments)):
        return True
    track = parts.fragment.removeprefix("track-")  # the catalogue's section ids (catalogue.html)
    return segments[-2:] == ["modules", "index.md"] and track != parts.fragment and track in tracks


_CLOSING = "»”’\"'"


class _LeftOutLinks(Treeprocessor):
    # After the inline links exist (inline: 20), before MkDocs resolves and checks them
    # (its "relpath" treeprocessor: 0).
    priority = 1

    def __init__(self, md: Markdown, extension: LeftOutLinks) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        # MkDocs gives the page only to its own treeprocessor; without it (a bare
        # Markdown) links are read as relative to the docs folder.
        processors = self.md.treeprocessors
        relpath = processors["relpath"] if "relpath" in processors else None  # noqa: SIM401 (a Registry has no get)
        page = str(getattr(getattr(relpath, "file", None), "src_uri", ""))
        ext = self.extension
        for link in root.iter("a"):
            href = link.get("href")
            if href and links_left_out(href, page, ext.modules, ext.tracks):
                link.tag = "span"
                link.attrib.clear()
                link.set("data-profile-left-out", "")
                tail = link.tail or ""
                closing = len(tail) - len(tail.lstrip(_CLOSING))  # the note goes after »
                link.tail = f"{tail[:closing]} {ext.note}{tail[closing:]}"


class LeftOutLinks(Extension):
    """Links to what a profile leaves out become their text and a note in the page's language."""

    def __init__(self, modules: Iterable[str], tracks: Iterable[str], lang: str) -> None:
        super().__init__()
        self.modules = frozenset(modules)
        self.tracks = frozenset(tracks)
        self.note = t("profile.left-out", lang)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the treeprocessor."""
        md.treeprocessors.register(_LeftOutLinks(md, self), "aci_left_out", _LeftOutLinks.priority)


def with_left_out_links(extensions: list[Any], extra: Mapping[str, Any], lang: str) -> list[Any]:
    """``extensions`` with this language's :class:`LeftOutLinks` when building a profile.

    The list is rebuilt per language build, so no note of one language reaches another.
    """
    kept = [ext for ext in extensions if not isinstance(ext, LeftOutLinks)]
    what = extra.get(LEFT_OUT)
    if not isinstance(what, dict):
        return kept
    return [*kept, LeftOutLinks(what.get("modules") or (), what.get("tracks") or (), lang)]


def child_config(
    root: Path, name: str, profile: ProfileFile, logo: str | None, leaves: dict[str, list[str]]
) -> dict[str, Any]:
    """The generated project's mkdocs.yml (it INHERITs the course's)."""
    default = profile.site_name.languages()[0]
    parent = read_config(root)
    listed = parent.get("plugins") or {}
    if isinstance(listed, dict):
        # A mapping (as the course's mkdocs.yml has it): INHERIT merges this one change
        # into the course's i18n options and keeps every other plugin as it is.
        i18n = listed.get("i18n") or {}
        plugins: Any = {"i18n": {"languages": _languages(i18n, profile)}}
    else:
        # A list is replaced as a whole by INHERIT: repeat it, i18n changed.
        plugins = [
            {"i18n": {**plugin["i18n"], "languages": _languages(plugin["i18n"], profile)}}
            if isinstance(plugin, dict) and "i18n" in plugin
            else plugin
            for plugin in listed
        ]
    theme: dict[str, Any] = {}
    if profile.colours:
        palette = parent.get("theme", {}).get("palette") or [{}]
        theme["palette"] = [
            {**scheme, "primary": profile.colours.primary, "accent": profile.colours.accent}
            for scheme in palette
        ]
    if logo:
        theme["logo"] = logo
        theme["custom_dir"] = "overrides"
    # Merged into the course's extra by INHERIT: what is left out, and another facts file.
    extra: dict[str, Any] = {LEFT_OUT: leaves}
    if profile.facts:
        extra["facts"] = profile.facts
    return {
        "INHERIT": os.path.relpath(root / "mkdocs.yml", root / "build" / f"profile-{name}"),
        "site_name": profile.site_name[default],
        "site_dir": str((root / f"site-{name}").resolve()),
        "copyright": footer(profile, default),
        "plugins": plugins,
        "extra": extra,
        **({"theme": theme} if theme else {}),
    }


def _link(target: Path, source: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(source.resolve(), target_is_directory=source.is_dir())


def _overlay(source: Path, target: Path, extra: dict[str, Path]) -> None:
    """``target`` mirrors ``source`` with links, plus copies of ``extra`` (path -> file)."""
    target.mkdir(parents=True, exist_ok=True)
    firsts = {rel.split("/", 1)[0] for rel in extra}
    for child in sorted(source.iterdir()):
        if child.name in firsts and child.is_dir():
            inner = {
                rel.split("/", 1)[1]: path
                for rel, path in extra.items()
                if rel.startswith(child.name + "/")
            }
            _overlay(child, target / child.name, inner)
        elif child.name not in extra:
            _link(target / child.name, child)
    for rel, path in extra.items():
        if "/" not in rel:
            shutil.copyfile(path, target / rel)


def prepare(
    root: Path, name: str, profile: ProfileFile, chosen: list[Module], course: list[Module]
) -> Path:
    """Write ``build/profile-<name>/`` and return its mkdocs.yml (``course``: every module)."""
    project = root / "build" / f"profile-{name}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for folder in ("docs", "node_modules", "facts"):
        if (root / folder).exists():
            _link(project / folder, root / folder)
    logo = None
    theme = read_config(root).get("theme") or {}
    overrides = root / str(theme.get("custom_dir") or "overrides")  # an absolute path stays
    if profile.logo:
        logo = f"assets/images/profile-logo{Path(profile.logo).suffix.lower()}"
        _overlay(overrides, project / "overrides", {logo: root / profile.logo})
    elif overrides.exists():
        _link(project / "overrides", overrides)
    for module in chosen:
        _link(project / "modules" / module.id, module.folder)
        quiz = root / "quizzes" / f"{module.id}.yml"
        if quiz.is_file():
            _link(project / "quizzes" / quiz.name, quiz)
    config = project / "mkdocs.yml"
    settings = child_config(root, name, profile, logo, left_out(course, chosen))
    generated = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    config.write_text(
        f"# Generated by aci-course site --profile {name}: edit profiles/{name}.yml\n" + generated,
        encoding="utf-8",
    )
    return config
