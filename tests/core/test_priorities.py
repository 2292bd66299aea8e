"""The course plugins' event order, pinned against static-i18n's and Material search's.

The numbers live in one table (aci_course.core.priorities); these tests read the other
plugins' numbers from the installed packages, so an upgrade that moves them fails here
instead of silently reordering the build.
"""

from __future__ import annotations

from typing import Any

from material.plugins.search.plugin import SearchPlugin as MaterialSearch
from mkdocs_static_i18n.plugin import I18n

from aci_course.core.priorities import I18N_EARLY, I18N_LATE, PRIORITY, SEARCH_INDEX
from aci_course.core.project import load_project_config
from tests.conftest import ROOT


def _priority(handler: Any) -> int:
    return int(getattr(handler, "mkdocs_priority", 0))


def test_other_plugins_priorities_are_the_ones_the_table_names() -> None:
    for event in ("on_page_markdown", "on_page_context", "on_template_context"):
        assert _priority(getattr(I18n, event)) == I18N_EARLY, event
    for event in ("on_config", "on_files", "on_nav", "on_post_page", "on_post_build"):
        assert _priority(getattr(I18n, event)) == I18N_LATE, event
    assert _priority(MaterialSearch.on_page_context) == SEARCH_INDEX


def test_table_keeps_the_order_the_build_needs() -> None:
    p = PRIORITY
    # on_config: the partial folder before anyone sees site_dir; the course's own
    # configuration after i18n picked the language; editions extend the modules' nav.
    assert p.safe_build_redirect > p.texts_reload > I18N_EARLY
    assert I18N_LATE > p.modules_config > p.quizzes_config >= p.editions_config
    assert p.editions_config > p.progress_config
    # on_files: after i18n (it misplaces files outside docs/); facilitator pages after
    # the lessons; content safety sees every page.
    assert I18N_LATE > p.files_add > p.editions_files > p.content_safety_files
    # on_page_markdown: safety sees the author's text; the trainer-notes extension gets
    # its options (trainer notes and external links are Markdown extensions now); quiz
    # lines are swapped after i18n rewrote admonition titles.
    assert p.content_safety > p.facilitator_blocks > I18N_EARLY > p.facts > p.quiz_embed
    assert I18N_EARLY > p.plain_version > p.figures > p.quiz_embed
    # on_page_content: the body of a generated page first; figures before search
    # indexes their labels.
    assert p.generated_body >= p.fallback_notice
    assert p.figures_fill > SEARCH_INDEX
    # on_page_context: own keys after i18n's context; quiz forms after search indexed.
    assert I18N_EARLY > p.page_context > SEARCH_INDEX > p.quiz_fill
    # on_post_page: repairs see the final HTML, compacting is the very last change.
    assert I18N_LATE > p.valid_html > p.compact_html
    # on_post_build: once at the end (below i18n), before the site is swapped in.
    assert I18N_LATE > p.site_end > p.safe_build_finish
    # Minified once, before the service workers hash and list the files (site_end).
    assert I18N_LATE > p.minify > p.site_end


def _owners(config: Any, event: str) -> list[str]:
    names = {id(plugin): name for name, plugin in config.plugins.items()}
    return [names.get(id(getattr(h, "__self__", None)), "?") for h in config.plugins.events[event]]


def test_repository_config_runs_the_handlers_in_this_order() -> None:
    config = load_project_config(ROOT / "mkdocs.yml")
    assert _owners(config, "page_markdown") == [
        "aci-quality",  # content safety
        "aci-editions",  # trainer notes out (learner)
        "i18n",
        "aci-course",  # country facts
        "aci-course",  # plain-language version: checked, its extension's options
        "aci-course",  # figure lines
        "aci-quiz",
    ]
    assert _owners(config, "post_build")[-5:] == [
        "aci-course",  # coverage table
        "aci-search",  # one index per language
        "aci-quiz",  # quizzes no page embeds
        "aci-progress",  # service workers precache the final files, search indexes included
        "aci-course",  # safe build: swap the site in
    ]
