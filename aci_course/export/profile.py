"""Course profiles: a partner's co-branded subset of the course (``profiles/<name>.yml``).

A profile names the modules to include, the site name in every language, a
logo, the colours, a contact and an extra attribution. ``make site
PROFILE=<name>`` (``aci-course site --profile <name>``) builds it into
``site-<name>/``: only those modules (each one's prerequisites must be listed
too), and on every page the footer says the course is based on All Children
Included, CC BY-SA 4.0, as the licence asks.

The build runs on a generated project in ``build/profile-<name>/``: its
``mkdocs.yml`` inherits the course's (MkDocs' ``INHERIT``) and overrides names,
colours, logo and footer; ``docs/``, ``hooks/``, ``node_modules/`` and the chosen
modules and quiz files are links to the originals, so messages name real files.

The profile model is pydantic v2; its errors are mapped to the YAML lines kept by
:mod:`aci_course.core.yamlsource`, like every other author file. The model is
self-contained, to move onto the shared schema layer of ``aci_course/core/``.
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.schema import SLUG
from aci_course.core.texts import t
from aci_course.core.yamlsource import MarkedDict, MarkedList, load_yaml
from aci_course.course.modules import Module
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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Localised(_Strict):
    """A text in every course language."""

    ru: str = Field(min_length=1)
    be: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def in_(self, lang: str) -> str:
        """The text in ``lang``."""
        value: str = getattr(self, lang)
        return value


class Colours(_Strict):
    """Material palette colours for the light and the dark scheme."""

    primary: PRIMARY
    accent: ACCENT = "indigo"


class Contact(_Strict):
    """How a reader reaches the partner organisation."""

    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 ()-]{5,}$")


class ProfileModel(_Strict):
    """``profiles/<name>.yml``."""

    modules: list[Annotated[str, Field(pattern=SLUG.pattern)]] = Field(min_length=1)
    site_name: Localised
    logo: str | None = None
    colours: Colours | None = None
    contact: Contact | None = None
    attribution: Localised | None = None


EXAMPLES = {
    "modules": "modules: [inclusive-care-basics, life-skills-first-steps]",
    "site_name": 'site_name: {ru: "...", be: "...", en: "..."}',
    "logo": "logo: profiles/media/our-logo.svg",
    "colours": "colours: {primary: teal, accent: orange}",
    "contact": 'contact: {email: "info@example.org", url: "https://example.org/"}',
    "attribution": 'attribution: {ru: "...", be: "...", en: "..."}',
}


def _line(data: Any, loc: tuple[int | str, ...]) -> int:
    """Line of the deepest part of ``loc`` that the YAML has."""
    line = getattr(data, "line", 1)
    node = data
    for part in loc:
        in_mapping = isinstance(node, MarkedDict) and isinstance(part, str) and part in node
        in_list = isinstance(node, MarkedList) and isinstance(part, int) and part < len(node)
        if not (in_mapping or in_list):
            break
        line = node.line_of(part)
        node = node[part]
    return line


def _message(error: Any) -> tuple[str, str]:
    """``(problem, fix)`` in an author's words for one pydantic error."""
    loc = tuple(error["loc"])
    where = ".".join(str(part) for part in loc)
    top = str(loc[0]) if loc else ""
    example = EXAMPLES.get(top, "see profiles/README.md")
    kind = error["type"]
    if kind == "missing":
        return f'missing key "{where}"', f"add it, e.g. {example}"
    if kind == "extra_forbidden":
        parent = ".".join(str(part) for part in loc[:-1])
        known = (
            ", ".join(ProfileModel.model_fields)
            if not parent
            else "the keys shown in " + example.split(":", 1)[0] + " example: " + example
        )
        return f'unknown key "{where}"', f"remove it or use one of: {known}"
    if kind == "literal_error":
        return (
            f'"{where}" is "{error["input"]}"',
            f"use one of: {error['ctx']['expected'].replace(chr(39), '')}",
        )
    if kind == "string_pattern_mismatch" and top == "modules":
        return f'"{error["input"]}" is not a module id', f"write it as {example}"
    return f'"{where}": {error["msg"][0].lower()}{error["msg"][1:]}', f"write it as {example}"


def parse_profile(data: Any, display: str) -> ProfileModel:
    """Validate already-loaded YAML (with line marks), or raise an AuthorError."""
    if not isinstance(data, MarkedDict):
        raise AuthorError(
            display, getattr(data, "line", 1), "must be a mapping of keys", "start from an example"
        )
    try:
        return ProfileModel.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        problem, fix = _message(first)
        raise AuthorError(display, _line(data, tuple(first["loc"])), problem, fix) from None


def load_profile(root: Path, name: str, modules: list[Module]) -> tuple[ProfileModel, list[Module]]:
    """``profiles/<name>.yml`` and the modules it includes, in course order."""
    path = root / "profiles" / f"{name}.yml"
    display = f"profiles/{name}.yml"
    if not SLUG.match(name) or not path.is_file():
        known = sorted(p.stem for p in (root / "profiles").glob("*.yml"))
        raise ExportError(
            f"{display}: no such profile - use one of: {', '.join(known) or '(none yet)'}"
        )
    data = load_yaml(path, display)
    profile = parse_profile(data, display)
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
    return profile, [module for module in modules if module.id in profile.modules]


def footer(profile: ProfileModel, lang: str) -> str:
    """The footer line of every page: site name, contact, attribution (HTML, escaped)."""
    parts = [profile.site_name.in_(lang)]
    if profile.contact:
        values = [
            v for v in (profile.contact.email, profile.contact.url, profile.contact.phone) if v
        ]
        if values:
            parts.append(f"{t('profile.contact', lang)}: {', '.join(values)}")
    parts.append(t("profile.based-on", lang))
    if profile.attribution:
        parts.append(profile.attribution.in_(lang))
    return " · ".join(html.escape(part, quote=False) for part in parts)


def child_config(root: Path, name: str, profile: ProfileModel, logo: str | None) -> dict[str, Any]:
    """The generated project's mkdocs.yml (it INHERITs the course's)."""
    parent = read_config(root)
    plugins: list[Any] = []
    for plugin in parent.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = dict(plugin["i18n"])
            languages = []
            for language in i18n.get("languages") or []:
                lang = language.get("locale")
                if lang in LANGUAGES:
                    language = {
                        **language,
                        "site_name": profile.site_name.in_(lang),
                        "copyright": footer(profile, lang),
                    }
                languages.append(language)
            i18n["languages"] = languages
            plugin = {"i18n": i18n}
        plugins.append(plugin)
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
    return {
        "INHERIT": os.path.relpath(root / "mkdocs.yml", root / "build" / f"profile-{name}"),
        "site_name": profile.site_name.in_(LANGUAGES[0]),
        "site_dir": str((root / f"site-{name}").resolve()),
        "copyright": footer(profile, LANGUAGES[0]),
        "plugins": plugins,
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


def prepare(root: Path, name: str, profile: ProfileModel, chosen: list[Module]) -> Path:
    """Write ``build/profile-<name>/`` and return its mkdocs.yml."""
    project = root / "build" / f"profile-{name}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for folder in ("docs", "hooks", "node_modules"):
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
    generated = yaml.safe_dump(
        child_config(root, name, profile, logo), allow_unicode=True, sort_keys=False
    )
    config.write_text(
        f"# Generated by aci-course site --profile {name}: edit profiles/{name}.yml\n" + generated,
        encoding="utf-8",
    )
    return config
