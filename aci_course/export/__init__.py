"""Exports of a built course: the USB zip, SCORM 1.2 packages, the Moodle quiz bank.

Each export reads what ``mkdocs build`` wrote (``site/``) or the author files
(``quizzes/``), never MkDocs' objects: ``aci_course.cli`` calls them after a build.
"""
