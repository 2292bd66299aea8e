"""What the header's display options need: texts in the page's language, storage key.

The text-size control (``overrides/partials/text-size.html``, ``a11y.js``) offers
three steps and remembers the reader's choice in browser storage under
``aci:<course version>:text-size``; the palette toggles get labels in the page's
language instead of one mixed label.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from aci_course.core.templating import render
from aci_course.core.texts import for_language

TEXT_SIZE_STEPS = 3
"""Normal, large, largest (CSS in a11y.css scales Material's root font size)."""


def storage_key(course_version: str, name: str) -> str:
    """Browser storage key: ``aci:`` and the course version first (DESIGN.md)."""
    return f"aci:{course_version}:{name}"


TEXTS_SCRIPT = "assets/javascripts/texts/{lang}.js"
"""The texts a lesson needs as it opens (its controls' markup, :data:`AT_LOAD`), once per
language (core.js ``aci.texts``); it names :data:`LATER_SCRIPT`."""

LATER_SCRIPT = "assets/javascripts/texts/{lang}.later.js"
"""The texts of controls opened on demand, loaded with the first that opens."""

ON_DEMAND = ("a11y.", "listen.", "present.", "forget.")
"""Texts of the reading-settings panel (a11y.js builds it when first opened), of the
read-aloud player (listen.js), of present mode (present.js) and of the "forget my
answers" confirmation and the "no voice" note (aci.js): written once per language
instead of into every page. The trainer notes' texts (``present.notes*``) stay out:
they belong to the facilitator edition, whose Present button carries them."""

AT_LOAD = ("listen.no-voice",)
"""Texts of :data:`ON_DEMAND` a lesson shows as it opens (the read-aloud box's note on a
device without a voice): in :data:`TEXTS_SCRIPT`, with the controls' markup; the rest
waits in :data:`LATER_SCRIPT` (issue 22: a lesson's first load stays under its budget)."""

CONTROLS = "html."
"""The key prefix of a lesson control's markup in the texts (``html.present``...): a
lesson's controls did nothing without scripts, so no page carries them; the scripts
that own them draw them from here (a lesson loads this script at once, core.js)."""


def texts_path(lang: str) -> str:
    """Site path of the texts of ``lang`` a lesson needs as it opens."""
    return TEXTS_SCRIPT.format(lang=lang)


def later_path(lang: str) -> str:
    """Site path of the texts of ``lang`` that wait for a control to open."""
    return LATER_SCRIPT.format(lang=lang)


def _assign(texts: Mapping[str, str]) -> str:
    data = json.dumps(texts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"Object.assign(window.aci.ui=window.aci.ui||{{}},{data});\n"


def texts_scripts(lang: str, controls: Mapping[str, str] | None = None) -> dict[str, str]:
    """Site path -> script: the two scripts that fill ``window.aci.ui`` in ``lang``.

    ``controls``: the markup of the lesson controls in ``lang`` by name (``present``,
    ``listen``, ``plain``, ``lesson-done``), each from its own template, which goes into
    the first script with the texts of :data:`AT_LOAD`; the first names the second
    (``window.aci.uiLater``, below ``assets/javascripts/``), which holds the rest.
    """
    texts: dict[str, str] = {}
    for prefix in ON_DEMAND:
        texts.update(for_language(lang, prefix))
    texts = {key: text for key, text in texts.items() if not key.startswith("present.notes")}
    first = {key: texts.pop(key) for key in AT_LOAD if key in texts}
    first.update({CONTROLS + name: html for name, html in (controls or {}).items()})
    later = later_path(lang)
    named = json.dumps(later.removeprefix("assets/javascripts/"))
    return {
        texts_path(lang): _assign(first) + f"window.aci.uiLater={named};\n",
        later: _assign(texts),
    }


def template_context(lang: str, course_version: str) -> dict[str, object]:
    """Variables for the header templates of a page in ``lang``."""
    return {
        "aci_a11y": for_language(lang, "a11y."),
        "aci_texts": texts_path(lang),
        "aci_text_size_key": storage_key(course_version, "text-size"),
        "aci_storage_prefix": storage_key(course_version, ""),  # core.js's aci.key()
        "aci_text_size_steps": list(range(TEXT_SIZE_STEPS)),
    }


VOICE_FALLBACK = {"be": "ru"}
"""A language whose voice the reader may choose when the device has none of the page's:
Belarusian readers read Russian, and devices often lack a Belarusian voice."""


def listen_html(lang: str) -> str:
    """The read-aloud control of a lesson in ``lang`` (``templates/quality/listen.html``).

    Drawn by aci.js from the texts script (``html.listen``).
    """
    return render("quality/listen.html", lang=lang, fallback=VOICE_FALLBACK.get(lang, ""))
