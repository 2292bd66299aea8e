"""Languages: the selector leads to the same page, fallbacks say so, search stays local.

- ``on_page_context`` points each language-selector entry at this very page in the
  other language, and gives the template the page's own language root
  (``aci_lang_root``), which ``overrides/main.html`` makes the search base.
- ``on_page_content`` marks a page shown in Russian because its translation is
  missing: a notice in the reader's language with a link to the original, and
  ``lang="ru"`` on the borrowed text for screen readers.
- ``on_post_template`` keeps the root ``404.html`` of the default language's build:
  MkDocs writes it into the site root in every language build, and the last one
  (English) would otherwise win, giving the Russian root a ``lang="en"`` page.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from aci_course import DEFAULT_LANGUAGE
from aci_course.core.build_context import current_language, project_root
from aci_course.core.texts import t
from aci_course.course import languages


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """``{locale: name}`` as configured for the i18n plugin."""
    return {lang.locale: lang.name for lang in config.plugins["i18n"].config.languages}


def _set_selector(config: MkDocsConfig, links: list[dict[str, str]]) -> None:
    """Language-selector entries for the template being rendered."""
    # i18n sets the attribute, which shadows the mapping key Jinja would read.
    config.extra["alternate"] = links
    config.extra.alternate = links  # type: ignore[attr-defined]


# Below i18n's +50 so it sees the file's language, and before Material's search
# plugin (0) indexes the HTML, so the notice is there (marked to be left out).
@event_priority(40)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Wrap a page borrowed from another language and announce it."""
    reader = current_language(config)
    source = getattr(page.file, "locale", reader)
    if source == reader:  # a translation whose Russian source changed since gets a notice
        lesson = getattr(page.file, "aci_source", None)
        return languages.stale_notice(project_root(config), lesson, page.url, reader) + html
    _, neutral = languages.split_url(page.file.url)
    original = languages.prefix(source) + neutral
    notice = languages.fallback_notice(reader, source, languages.relative(original, page.url))
    return f'{notice}<div lang="{source}">\n{html}\n</div>'


# After i18n's +50, which resets the selector to the language home pages.
@event_priority(40)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Selector entries for this page; the language root for search; footer version."""
    _set_selector(config, languages.alternates(page.file.url, language_names(config)))
    lang = current_language(config)
    context["aci_lang_root"] = languages.language_root(context.get("base_url", "."), lang)
    context["aci_version_text"] = t("footer.version", lang, version=config.extra["course_version"])
    return context


# After i18n's +50, which adds its own variables to template contexts.
@event_priority(40)
def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """The "not found" page speaks every course language, whichever build wrote it last."""
    if template_name == "404.html":
        context["aci_not_found"] = languages.not_found_entries()
        # Not the selector of whichever page was rendered last: each language's home.
        _set_selector(config, languages.alternates("index.html", language_names(config)))
    return context


# Before valid_html and compact_html (-150), which pass an empty page through as it is.
@event_priority(40)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Only the default language's build writes the root 404 page.

    MkDocs skips a template that renders empty (an info line, not a warning), so
    the Russian page the first build wrote stays, with ``lang="ru"`` and Material's
    Russian interface texts; each section inside keeps its own ``lang``.
    """
    if template_name == "404.html" and current_language(config) != DEFAULT_LANGUAGE:
        return ""
    return output_content
