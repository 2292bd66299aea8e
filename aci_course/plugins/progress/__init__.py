"""The ``aci-progress`` plugin: options in config.py, wiring in plugin.py."""
