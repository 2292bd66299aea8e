"""Quizzes of one build: each ``{{ quiz "id" }}`` line's form put in its page.

- :meth:`QuizBuild.embed` swaps each quiz line of a page for a placeholder and
  renders the quiz in the language being built (an unknown id stops the build
  with the author's ``file:line``);
- :meth:`QuizBuild.fill` puts the forms in place of the placeholders, once
  Material's search plugin has read the page (the forms are left out of the
  index anyway); with the course's theme, what it puts there is the tag of the
  script that writes the form (:mod:`aci_course.quiz.scripts`), and
  :meth:`QuizBuild.write_scripts` writes those scripts, once per quiz and language;
- :meth:`QuizBuild.unused` names, once for the whole site, the quizzes no page embeds.

static-i18n builds the site once per language; the quizzes seen on pages are
collected over all of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from mkdocs.structure.pages import Page

from aci_course.core import site_files
from aci_course.core.disk_cache import DiskCache
from aci_course.core.errors import AuthorError
from aci_course.core.sources import quiz_directives
from aci_course.core.yamlsource import read_text
from aci_course.course.pages import PRE_TEST_META
from aci_course.course.publish import module_of, source_of
from aci_course.quiz import scripts
from aci_course.quiz.embed import embed_quizzes, fill_slots
from aci_course.quiz.model import Quiz
from aci_course.quiz.render import FormCache, render_quiz


class QuizBuild:
    """The quizzes of one whole build and what its pages embedded."""

    def __init__(
        self,
        quizzes: dict[str, Quiz],
        course_version: str,
        cache: DiskCache | None = None,
        *,
        as_scripts: bool = False,
    ) -> None:
        self.quizzes = quizzes  # full id -> quiz
        self.course_version = course_version
        self.render = FormCache(cache) if cache is not None else render_quiz
        # True: each form in its own script (the course's theme loads core.js in the head)
        self.as_scripts = as_scripts
        self.slots: dict[str, str] = {}  # placeholder -> form HTML, language being built
        self.used: set[str] = set()  # full ids embedded by some page of any language
        self.waiting: dict[str, tuple[Quiz, str]] = {}  # script path -> (quiz, language)
        self.written: set[str] = set()  # script paths written, language being built

    def start_language(self) -> None:
        """A language build starts: its placeholders and scripts are its own."""
        self.slots.clear()
        self.waiting.clear()
        self.written.clear()

    def _slot(self, quiz: Quiz, lang: str, version: str, mode: str, page_url: str) -> str:
        """What stands where the page's quiz line was: the form, or its script's tag."""
        if not self.as_scripts:
            return self.render(quiz, lang, version, mode)
        if mode == "pre" and not quiz.scored_questions:
            return ""  # nothing to ask before (as render_quiz's pre mode)
        path = scripts.script_path(lang, quiz)
        if path not in self.written:
            self.waiting[path] = (quiz, lang)
        return scripts.script_tag(quiz, path, page_url, lang, mode)

    def write_scripts(self, site_dir: Path) -> None:
        """Write the scripts of the forms the pages so far asked for (each once per language)."""
        for path, (quiz, lang) in sorted(self.waiting.items()):
            form = self.render(quiz, lang, self.course_version, "both")
            site_files.write_text(site_dir / path, scripts.script_text(form))
            self.written.add(path)
        self.waiting.clear()

    def embed(self, markdown: str, page: Page, root: Path, docs_dir: Path, lang: str) -> str:
        """Replace each quiz line by a placeholder and render its quiz in ``lang``."""
        if "{{" not in markdown or not quiz_directives(markdown):
            return markdown
        display, path = page_source(page, root, docs_dir)
        embedded = embed_quizzes(
            markdown,
            module=module_of(page.file),
            source=display,
            source_text=read_text(path, display) if path.is_file() else "",
            quizzes=self.quizzes,
            lang=lang,
            course_version=self.course_version,
            slot_prefix=f"{lang}-{len(self.slots)}",
            mode=quiz_mode(page.meta),
            render=lambda quiz, lang, version, mode: self._slot(
                quiz, lang, version, mode, page.file.url
            ),
        )
        self.slots.update(embedded.slots)
        self.used.update(embedded.used)
        page.meta["aci_quiz"] = True  # overrides/main.html loads quiz.js on this page only
        return embedded.markdown

    def fill(self, content: str) -> str:
        """Each rendered quiz where its placeholder is."""
        return fill_slots(content, self.slots)

    def finish(self) -> None:
        """The whole build is done: the form cache keeps only what it used."""
        if isinstance(self.render, FormCache):
            self.render.forget_unused()

    def unused(self) -> list[AuthorError]:
        """A warning for each quiz that no page of any language embeds."""
        return [
            AuthorError(
                quiz.source,
                quiz.line,
                f'quiz "{full_id}" is not embedded in any page',
                f'add a line {{{{ quiz "{quiz.id}" }}}} to a lesson of '
                f"modules/{quiz.module}/ (or remove the quiz)",
            )
            for full_id, quiz in sorted(self.quizzes.items())
            if full_id not in self.used
        ]


def quiz_mode(meta: Mapping[str, object]) -> str:
    """``pre`` for a page of tests before a module, else ``normal``."""
    return "pre" if meta.get(PRE_TEST_META) == "pre" else "normal"


def page_source(page: Page, root: Path, docs_dir: Path) -> tuple[str, Path]:
    """The author's file of ``page``: its name for messages and its path."""
    lesson = source_of(page.file)
    if lesson:
        return lesson, root / lesson
    if page.file.abs_src_path:
        path = Path(page.file.abs_src_path).resolve()
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix(), path
    docs = docs_dir.resolve()
    folder = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name
    return f"{folder}/{page.file.src_uri}", docs / page.file.src_uri
