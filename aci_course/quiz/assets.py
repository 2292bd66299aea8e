"""The quiz's front end for a site that does not bring it (a plain MkDocs + Material site).

The course's own theme (``overrides/main.html``) loads ``core.js`` and ``quiz.js`` on the
pages that hold a quiz, so its mkdocs.yml sets the plugin's ``assets: false``;
another site using only the ``aci-quiz`` plugin gets them from here: the files are
added to the site and to ``extra_javascript`` / ``extra_css``. They are the course's
own files (``overrides/assets/`` beside the package: an editable or source install).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import aci_course

# Site path -> file under the course's overrides/ folder, in loading order.
SCRIPTS = ("assets/javascripts/core.js", "assets/javascripts/quiz.js")
STYLESHEETS = ("assets/stylesheets/quiz.css",)


class AssetsMissing(RuntimeError):
    """The package was installed without the course's front-end files."""


def overrides_dir() -> Path:
    """The course's theme overrides, beside the package."""
    return Path(aci_course.__file__).resolve().parent.parent / "overrides"


def theme_loads_core(config: MkDocsConfig) -> bool:
    """True when the site's theme is the course's, whose head loads core.js on every page.

    Then a quiz's form can wait in its own script, which core.js's ``aci.quizForm``
    puts in place while the page is parsed (:mod:`aci_course.quiz.scripts`); in another
    theme core.js comes last (``extra_javascript``), so the form stays in the page.
    """
    own = overrides_dir()
    return any(Path(folder).resolve() == own for folder in config.theme.dirs)


def site_brings_them(config: MkDocsConfig) -> bool:
    """True when the site's own configuration already loads the quiz script."""
    return any(
        str(script).endswith(SCRIPTS[-1].rsplit("/", 1)[-1]) for script in config.extra_javascript
    )


def add_to_config(config: MkDocsConfig) -> None:
    """Load the script and stylesheet on every page (once, whatever the language build)."""
    for path in STYLESHEETS:
        if path not in config.extra_css:
            config.extra_css.append(path)
    for path in SCRIPTS:
        if path not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(path)


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """The script and stylesheet files themselves (raises AssetsMissing)."""
    base = overrides_dir()
    for path in (*STYLESHEETS, *SCRIPTS):
        source = base / path
        if not source.is_file():
            raise AssetsMissing(
                f"{source}: missing - install aci-course from its source folder "
                "(pip install -e <course folder>), which holds overrides/assets/"
            )
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, abs_src_path=str(source)))
    return files
