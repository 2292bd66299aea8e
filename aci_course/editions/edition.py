"""Which edition a build makes, and what the facilitator edition adds to the nav."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.templating import render
from aci_course.editions import FACILITATOR, LEARNER

FACILITATOR_CSS = "assets/stylesheets/facilitator.css"
TRAINER_PAGES = "facilitator"  # <root>/facilitator/<lang>/*.md: the "for trainers" section


def edition_of(extra: Mapping[str, Any], config_name: str = "mkdocs.yml") -> str:
    """``extra.edition`` of the config: ``learner`` (the default) or ``facilitator``."""
    value = extra.get("edition", LEARNER)
    if value not in (LEARNER, FACILITATOR):
        raise AuthorError(
            config_name,
            None,
            f"extra.edition is {value!r}",
            f"set it to {LEARNER} or {FACILITATOR} (or leave it out for the learner edition)",
        )
    return str(value)


def trainer_pages(root: Path) -> dict[str, dict[str, Path]]:
    """The "for trainers" pages by file name, then language (Russian always there)."""
    found: dict[str, dict[str, Path]] = {}
    for lang in LANGUAGES:
        for path in sorted((root / TRAINER_PAGES / lang).glob("*.md")):
            found.setdefault(path.name, {})[lang] = path
    for name, by_lang in found.items():
        if DEFAULT_LANGUAGE not in by_lang:
            lang = next(iter(by_lang))
            raise AuthorError(
                f"{TRAINER_PAGES}/{lang}/{name}",
                None,
                "there is no Russian page of this name to fall back to",
                f"write {TRAINER_PAGES}/{DEFAULT_LANGUAGE}/{name} (Russian is the source language)",
            )
    return found


def insert_after(nav: list[Any], anchor: str, entries: list[Any]) -> bool:
    """Put ``entries`` right after the nav item ``anchor`` (a source path), wherever it is."""
    for index, item in enumerate(nav):
        if item == anchor:
            nav[index + 1 : index + 1] = entries
            return True
        children = item if isinstance(item, list) else None
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list) and insert_after(value, anchor, entries):
                    return True
        elif children is not None and insert_after(children, anchor, entries):
            return True
    return False


def banner_html(lang: str) -> str:
    """The facilitator edition's notice on every page."""
    return render("editions/banner.html", lang=lang)


def present_button_html(lang: str, facilitator: bool = False) -> str:
    """The button that starts present mode on a lesson (drawn by aci.js: ``html.present``)."""
    return render("editions/present_button.html", lang=lang, facilitator=facilitator)
