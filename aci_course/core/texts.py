"""The one translation table for interface texts (``data/ui.yml``).

Every label the site adds around content (overview headings, catalogue
filter, fallback notice, quiz buttons...) comes from here, never from a
literal in a template or in JavaScript.
"""

from __future__ import annotations

import datetime
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from aci_course import LANGUAGES

# ui.yml's modification time when table() last read it (live preview re-reads it).
_read_stamp: list[int | None] = [None]


def _ui_file() -> Traversable:
    """The package's ``data/ui.yml``."""
    return resources.files("aci_course").joinpath("data/ui.yml")


def _stamp() -> int | None:
    """Its modification time, or None when the package is not installed as files."""
    path = _ui_file()
    return path.stat().st_mtime_ns if isinstance(path, Path) else None


def reload_if_changed() -> None:
    """Forget the cached table if ``ui.yml`` changed on disk since it was read.

    ``mkdocs serve`` rebuilds in the same process; one stat per language build.
    """
    if _read_stamp[0] is not None and _stamp() != _read_stamp[0]:
        table.cache_clear()


@cache
def table() -> dict[str, dict[str, str]]:
    """All interface texts: ``{key: {lang: text}}``."""
    _read_stamp[0] = _stamp()
    # libyaml's loader when PyYAML has it: the same data, a tenth of the time.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw: Any = yaml.load(_ui_file().read_text(encoding="utf-8"), Loader=loader)
    for key, texts in raw.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:  # a programming error in the package, not an author error
            raise ValueError(f"ui.yml: {key!r} lacks {', '.join(missing)}")
    return {str(k): {str(lang): str(s) for lang, s in v.items()} for k, v in raw.items()}


def t(key: str, lang: str, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``{name}`` placeholders filled in."""
    text = table()[key][lang]
    return text.format(**values) if values else text


def for_language(lang: str, prefix: str = "") -> dict[str, str]:
    """Every text (or those under ``prefix``) in ``lang``, e.g. for a template or a script."""
    return {key: texts[lang] for key, texts in table().items() if key.startswith(prefix)}


def long_date(day: datetime.date, lang: str) -> str:
    """``day`` in running text of ``lang``: 6 December 2026, 6 декабря 2026 г."""
    months = t("date.months", lang).split(",")
    return t("date.long", lang, day=day.day, month=months[day.month - 1].strip(), year=day.year)
