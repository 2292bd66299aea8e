"""The ``aci-editions`` plugin: options in config.py, wiring in plugin.py."""
