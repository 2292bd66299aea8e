"""Learner progress kept on the reader's device: what its pages need at build time.

The browser does the work (``overrides/assets/javascripts/progress.js``); the
build gives it, per language, the course map (modules, lessons, the quizzes each
lesson embeds, pass marks) and the interface texts, and renders the progress
page, the trainer's group report and the lesson's "done" toggle from templates.
"""
