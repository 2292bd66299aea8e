"""The ``aci-quality`` plugin: options in config.py, wiring in plugin.py."""
