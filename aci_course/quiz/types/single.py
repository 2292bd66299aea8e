"""``single``: one right option, radio buttons."""

from __future__ import annotations

from aci_course.quiz.model import SingleQuestion
from aci_course.quiz.types import QuestionType, choice

TYPE = QuestionType(
    name="single",
    model=SingleQuestion,
    moodle=choice.moodle,
    browser_handler="single",
    browser_key=choice.browser_key,
    form_view=choice.form_view,
    print_view=choice.print_view,
    key_view=choice.key_view,
)
