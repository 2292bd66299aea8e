"""The learner and the facilitator edition of the course, from one source.

Session plans (``modules/<id>/facilitator/<lang>/session-plan.md``), trainer notes
inside lessons (``!!! facilitator "Title"`` admonitions), the answer keys, the
"for trainers" pages, and what present mode needs on a lesson page.
"""

LEARNER = "learner"
FACILITATOR = "facilitator"
