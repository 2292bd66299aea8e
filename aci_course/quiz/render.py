"""The HTML of a quiz in one language, from ``templates/quiz/`` (never by concatenation).

The page carries everything the browser needs to check answers offline: the
answer key and the interface texts of the page's language, as one JSON element
inside the form. Shuffled orders are derived from the quiz and question ids, so
they are the same in every language and in every build.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from aci_course.core.disk_cache import DiskCache, code_version, digest
from aci_course.core.templating import render
from aci_course.core.texts import for_language
from aci_course.quiz.model import Question, Quiz
from aci_course.quiz.types import question_type

SCRIPT_TEXTS = (
    "correct",
    "wrong",
    "unanswered",
    "mark-correct",
    "mark-wrong",
    "score",
    "passed",
    "failed",
    "stats",
    "incomplete",
    "question-link",
)
"""The ``quiz.*`` interface texts quiz.js shows (the others are in the HTML)."""

PRE_TEXTS = ("incomplete", "question-link", "pre-done", "pre-refused")
"""The texts quiz.js shows on a pre-test form, which shows no score, verdict or mark."""


def dom_id(*parts: str) -> str:
    """Return an element id unique on the page: ``aci-quiz--<module>--<quiz>--<question>``."""
    return "--".join(("aci-quiz", *parts))


def answer_key(question: Question, lang: str) -> dict[str, Any]:
    """Return what the browser script needs to check ``question`` (see quiz.js)."""
    return {"type": question.type, **question_type(question).browser_key(question, lang)}


def _script_json(data: object) -> Markup:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>``, no ``<!--``)."""
    return htmlsafe_json_dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


MODES = ("normal", "pre", "both")
"""How a form is checked: ``normal`` (feedback, retries) or ``pre`` (the test before a
module: one attempt, no feedback, no answers or explanations in the page). ``both`` is
the one form a lesson and its module's test before share (:mod:`aci_course.quiz.scripts`):
what only one of the modes shows is marked ``data-quiz-only``, and the browser keeps one
side (core.js ``aci.quizForm``), which gives the ``normal`` or ``pre`` form exactly. It
holds no ``script[data-quiz-data]``: each page carries its mode's (:func:`quiz_data`),
which the browser moves into the form."""


def _without_feedback(view: dict[str, Any]) -> dict[str, Any]:
    """A question's view with its explanation and option feedback left out (pre mode)."""
    view["explanation"] = None
    if isinstance(view.get("options"), list):
        view["options"] = [{**option, "feedback": None} for option in view["options"]]
    return view


def _question_view(quiz: Quiz, question: Question, number: int, lang: str) -> dict[str, Any]:
    """Plain data for the template of one question, in ``lang``."""
    base = dom_id(quiz.module, quiz.id, question.id)
    view: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "number": number,
        "dom": base,
        "text": question.text.in_(lang),
        "explanation": question.explanation.in_(lang) if question.explanation else None,
        "scored": question.scored,
    }
    kind = question_type(question)
    view["template"] = kind.form_template
    view.update(kind.form_view(question, lang, f"{quiz.full_id}/{question.id}"))
    return view


def render_quiz(quiz: Quiz, lang: str, course_version: str, mode: str = "normal") -> str:
    """Render the ``<form>`` of ``quiz`` in ``lang`` (see DESIGN.md, "Front-end contract").

    In ``pre`` mode only the scored questions are shown, numbered as in the lesson's
    form (so the numbers match the lesson, the report and the printed test), without
    explanations or option feedback; a quiz with nothing scored renders as nothing.
    ``both``: see :data:`MODES`.
    """
    if mode not in MODES:
        raise ValueError(f"quiz mode {mode!r} is not one of {', '.join(MODES)}")
    scored = quiz.scored_questions
    pre = mode == "pre"
    if pre and not scored:
        return ""
    views = [
        _question_view(quiz, question, number, lang)
        for number, question in enumerate(quiz.questions, start=1)
        if question.scored or not pre
    ]
    if pre:
        views = [_without_feedback(view) for view in views]
    return render(
        "quiz/quiz.html",
        lang=lang,
        quiz=quiz,
        dom=dom_id(quiz.module, quiz.id),
        title=quiz.title.in_(lang) if quiz.title else None,
        questions=views,
        total=len(scored),
        needed=quiz.points_needed,
        has_reflection=not pre and any(not q.scored for q in quiz.questions),
        mode=mode,
        course_version=course_version,
        data=None if mode == "both" else quiz_data(quiz, lang, mode),
    )


def quiz_data(quiz: Quiz, lang: str, mode: str) -> Markup:
    """What quiz.js reads from the form (``script[data-quiz-data]``) in ``mode``, as JSON.

    The answer key (in ``pre`` mode of the scored questions only), the points needed,
    the scored total and the interface texts quiz.js shows in that mode.
    """
    pre = mode == "pre"
    all_texts = for_language(lang, "quiz.")
    names = PRE_TEXTS if pre else SCRIPT_TEXTS
    asked = quiz.scored_questions if pre else quiz.questions
    data = {
        "key": {q.id: answer_key(q, lang) for q in asked},
        "needed": quiz.points_needed,
        "total": len(quiz.scored_questions),
        "texts": {name: all_texts[f"quiz.{name}"] for name in names},
    }
    return _script_json(data)


_PACKAGE = Path(__file__).resolve().parents[1]


def form_code() -> str:
    """What render_quiz's output depends on besides its arguments: templates, texts, code."""
    files = [
        *sorted((_PACKAGE / "templates" / "quiz").glob("*.html")),
        *sorted((_PACKAGE / "quiz").glob("*.py")),
        *sorted((_PACKAGE / "quiz" / "types").glob("*.py")),
        _PACKAGE / "data" / "ui.yml",
        _PACKAGE / "core" / "templating.py",
        _PACKAGE / "core" / "texts.py",
    ]
    return digest(version("jinja2"), version("markupsafe"), code_version(files))


class FormCache:
    """render_quiz with its forms kept on disk (``.cache/quiz/``), like dot's figures.

    A form is the same for the same quiz (all its data, as validated), language,
    mode and course version, templates, texts and code (:func:`form_code`, read once
    per build): a rebuild renders only the quizzes that changed.
    """

    def __init__(self, disk: DiskCache) -> None:
        self.code = form_code()
        self.disk = disk
        self.rendered = 0  # forms not found in the cache (tests read it)
        self.used: set[str] = set()
        self._data: dict[int, tuple[Quiz, str]] = {}  # id -> (quiz, its data as JSON)

    def __call__(self, quiz: Quiz, lang: str, course_version: str, mode: str = "normal") -> str:
        """The form render_quiz gives, from the cache when it is there."""
        known = self._data.get(id(quiz))
        if known is None or known[0] is not quiz:  # (the quiz is kept, so its id stays its own)
            known = self._data[id(quiz)] = (quiz, quiz.model_dump_json())
        key = digest(self.code, known[1], lang, course_version, mode)
        self.used.add(key)
        stored = self.disk.read_text(key, ".html")
        if stored is not None:
            return stored
        form = render_quiz(quiz, lang, course_version, mode)
        self.rendered += 1
        self.disk.write_text(key, form, ".html")
        return form

    def forget_unused(self) -> None:
        """After a whole build: drop the forms it did not use (edited or removed quizzes)."""
        for path in self.disk.entries(".html"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
