"""Plain, typed functions behind the course's MkDocs plugins.

Plugins in ``aci_course/plugins/`` stay thin: they read MkDocs' objects and call into this
package, which knows nothing about MkDocs and is tested without a build.
"""

LANGUAGES: tuple[str, ...] = ("ru", "be", "en")
"""The languages the package has interface texts for (``data/ui.yml``), the default
(served at the site root) first. A project's own texts follow the languages its
``mkdocs.yml`` configures (:func:`aci_course.core.build_context.course_languages`)."""

DEFAULT_LANGUAGE = LANGUAGES[0]
