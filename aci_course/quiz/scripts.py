"""A quiz's form written once per language, as a script its lesson and its pre-test load.

A module's quiz shows twice in a language: in its lesson and on the module's test
before (``modules/<id>/pretest.html``, the same questions in pre-test mode). Written
into both pages, its form was the biggest part of the pre-test pages and a tenth of
each lesson with a quiz (issue 22). The build writes it once, into
``assets/javascripts/quiz/<lang>/<module>/<quiz>.js``
(:func:`script_path`; no ``modules/`` in it: an export of one module takes ``assets/``
whole), rendered in mode ``both`` (:data:`aci_course.quiz.render.MODES`). Each page
carries, where the form was (template ``quiz/script.html``), the quiz's data for its
mode (``script[data-quiz-data]``: the answer key and texts, which differ between the
modes), a plain ``<script src>`` (``data-quiz-mode="pre"`` on the test before) and a
``<noscript>``. The script calls ``aci.quizForm`` (core.js, loaded in the head), which
writes the form in place of its tag while the page is parsed and moves the data into
it: the form is in the page before quiz.js and Material's bundle run, nothing moves
once drawn, and it works over ``file://`` (no module script, no fetch). The form it
writes is the one ``render_quiz`` gives in that mode.

The service worker of each language precaches its own forms
(:mod:`aci_course.progress.webapp`); Material's search never sees them (it indexes
the page, where only the tag is).
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from aci_course.core.templating import render
from aci_course.quiz.model import Quiz
from aci_course.quiz.render import quiz_data

FOLDER = "assets/javascripts/quiz"
"""Where the forms wait, one script per quiz and language (``quiz/<lang>/<module>/<quiz>.js``)."""

WRITER = "window.aci.quizForm"
"""The function of core.js that puts a form in place of its script's tag."""


def script_path(lang: str, quiz: Quiz) -> str:
    """Site path of the script holding ``quiz``'s form in ``lang``."""
    return f"{FOLDER}/{lang}/{quiz.module}/{quiz.id}.js"


def js_string(text: str) -> str:
    """``text`` as a JavaScript template literal: HTML's many ``"`` stay as they are.

    A JSON string would escape every attribute's quotes (5 % more bytes); a template
    literal escapes only its own specials: the backslash, the backtick, ``${`` and a
    carriage return (which JavaScript would read as a newline).
    """
    escaped = (
        text.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${").replace("\r", "\\r")
    )
    return f"`{escaped}`"


def script_text(form: str) -> str:
    """The script of one form: ``aci.quizForm(its own tag, the form's HTML)``."""
    return f"{WRITER}(document.currentScript,{js_string(form)});\n"


def script_tag(quiz: Quiz, path: str, page_url: str, lang: str, mode: str) -> str:
    """What the page carries where the form was: its data, the script's tag, a ``<noscript>``."""
    return render(
        "quiz/script.html",
        data=quiz_data(quiz, lang, mode),
        src=get_relative_url(path, page_url),
        lang=lang,
        pre=mode == "pre",
    )
