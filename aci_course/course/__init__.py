"""The course itself.

Modules and lessons, the generated pages (overview, catalogue), languages and
fallbacks, translation coverage.
"""
