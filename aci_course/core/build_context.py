"""What every plugin asks of the build in progress (duck-typed MkDocs config)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


def current_language(config: Any) -> str:
    """The language being built: static-i18n sets it before each of its builds.

    Not ``theme.language``, which only follows it for Material's own texts.
    """
    return str(config.plugins["i18n"].current_language)


def has_i18n(config: Any) -> bool:
    """True when static-i18n builds the site (once per language)."""
    return "i18n" in config.plugins


def is_outer_build(config: Any) -> bool:
    """True in the outermost (first-language) build, outside static-i18n's language loop.

    In ``on_config`` that is the start of a whole build; in ``on_post_build`` at a
    priority below i18n's (-100), the end, once every language is built.
    """
    return not has_i18n(config) or not config.plugins["i18n"].building


def edition(config: Any) -> str | None:
    """The edition being built: ``aci-editions``' ``edition`` option (None without it)."""
    editions = config.plugins.get("aci-editions")
    return str(editions.config.edition) if editions is not None else None


def project_root(config: Any) -> Path:
    """The folder holding mkdocs.yml, modules/ and quizzes/."""
    return _folder_of(str(config.config_file_path))


@lru_cache(maxsize=8)
def _folder_of(config_file: str) -> Path:
    # Asked by several handlers of every page: resolved once per config file.
    return Path(config_file).resolve().parent


def course_languages(config: Any) -> tuple[str, ...]:
    """The languages the site's texts are written in, the default first.

    static-i18n's ``languages`` when it builds the site, else the one language of
    the theme (a plain Material site such as ``examples/quiz-only``). Author files
    (modules, quizzes, figures, facts, profiles) give each text in exactly these.
    """
    if has_i18n(config):
        configured = config.plugins["i18n"].config.languages
        default = [str(lang.locale) for lang in configured if lang.default]
        return tuple(default + [str(lang.locale) for lang in configured if not lang.default])
    return (str(config.theme.get("language") or "en"),)


def language_names(config: Any) -> dict[str, str]:
    """Each course language's name as the site's language selector shows it."""
    if has_i18n(config):
        return {
            str(lang.locale): str(lang.name) for lang in config.plugins["i18n"].config.languages
        }
    return {lang: lang for lang in course_languages(config)}
