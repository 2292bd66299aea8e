"""Two editions from one source: learner (``mkdocs.yml``) and facilitator.

``extra.edition: facilitator`` (set by ``mkdocs-facilitator.yml``, which inherits
``mkdocs.yml``) builds the facilitator edition into ``site-facilitator/``. See
:mod:`aci_course.editions`.

- learner: every ``!!! facilitator`` block is removed from the Markdown before it is
  rendered, no facilitator file is published and the facilitator stylesheet is
  dropped, so nothing of it reaches pages, search index, sitemap or assets;
- facilitator: session plans (``modules/<id>/session-plan.html``), other files of
  ``modules/<id>/facilitator/<lang>/``, answer keys (``modules/<id>/answer-key.html``)
  and the "for trainers" pages of ``facilitator/<lang>/`` are published and put in
  the nav; trainer notes stay in place, marked ``data-facilitator``; every page says
  which edition it is;
- both: session plans are validated (structure, agenda minutes) and every lesson
  gets the button that starts present mode.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from aci_course.core.build_context import current_language, is_outer_build, project_root
from aci_course.core.errors import AuthorError
from aci_course.core.texts import t
from aci_course.course.languages import prefix
from aci_course.course.modules import LESSON_NAME, Module, load_modules
from aci_course.editions import FACILITATOR, answer_key, blocks, edition
from aci_course.editions import session_plan as plans
from aci_course.quiz.load import load_quizzes
from aci_course.quiz.model import Quiz


class _State:
    """What the build in progress knows (reset by the first language of each build)."""

    def __init__(self) -> None:
        self.edition = "learner"
        self.modules: list[Module] = []
        self.pages: dict[str, dict[str, dict[str, Path]]] = {}  # module -> name -> lang -> file
        self.quizzes: dict[str, list[Quiz]] = {}  # module id -> its quizzes
        self.trainer: dict[str, dict[str, Path]] = {}  # "for trainers" page -> lang -> file
        self.present: dict[str, str] = {}  # language -> present button (of this build)


_state = _State()


def _facilitator() -> bool:
    return _state.edition == FACILITATOR


# After the modules hook's on_config (-110), which has validated the modules and set
# the nav this adds to; its author errors come first.
@event_priority(-120)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the session plans; in the facilitator edition, extend the nav."""
    if blocks.EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(blocks.EXTENSION)
    root = project_root(config)
    _state.present.clear()
    if is_outer_build(config):
        try:
            _state.edition = edition.edition_of(config.extra, Path(config.config_file_path).name)
            _state.modules = load_modules(root)
            _state.pages = {}
            for module in _state.modules:
                plans.load_plans(module, root)
                _state.pages[module.id] = plans.facilitator_pages(module, root)
            _state.trainer = edition.trainer_pages(root) if _facilitator() else {}
            _state.quizzes = {}
            if _facilitator():
                for quiz in load_quizzes(root).values():
                    _state.quizzes.setdefault(quiz.module, []).append(quiz)
        except AuthorError as error:
            raise PluginError(str(error)) from None
    if _facilitator():
        if edition.FACILITATOR_CSS not in config.extra_css:
            config.extra_css.append(edition.FACILITATOR_CSS)
        _extend_nav(config, current_language(config))
    return config


def _extend_nav(config: MkDocsConfig, lang: str) -> None:
    nav: list[Any] = config.nav or []
    for module in _state.modules:
        entries: list[Any] = [
            _module_page_src(module.id, name, lang) for name in _ordered(_state.pages[module.id])
        ]
        edition.insert_after(nav, f"modules/{module.id}/index.md", entries)
        if module.id in _state.quizzes and module.lessons:
            # After the last lesson, where the quizzes have been met.
            last = module.lessons[-1]
            shown, _ = last.source(lang)
            anchor = f"modules/{module.id}/{shown}/{last.name}"
            edition.insert_after(nav, anchor, [f"modules/{module.id}/answer-key.md"])
    if _state.trainer:
        nav.append(
            {
                t("editions.for-trainers", lang): [
                    _trainer_src(name, by_lang, lang) for name, by_lang in _state.trainer.items()
                ]
            }
        )
    config.nav = nav


def _ordered(pages: dict[str, dict[str, Path]]) -> list[str]:
    """The session plan first, then the module's other facilitator files by name."""
    return sorted(pages, key=lambda name: (name != plans.PLAN_NAME, name))


def _module_page_src(module_id: str, name: str, lang: str) -> str:
    shown = plans.shown_language(_state.pages[module_id][name], lang)
    return plans.plan_source(module_id, shown, name)


def _trainer_src(name: str, by_lang: dict[str, Path], lang: str) -> str:
    return f"{edition.TRAINER_PAGES}/{plans.shown_language(by_lang, lang)}/{name}"


def _tag(file: File, module_id: str | None, shown: str, lang: str, source: str | None) -> File:
    """The attributes the other hooks read (as the modules hook sets them on lessons)."""
    file.locale = shown  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.alternates = {}  # type: ignore[attr-defined]
    file.aci_module = module_id  # type: ignore[attr-defined]
    if source is not None:
        file.aci_source = source  # type: ignore[attr-defined]
    return file


# After the modules hook (-150) has added the lessons and static-i18n (-100) has
# chosen this language's pages: i18n would misplace files outside docs/.
@event_priority(-160)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Learner: drop the facilitator stylesheet. Facilitator: add its pages."""
    if not _facilitator():
        css = files.get_file_from_path(edition.FACILITATOR_CSS)
        if css is not None:
            files.remove(css)
        return files
    lang = current_language(config)
    root = str(project_root(config))
    base = prefix(lang)
    for module in _state.modules:
        for name in _ordered(_state.pages[module.id]):
            src = _module_page_src(module.id, name, lang)
            dest = f"{base}modules/{module.id}/{name.removesuffix('.md')}.html"
            file = File(src, root, config.site_dir, config.use_directory_urls, dest_uri=dest)
            shown = plans.shown_language(_state.pages[module.id][name], lang)
            files.append(_tag(file, module.id, shown, lang, src))
        quizzes = _state.quizzes.get(module.id)
        if quizzes:
            title = t("editions.answer-key-title", lang, module=module.title[lang])
            file = File.generated(
                config,
                f"modules/{module.id}/answer-key.md",
                content=answer_key.answer_key_page(title, quizzes, lang),
            )
            file.dest_uri = f"{base}modules/{module.id}/answer-key.html"
            files.append(_tag(file, module.id, lang, lang, None))
    for name, by_lang in _state.trainer.items():
        src = _trainer_src(name, by_lang, lang)
        dest = f"{base}{edition.TRAINER_PAGES}/{name.removesuffix('.md')}.html"
        file = File(src, root, config.site_dir, config.use_directory_urls, dest_uri=dest)
        files.append(_tag(file, None, plans.shown_language(by_lang, lang), lang, src))
    return files


@event_priority(90)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Trainer notes: taken out of the learner edition's pages, marked in the facilitator's."""
    config.mdx_configs[blocks.EXTENSION] = {"keep": _facilitator()}
    return markdown


def _is_lesson(page: Page) -> bool:
    source = getattr(page.file, "aci_source", None)
    if not isinstance(source, str) or getattr(page.file, "aci_module", None) is None:
        return False
    parts = source.split("/")
    return len(parts) == 4 and LESSON_NAME.match(parts[3]) is not None


def _banner(context: dict[str, Any], lang: str) -> None:
    if _facilitator():
        context["aci_edition_banner"] = edition.banner_html(lang)


# After static-i18n (+50) has prepared the page context of the language being built.
@event_priority(40)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """The edition banner, and the present button on lessons."""
    lang = current_language(config)
    _banner(context, lang)
    if _is_lesson(page):
        if lang not in _state.present:  # the same button on every lesson of a language
            _state.present[lang] = edition.present_button_html(lang, _facilitator())
        context["aci_present_html"] = _state.present[lang]
    return context


# The same banner on pages rendered from a template alone (404.html).
@event_priority(40)
def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """The edition banner on template pages."""
    _banner(context, current_language(config))
    return context
