"""Two editions from one source, for one build: learner and facilitator.

- learner: every ``!!! facilitator`` block is removed from the Markdown before it is
  rendered, no facilitator file is published and the facilitator stylesheet is
  dropped, so nothing of it reaches pages, search index, sitemap or assets;
- facilitator: session plans (``modules/<id>/session-plan.html``), other files of
  ``modules/<id>/facilitator/<lang>/``, answer keys (``modules/<id>/answer-key.html``)
  and the "for trainers" pages of ``facilitator/<lang>/`` are published and put in
  the nav; trainer notes stay in place, marked ``data-facilitator``; every page says
  which edition it is;
- both: session plans are validated (structure, agenda minutes).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from aci_course.core.texts import t
from aci_course.course.languages import prefix
from aci_course.course.modules import Module, load_modules
from aci_course.course.publish import tag
from aci_course.editions import FACILITATOR, answer_key, edition
from aci_course.editions import session_plan as plans
from aci_course.quiz.load import load_quizzes
from aci_course.quiz.model import Quiz


class EditionBuild:
    """What one whole build of an edition publishes (raises AuthorError)."""

    def __init__(self, root: Path, which: str, languages: Sequence[str]) -> None:
        self.root = root
        self.edition = which
        self.modules: list[Module] = load_modules(root, languages)
        self.pages: dict[str, dict[str, dict[str, Path]]] = {}  # module -> name -> lang -> file
        for module in self.modules:
            plans.load_plans(module, root)
            self.pages[module.id] = plans.facilitator_pages(module, root)
        self.trainer = edition.trainer_pages(root) if self.facilitator else {}
        self.quizzes: dict[str, list[Quiz]] = {}  # module id -> its quizzes
        if self.facilitator:
            for quiz in load_quizzes(root, languages).values():
                self.quizzes.setdefault(quiz.module, []).append(quiz)

    @property
    def facilitator(self) -> bool:
        """True when this build is the facilitator edition."""
        return self.edition == FACILITATOR

    def configure(self, config: MkDocsConfig, lang: str) -> None:
        """Facilitator edition: its stylesheet, and its pages in the nav of ``lang``."""
        if not self.facilitator:
            return
        if edition.FACILITATOR_CSS not in config.extra_css:
            config.extra_css.append(edition.FACILITATOR_CSS)
        nav: list[Any] = config.nav or []
        for module in self.modules:
            entries: list[Any] = [
                self._module_page_src(module.id, name, lang)
                for name in _ordered(self.pages[module.id])
            ]
            edition.insert_after(nav, f"modules/{module.id}/index.md", entries)
            if module.id in self.quizzes and module.lessons:
                # After the last lesson, where the quizzes have been met.
                last = module.lessons[-1]
                shown, _ = last.source(lang)
                anchor = f"modules/{module.id}/{shown}/{last.name}"
                edition.insert_after(nav, anchor, [f"modules/{module.id}/answer-key.md"])
        if self.trainer:
            nav.append(
                {
                    t("editions.for-trainers", lang): [
                        _trainer_src(name, by_lang, lang) for name, by_lang in self.trainer.items()
                    ]
                }
            )
        config.nav = nav

    def add_files(self, files: Files, config: MkDocsConfig, lang: str) -> Files:
        """Learner: drop the facilitator stylesheet. Facilitator: add its pages."""
        if not self.facilitator:
            css = files.get_file_from_path(edition.FACILITATOR_CSS)
            if css is not None:
                files.remove(css)
            return files
        root = str(self.root)
        base = prefix(lang)
        for module in self.modules:
            for name in _ordered(self.pages[module.id]):
                src = self._module_page_src(module.id, name, lang)
                dest = f"{base}modules/{module.id}/{name.removesuffix('.md')}.html"
                file = File(src, root, config.site_dir, config.use_directory_urls, dest_uri=dest)
                shown = plans.shown_language(self.pages[module.id][name], lang)
                files.append(tag(file, module.id, shown, lang, src))
            quizzes = self.quizzes.get(module.id)
            if quizzes:
                title = t("editions.answer-key-title", lang, module=module.title[lang])
                file = File.generated(
                    config,
                    f"modules/{module.id}/answer-key.md",
                    content=answer_key.answer_key_page(title, quizzes, lang),
                )
                file.dest_uri = f"{base}modules/{module.id}/answer-key.html"
                files.append(tag(file, module.id, lang, lang))
        for name, by_lang in self.trainer.items():
            src = _trainer_src(name, by_lang, lang)
            dest = f"{base}{edition.TRAINER_PAGES}/{name.removesuffix('.md')}.html"
            file = File(src, root, config.site_dir, config.use_directory_urls, dest_uri=dest)
            files.append(tag(file, None, plans.shown_language(by_lang, lang), lang, src))
        return files

    def banner(self, context: dict[str, Any], lang: str) -> dict[str, Any]:
        """The facilitator edition says so on every page."""
        if self.facilitator:
            context["aci_edition_banner"] = edition.banner_html(lang)
        return context

    def _module_page_src(self, module_id: str, name: str, lang: str) -> str:
        shown = plans.shown_language(self.pages[module_id][name], lang)
        return plans.plan_source(module_id, shown, name)


def _ordered(pages: dict[str, dict[str, Path]]) -> list[str]:
    """The session plan first, then the module's other facilitator files by name."""
    return sorted(pages, key=lambda name: (name != plans.PLAN_NAME, name))


def _trainer_src(name: str, by_lang: dict[str, Path], lang: str) -> str:
    return f"{edition.TRAINER_PAGES}/{plans.shown_language(by_lang, lang)}/{name}"
