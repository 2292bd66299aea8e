"""The ``aci-quiz`` plugin: options in config.py, wiring in plugin.py."""
