"""The order of the course plugins' event handlers: one named table.

MkDocs calls the handlers of one event from the highest priority down (ties in the
order of ``plugins:`` in mkdocs.yml). What the course's handlers must come before or
after is fixed by other plugins' numbers, which ``tests/core/test_priorities.py``
reads from the installed plugins and pins:

- mkdocs-static-i18n: ``+50`` (page_markdown, page_context, template_context: it
  prepares the page of the language being built) and ``-100`` (config picks the
  language; files, nav, post_page; post_build builds the other languages, so a
  post_build handler below it runs once, at the very end, when i18n is no longer
  "building");
- Material's search plugin: ``0``, its on_page_context indexes the page's HTML, so
  searchable HTML is changed in on_page_content, and what search must not parse
  is put in after it.
"""

from __future__ import annotations

from dataclasses import dataclass

I18N_EARLY = 50
"""static-i18n's page_markdown, page_context and template_context."""

I18N_LATE = -100
"""static-i18n's config, files, nav, post_page and post_build."""

SEARCH_INDEX = 0
"""Material's search plugin: on_page_context reads the page's HTML."""


@dataclass(frozen=True)
class Priorities:
    """Each handler's priority, by what it does (see the plugins' ``plugin.py``)."""

    # on_config
    safe_build_redirect: int = 200  # before anyone sees site_dir
    texts_reload: int = 150  # before any handler uses an interface text
    modules_config: int = -110  # after i18n chose the language
    quizzes_config: int = -120  # after modules/ was validated
    editions_config: int = -120  # after modules/ was validated, extends its nav
    progress_config: int = -130  # after modules and quizzes were validated
    # on_files (after i18n, which would misplace files outside docs/)
    files_add: int = -150  # lessons, overviews, media, vendor files, progress pages
    editions_files: int = -160  # facilitator pages, after the lessons
    content_safety_files: int = -200  # sees every page of the build
    # on_nav
    shell_nav: int = -150  # the language's navigation as i18n left it (core/shell.py)
    # on_page_markdown
    content_safety: int = 100  # what the author wrote, before anyone edits it
    facilitator_blocks: int = 90  # sets the trainer-notes extension's options for the page
    facts: int = 40  # country facts: after i18n, before the quiz lines are taken out
    plain_version: int = 36  # sets the plain extension's options for the page
    figures: int = 35  # figure lines become placeholders: after i18n, like the quiz lines
    quiz_embed: int = 30  # after i18n rewrote admonition titles
    # on_page_content (before search indexes the page, except where said)
    generated_body: int = 100
    fallback_notice: int = 40
    figures_fill: int = 30  # drawn figures in place: before search indexes their labels
    # on_page_context / on_template_context
    page_context: int = 40  # after i18n prepared the context; own keys only
    quiz_fill: int = -10  # after search indexed the page: forms are not parsed
    # on_post_template / on_post_page
    not_found_page: int = 40  # before valid_html and compact_html
    plain_out: int = -120  # the plain version into its own file, after i18n's post_page
    valid_html: int = -150  # the final HTML, after i18n's post_page
    compact_html: int = -200  # the very last change to a page
    shell_header: int = -210  # the home page's header as the language's (core/shell.py)
    # on_post_build
    shell_write: int = 0  # each language's shell, before i18n builds the next language
    minify: int = -190  # once, after i18n built every language; before site_end lists files
    site_end: int = -200  # once, after i18n built every language
    safe_build_finish: int = -300  # after everything wrote into the partial folder
    # order-free handlers (startup, serve, env, build_error)
    any: int = 0


PRIORITY = Priorities()
