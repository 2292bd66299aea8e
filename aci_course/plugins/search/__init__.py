"""The ``aci-search`` plugin: options in config.py, wiring in plugin.py."""
