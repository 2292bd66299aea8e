"""``aci-quiz``: validate the quiz files, put each ``{{ quiz "id" }}`` line's form in its page.

- ``on_config`` loads and validates every quiz file (a mistake stops the build
  with ``quizzes/<file>.yml:LINE: what is wrong - how to fix it``);
- ``on_page_markdown`` swaps each quiz line for a placeholder and renders the quiz
  in the language being built; ``on_page_context`` puts the forms in place, once
  Material's search plugin has read the page: with the course's theme, which loads
  core.js in the head, the tag of the script that writes the form, and writes that
  script (:mod:`aci_course.quiz.scripts`); in another theme the form itself;
- ``on_post_build`` warns, once for the whole site, about quizzes no page embeds.

Works in any MkDocs + Material site (``examples/quiz-only``): without static-i18n
the quiz language is the ``language`` option or ``theme.language``. See
:mod:`aci_course.quiz.build`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from aci_course import LANGUAGES
from aci_course.core.build_context import (
    course_languages,
    current_language,
    has_i18n,
    is_outer_build,
    project_root,
)
from aci_course.core.disk_cache import DiskCache
from aci_course.core.errors import stop_build
from aci_course.core.priorities import PRIORITY
from aci_course.core.project import course_version
from aci_course.plugins.quiz.config import QuizConfig
from aci_course.quiz import assets
from aci_course.quiz.build import QuizBuild
from aci_course.quiz.load import load_quizzes

log = logging.getLogger("mkdocs.plugins.aci.quizzes")


class QuizPlugin(BasePlugin[QuizConfig]):
    """Quizzes embedded in pages (see the module's docstring)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.quizzes: QuizBuild | None = None
        self.add_assets = False

    def _wants_assets(self, config: MkDocsConfig) -> bool:
        if self.config.assets is not None:
            return bool(self.config.assets)
        return not assets.site_brings_them(config)

    def _language(self, config: MkDocsConfig) -> str:
        if self.config.language:
            return str(self.config.language)
        if has_i18n(config):
            return current_language(config)
        lang = str(config.theme.get("language") or "")
        if lang not in LANGUAGES:
            raise PluginError(
                f"mkdocs.yml: plugin aci-quiz: the quiz language {lang!r} (theme.language) "
                f"is not one of {', '.join(LANGUAGES)} - set the plugin's option "
                f"language: {LANGUAGES[-1]}"
            )
        return lang

    def _languages(self, config: MkDocsConfig) -> tuple[str, ...]:
        """The languages every quiz text gives: the site's, or the one the option names."""
        if self.config.language and not has_i18n(config):
            return (str(self.config.language),)
        return course_languages(config)

    @event_priority(PRIORITY.quizzes_config)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate every quiz; a whole build forgets what the last one embedded."""
        self._language(config)
        with stop_build():
            version = self.config.course_version or course_version(config)
            if is_outer_build(config) or self.quizzes is None:
                root = project_root(config)
                self.quizzes = QuizBuild(
                    load_quizzes(root, self._languages(config), self.config.quizzes_dir),
                    version,
                    DiskCache.at(root, "quiz"),
                    as_scripts=assets.theme_loads_core(config),
                )
        self.quizzes.start_language()
        if is_outer_build(config):
            self.add_assets = self._wants_assets(config)
        if self.add_assets:
            assets.add_to_config(config)
        return config

    @event_priority(PRIORITY.files_add)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The quiz script and stylesheet, if the site's theme does not bring them."""
        if self.add_assets:
            try:
                assets.add_files(files, config)
            except assets.AssetsMissing as error:
                raise PluginError(str(error)) from None
        return files

    @event_priority(PRIORITY.quiz_embed)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Replace each quiz line by a placeholder and render its quiz."""
        assert self.quizzes is not None
        with stop_build():
            return self.quizzes.embed(
                markdown, page, project_root(config), Path(config.docs_dir), self._language(config)
            )

    @event_priority(PRIORITY.quiz_fill)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Put each rendered quiz (or its script's tag) where its placeholder is."""
        if page.content is not None and self.quizzes is not None:
            page.content = self.quizzes.fill(page.content)
            self.quizzes.write_scripts(Path(config.site_dir))
        return context

    @event_priority(PRIORITY.site_end)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Warn about each quiz that no page of any language embeds."""
        if is_outer_build(config) and self.quizzes is not None:
            for warning in self.quizzes.unused():
                log.warning(str(warning))
            self.quizzes.finish()
