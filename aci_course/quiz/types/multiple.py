"""``multiple``: every right option must be chosen, checkboxes."""

from __future__ import annotations

from aci_course.quiz.model import MultipleQuestion
from aci_course.quiz.types import QuestionType, choice

TYPE = QuestionType(
    name="multiple",
    model=MultipleQuestion,
    moodle=choice.moodle,
    browser_handler="multiple",
    browser_key=choice.browser_key,
    form_view=choice.form_view,
    print_view=choice.print_view,
    key_view=choice.key_view,
)
