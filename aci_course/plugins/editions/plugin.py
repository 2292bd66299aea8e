"""``aci-editions``: learner and facilitator editions from one source; present mode.

``mkdocs-facilitator.yml`` inherits ``mkdocs.yml`` and sets ``edition: facilitator``
(built into ``site-facilitator/``). See :mod:`aci_course.editions.build`: the learner
edition drops every trainer note and facilitator file; the facilitator edition adds
session plans, answer keys and the "for trainers" pages, marks trainer notes and says
which edition it is on every page. Present mode's button (with the trainer notes'
texts in the facilitator edition) is drawn on every lesson by aci.js from the
language's texts script (``aci-quality``'s ``lesson_controls``).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from aci_course.core.build_context import (
    course_languages,
    current_language,
    is_outer_build,
    project_root,
)
from aci_course.core.errors import stop_build
from aci_course.core.priorities import PRIORITY
from aci_course.editions import FACILITATOR, blocks
from aci_course.editions.build import EditionBuild
from aci_course.plugins.editions.config import EditionsConfig


class EditionsPlugin(BasePlugin[EditionsConfig]):
    """One edition of the course (see the module's docstring)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.edition: EditionBuild | None = None

    @property
    def facilitator(self) -> bool:
        """True when this build is the facilitator edition."""
        return bool(self.config.edition == FACILITATOR)

    @event_priority(PRIORITY.editions_config)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Validate the session plans; in the facilitator edition, extend the nav."""
        if blocks.EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(blocks.EXTENSION)
        if is_outer_build(config) or self.edition is None:
            with stop_build():
                self.edition = EditionBuild(
                    project_root(config), self.config.edition, course_languages(config)
                )
        self.edition.configure(config, current_language(config))
        return config

    @event_priority(PRIORITY.editions_files)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Learner: drop the facilitator stylesheet. Facilitator: add its pages."""
        assert self.edition is not None
        return self.edition.add_files(files, config, current_language(config))

    @event_priority(PRIORITY.facilitator_blocks)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Trainer notes: taken out of the learner edition's pages, marked in the facilitator's.

        The Markdown extension (:mod:`aci_course.editions.blocks`) does it; MkDocs makes
        the page's Markdown converter after this event, with these options.
        """
        config.mdx_configs[blocks.EXTENSION] = {"keep": self.facilitator}
        return markdown

    @event_priority(PRIORITY.page_context)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """The edition banner."""
        assert self.edition is not None
        return self.edition.banner(context, current_language(config))

    @event_priority(PRIORITY.page_context)
    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """The edition banner on template pages."""
        assert self.edition is not None
        return self.edition.banner(context, current_language(config))
