"""Print-ready A4 PDFs per module and language: ``dist/pdf/<lang>/<module>-<kind>.pdf``.

Three documents per module:

- ``participant-handbook``: the lessons (worksheets are lessons) with trainer notes
  removed and each quiz as questions with empty boxes, no answers;
- ``facilitator-guide``: the session plan, the lessons with the trainer notes, and the
  answer key with explanations;
- ``training-kit``: an attendance sheet, the module's quizzes as a test to give before
  and after the training, a separate answer sheet, and an evaluation form.

Each has a cover (course, module, course version, licence), a table of contents and
page numbers. The HTML comes from Jinja templates (``templates/export/``); Chromium
prints it (Playwright's ``page.pdf``), the same Debian Chromium the browser tests use,
so no second rendering engine and no extra system libraries are needed. Lessons are
rendered with the site's Markdown extensions; a language without a translation of a
lesson or plan uses the Russian one, marked as such.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from aci_course import LANGUAGES
from aci_course.core.build_context import course_languages
from aci_course.core.errors import AuthorError
from aci_course.core.project import course_version
from aci_course.core.sources import quiz_directives, read_source
from aci_course.core.templating import render
from aci_course.core.texts import t
from aci_course.core.yamlsource import read_text
from aci_course.course.facts import Facts, facts_file, load_facts, render_facts
from aci_course.course.figures import CACHE_FOLDER, Drawer, fill_slots, load_figures, place_figures
from aci_course.course.modules import Module, load_modules
from aci_course.editions import answer_key, blocks
from aci_course.editions import session_plan as plans
from aci_course.export.project import CONFIG_FILE, ExportError, project_config
from aci_course.quiz.embed import resolve
from aci_course.quiz.model import Quiz
from aci_course.quiz.types import question_type

KINDS = ("participant-handbook", "facilitator-guide", "training-kit")
IMAGE_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")(?P<src>[^":#?]+)(")')
PLACEHOLDER = "ACIQUIZSLOT{}END"
CHROMIUM = os.environ.get("ACI_CHROMIUM", "/usr/bin/chromium")
ATTENDANCE_ROWS = 18


@dataclass(frozen=True)
class Document:
    """One PDF to write: its place and its HTML."""

    module: str
    lang: str
    kind: str
    html: str

    @property
    def name(self) -> str:
        """``<lang>/<module>-<kind>.pdf``, under the output folder."""
        return f"{self.lang}/{self.module}-{self.kind}.pdf"


# --- pieces --------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkdownSettings:
    """The site's Markdown extensions and their options, as the loaded mkdocs.yml has them."""

    extensions: list[Any]
    configs: dict[str, Any]

    @classmethod
    def of(cls, config: MkDocsConfig) -> MarkdownSettings:
        """The build's settings, without heading permalinks (a "¶" means nothing on paper)."""
        configs = {name: dict(options) for name, options in config.mdx_configs.items()}
        if "toc" in configs:
            configs["toc"]["permalink"] = False
        return cls(list(config.markdown_extensions), configs)


def markdown_html(
    text: str, image_dir: Path, settings: MarkdownSettings, keep_notes: bool = True
) -> str:
    """Markdown (front matter removed) as HTML, images pointing at their files.

    Trainer notes are kept and marked, or taken out (``keep_notes``), as on the site.
    """
    extensions = [name for name in settings.extensions if name != blocks.EXTENSION]
    html = markdown.markdown(
        read_source(text).body,
        extensions=[*extensions, blocks.EXTENSION],
        extension_configs={**settings.configs, blocks.EXTENSION: {"keep": keep_notes}},
    )
    return IMAGE_SRC.sub(
        lambda m: m.group(1) + (image_dir / m.group("src")).resolve().as_uri() + m.group(3), html
    )


def print_quiz(quiz: Quiz, lang: str) -> dict[str, Any]:
    """A quiz as the printed questions show it (shuffles as on the site), no answers."""
    questions: list[dict[str, Any]] = []
    for number, question in enumerate(quiz.questions, start=1):
        seed = f"{quiz.full_id}/{question.id}"
        view: dict[str, Any] = {
            "number": number,
            "type": question.type,
            "text": question.text.in_(lang),
            "choices": [],
            "left": [],
            "right": [],
        }
        kind = question_type(question)
        view["template"] = kind.print_template
        view.update(kind.print_view(question, lang, seed))
        questions.append(view)
    return {"id": quiz.full_id, "questions": questions}


def print_quiz_html(quiz: Quiz, lang: str) -> str:
    """The printed quiz: questions with empty boxes and lines to write on."""
    return render("export/quiz.html", lang=lang, quiz=print_quiz(quiz, lang))


@dataclass(frozen=True)
class Section:
    """A part of a document: a TOC entry and its HTML."""

    id: str
    title: str
    html: str
    borrowed: str | None = None  # the language shown when the reader's is missing


def _quiz_slots(
    text: str, module_id: str, display: str, quizzes: dict[str, Quiz], lang: str
) -> tuple[str, list[str]]:
    """Each ``{{ quiz "id" }}`` line replaced by a placeholder, and the printed quizzes."""
    printed: list[str] = []
    lines = text.splitlines()
    for directive in quiz_directives(text):
        line = directive.index + 1
        if directive.written is None:  # the site build names it first; this is for `make pdf` alone
            raise AuthorError(display, line, "cannot read this quiz line", "see quizzes/README.md")
        quiz = resolve(directive.written, module_id, quizzes, display, line)
        lines[directive.index] = "\n" + PLACEHOLDER.format(len(printed)) + "\n"
        printed.append(print_quiz_html(quiz, lang))
    return "\n".join(lines) + "\n", printed


def lesson_sections(
    module: Module,
    lang: str,
    quizzes: dict[str, Quiz],
    keep_notes: bool,
    settings: MarkdownSettings,
    facts: Facts | None = None,
    drawer: Drawer | None = None,
) -> list[Section]:
    """Every lesson of the module in ``lang`` (else Russian), its quiz lines printed.

    Country facts (``{{ fact "id" }}``) are printed as the site shows them, their
    sources added to the lesson's Sources; figures (``{{ figure "name" }}``) are drawn
    in ``lang`` as on the site.
    """
    sections: list[Section] = []
    figures = load_figures(module.folder, module.id, module.folder.parent.parent, module.languages)
    drawer = drawer or Drawer(module.folder.parent.parent / CACHE_FOLDER)
    for number, lesson in enumerate(module.lessons, start=1):
        shown, path = lesson.source(lang)
        display = f"modules/{module.id}/{shown}/{lesson.name}"
        text = read_text(path, display)
        if facts is not None:
            rendered = render_facts(text, facts=facts, lang=lang, source=display, source_text=text)
            text = rendered.markdown
        placed = place_figures(
            text,
            module=module.id,
            figures=figures,
            lang=lang,
            drawer=drawer,
            source=display,
            source_text=read_text(path, display),
        )
        text, printed = _quiz_slots(placed.markdown, module.id, display, quizzes, lang)
        html = fill_slots(markdown_html(text, path.parent, settings, keep_notes), placed.slots)
        for index, quiz_html in enumerate(printed):
            html = html.replace(f"<p>{PLACEHOLDER.format(index)}</p>", quiz_html)
        sections.append(
            Section(
                id=f"lesson-{number}",
                title=lesson.title(lang),
                html=html,
                borrowed=shown if shown != lang else None,
            )
        )
    return sections


def plan_section(
    module: Module, lang: str, root: Path, settings: MarkdownSettings
) -> Section | None:
    """The module's session plan in ``lang`` (else Russian), if it has one."""
    found = plans.load_plans(module, root)
    if not found:
        return None
    shown = plans.shown_language(found, lang)
    plan = found[shown]
    html = markdown_html(read_text(plan.path, plan.source), plan.path.parent, settings)
    return Section(
        id="session-plan",
        title=plan.title,
        html=html,
        borrowed=shown if shown != lang else None,
    )


# --- documents -----------------------------------------------------------------------


def _document(
    module: Module, lang: str, kind: str, sections: Sequence[Section], version: str
) -> Document:
    html = render(
        "export/document.html",
        lang=lang,
        kind=kind,
        module=module,
        title=module.title[lang],
        summary=module.summary[lang],
        version=version,
        sections=[
            {"id": s.id, "title": s.title, "html": Markup(s.html), "borrowed": s.borrowed}
            for s in sections
        ],
    )
    return Document(module=module.id, lang=lang, kind=kind, html=html)


def documents(
    module: Module,
    lang: str,
    root: Path,
    quizzes: dict[str, Quiz],
    version: str,
    settings: MarkdownSettings,
    facts: Facts | None = None,
) -> list[Document]:
    """The three documents of one module in one language."""
    own = [quiz for quiz in quizzes.values() if quiz.module == module.id]
    handbook = lesson_sections(module, lang, quizzes, False, settings, facts)
    guide: list[Section] = []
    plan = plan_section(module, lang, root, settings)
    if plan is not None:
        guide.append(plan)
    guide += lesson_sections(module, lang, quizzes, True, settings, facts)
    if own:
        guide.append(
            Section(
                id="answer-key",
                title=t("editions.answer-key", lang),
                html=answer_key.answer_key_html(own, lang, heading_level=2),
            )
        )
    kit = [
        Section(
            id="attendance",
            title=t("export.attendance", lang),
            html=render("export/attendance.html", lang=lang, rows=range(1, ATTENDANCE_ROWS + 1)),
        )
    ]
    if own:
        kit.append(
            Section(
                id="test",
                title=t("export.test", lang),
                html=render(
                    "export/test.html",
                    lang=lang,
                    quizzes=[Markup(print_quiz_html(quiz, lang)) for quiz in own],
                ),
            )
        )
        kit.append(
            Section(
                id="answer-sheet",
                title=t("export.answer-sheet", lang),
                html=answer_key.answer_key_html(own, lang, heading_level=2),
            )
        )
    kit.append(
        Section(
            id="evaluation",
            title=t("export.evaluation", lang),
            html=render("export/evaluation.html", lang=lang),
        )
    )
    return [
        _document(module, lang, "participant-handbook", handbook, version),
        _document(module, lang, "facilitator-guide", guide, version),
        _document(module, lang, "training-kit", kit, version),
    ]


def all_documents(
    root: Path,
    module_ids: Iterable[str] = (),
    langs: Iterable[str] = LANGUAGES,
    config_file: str = CONFIG_FILE,
) -> list[Document]:
    """Every document of the chosen modules (all when none is named) and languages."""
    from aci_course.quiz.load import load_quizzes

    config = project_config(root, config_file)
    version = course_version(config)
    settings = MarkdownSettings.of(config)
    languages = course_languages(config)
    facts = load_facts(root, languages, facts_file(config.extra))
    chosen = set(module_ids)
    modules = [m for m in load_modules(root, languages) if not chosen or m.id in chosen]
    quizzes = load_quizzes(root, languages)
    return [
        document
        for module in modules
        for lang in langs
        for document in documents(module, lang, root, quizzes, version, settings, facts)
    ]


# --- printing --------------------------------------------------------------------------


def print_pdfs(docs: Sequence[Document], out: Path) -> list[Path]:
    """Print each document to ``out/<lang>/<module>-<kind>.pdf`` with Chromium (A4)."""
    try:
        from playwright.sync_api import Error as BrowserError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ExportError("Playwright is not installed - run make deps") from None

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        launch: dict[str, Any] = {"args": ["--no-sandbox", "--disable-gpu"]}
        if Path(CHROMIUM).is_file():
            launch["executable_path"] = CHROMIUM
        try:
            browser = pw.chromium.launch(**launch)
        except BrowserError as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else "no reason given"
            raise ExportError(
                f"{CHROMIUM}: Chromium does not start ({first.rstrip('.')}) - "
                "apt-get install chromium, or set ACI_CHROMIUM to a Chromium"
            ) from None
        # Nothing but the document's own files: the print is made offline, like the site.
        context = browser.new_context()
        context.route(
            re.compile(r"^(https?|wss?):"),
            lambda route: route.abort(),
        )
        page = context.new_page()
        for doc in docs:
            source = Path(tmp) / f"{doc.lang}-{doc.module}-{doc.kind}.html"
            source.write_text(doc.html, encoding="utf-8")
            target = out / doc.name
            target.parent.mkdir(parents=True, exist_ok=True)
            page.goto(source.as_uri())
            page.wait_for_load_state("load")
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                prefer_css_page_size=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=render("export/footer.html", lang=doc.lang),
                margin={"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
                outline=True,
                tagged=True,
            )
            written.append(target)
        browser.close()
    return written
