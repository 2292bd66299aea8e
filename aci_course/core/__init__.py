"""Shared plumbing every capability uses.

Author errors with ``path:line``, YAML with line marks, interface texts,
the Jinja environment, the build context and the safe (all-or-nothing) build.
"""
