"""Plain, typed functions behind the course's MkDocs plugins.

Plugins in ``aci_course/plugins/`` stay thin: they read MkDocs' objects and call into this
package, which knows nothing about MkDocs and is tested without a build.
"""

LANGUAGES: tuple[str, ...] = ("ru", "be", "en")
"""Course languages, the default (served at the site root) first."""

DEFAULT_LANGUAGE = LANGUAGES[0]
