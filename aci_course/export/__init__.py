"""Exports of the course beyond the site.

The USB zip, SCORM 1.2 packages, the ZIM files for Kiwix and the Moodle quiz bank
read what ``mkdocs build`` wrote (``site/``) or the author files (``quizzes/``),
never MkDocs' objects: ``aci_course.cli`` calls them after a build. The PDF
handbooks (:mod:`.pdf`) print pages of both editions with Chromium.
"""
