"""The ``aci-course`` plugin: options in config.py, wiring in plugin.py."""
