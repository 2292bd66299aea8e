"""Where each language lives in the site and how pages point at each other."""

from __future__ import annotations

from pathlib import Path
from posixpath import relpath

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.templating import render
from aci_course.core.texts import long_date, t
from aci_course.course import freshness


def prefix(lang: str) -> str:
    """Folder of ``lang`` under the site root: ``""`` for the default, else ``"be/"``."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def split_url(url: str) -> tuple[str, str]:
    """``"be/modules/x/01-a.html"`` -> ``("be", "modules/x/01-a.html")``."""
    head, _, rest = url.partition("/")
    if head in LANGUAGES and head != DEFAULT_LANGUAGE and rest:
        return head, rest
    return DEFAULT_LANGUAGE, url


def relative(target: str, source: str) -> str:
    """Relative link from page ``source`` to page ``target`` (site-root URLs)."""
    source_dir = source.rsplit("/", 1)[0] if "/" in source else "."
    return relpath(target, source_dir)


def language_root(base_url: str, lang: str) -> str:
    """The page's link to its own language root, ending in ``/`` (``"../be/"``)."""
    root = base_url.rstrip("/") or "."
    return f"{root}/{prefix(lang)}" if prefix(lang) else f"{root}/"


def alternates(url: str, names: dict[str, str]) -> list[dict[str, str]]:
    """Language-selector entries leading to the same page in every language."""
    _, neutral = split_url(url)
    return [
        {"name": names[lang], "link": prefix(lang) + neutral, "lang": lang}
        for lang in LANGUAGES
        if lang in names
    ]


def fallback_notice(reader_lang: str, source_lang: str, original_href: str) -> str:
    """The visible notice on a page shown in ``source_lang`` to a ``reader_lang`` reader."""
    return render(
        "course/fallback_notice.html",
        lang=reader_lang,
        source_lang=source_lang,
        href=original_href,
    )


def not_found_entries() -> list[dict[str, str]]:
    """One "page not found" message per language, each linking its language's home."""
    return [
        {
            "lang": lang,
            "title": t("notfound.title", lang),
            "home": t("notfound.home", lang),
            "href": f"{prefix(lang)}index.html",
        }
        for lang in LANGUAGES
    ]


def stale_notice(root: Path, source_uri: str | None, page_url: str, lang: str) -> str:
    """The notice on a translated lesson whose Russian source changed since ("" otherwise).

    ``source_uri`` is the lesson's ``modules/<id>/<lang>/<file>.md`` (hooks/modules.py).
    """
    parts = (source_uri or "").split("/")
    if lang == DEFAULT_LANGUAGE or len(parts) != 4 or parts[0] != "modules" or parts[2] != lang:
        return ""
    source = root / "modules" / parts[1] / DEFAULT_LANGUAGE / parts[3]
    item = freshness.check(root / str(source_uri), source, lang)
    if not item.stale:
        return ""
    _, neutral = split_url(page_url)
    return render(
        "course/stale_notice.html",
        lang=lang,
        source_lang=DEFAULT_LANGUAGE,
        href=relative(prefix(DEFAULT_LANGUAGE) + neutral, page_url),
        date=long_date(freshness.updated_on(source), lang),
    )
