"""Exports of the course beyond the site: PDF handbooks (and, later, USB, SCORM, Moodle)."""
