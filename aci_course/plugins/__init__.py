"""The course's MkDocs plugins, one folder each (registered in pyproject.toml).

``config.py`` holds a plugin's typed options, ``plugin.py`` wires MkDocs events to
the package (``aci_course.<capability>``), keeping the state of the build in
progress on the plugin instance. A plugin imports the package, never another
plugin; the package never imports this folder. Priorities:
:mod:`aci_course.core.priorities`.
"""
