"""Quizzes: ``quizzes/<module-id>.yml`` validated, embedded in lessons, rendered as forms.

- :mod:`aci_course.quiz.model` - the quiz file as typed models, one per question type
  (they check the YAML and give `schemas/quiz.schema.json`);
- :mod:`aci_course.quiz.load` - reading and validating the YAML files;
- :mod:`aci_course.quiz.render` - the HTML of a quiz in one language (Jinja templates);
- :mod:`aci_course.quiz.embed` - the ``{{ quiz "id" }}`` lines in lessons and pages.

Checking happens in the reader's browser (``overrides/assets/javascripts/quiz.js``)
from the answer key that :mod:`render` puts in the page.
"""
