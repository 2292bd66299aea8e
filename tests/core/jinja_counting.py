"""A Jinja environment that counts what it compiles (the template cache tests)."""

from __future__ import annotations

from jinja2 import Environment


def counting(env: Environment) -> list[str]:
    """The names of the templates ``env`` compiles from now on, in order."""
    compiled: list[str] = []
    original = env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(str(name))
        return original(source, name, filename, raw, defer_init)

    env.compile = compile  # type: ignore[method-assign]
    return compiled
