"""Compiled Jinja templates kept for the whole process.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one
build per language, so one ``mkdocs build`` parsed and compiled Material's
templates and our overrides three times (and ``mkdocs serve`` again on every
rebuild): at the real course's size that was about a sixth of the build. Jinja
looks a template's code up in an environment's bytecode cache by name, file and a
checksum of its source; this cache adds the environment's compile-time settings
to the key, so an environment set up differently never gets another's code, and
an edited template (new checksum) is compiled afresh.

With a folder (:meth:`ProcessBytecodeCache.keep_on_disk`, ``.cache/templates/``) the
code also outlives the process, the way Python keeps ``__pycache__``: compiling
Material's templates and ours is then paid once, not by every ``mkdocs build``.
Jinja's own header on each entry (its bytecode version, Python's version, the
source checksum) and Jinja's version in the key make an entry that does not fit
this process count as missing.
"""

from __future__ import annotations

from types import CodeType

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

from aci_course.core.disk_cache import DiskCache, digest

DISK_SUFFIX = ".jinja"


def compile_settings(environment: Environment) -> str:
    """What decides how an environment compiles a template (besides its source)."""
    autoescape = environment.autoescape
    settings = (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        getattr(environment, "newstyle_gettext", None),
        autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", "?"),
        tuple(sorted(environment.extensions)),
    )
    return repr(settings)


class ProcessBytecodeCache(BytecodeCache):
    """Code objects of compiled templates, in memory, for every environment of the process."""

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], CodeType] = {}
        self._disk = DiskCache(None)

    def keep_on_disk(self, disk: DiskCache) -> None:
        """Also read and write compiled templates in ``disk`` (a project's cache folder)."""
        self._disk = disk

    @staticmethod
    def _disk_key(bucket: Bucket) -> str:
        return digest(jinja2.__version__, bucket.key, bucket.checksum)

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """As Jinja's, with the environment's compile settings in the key."""
        key = f"{self.get_cache_key(name, filename)}|{compile_settings(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket the code compiled earlier from the same source, if any."""
        code = self._code.get((bucket.key, bucket.checksum))
        if code is None:
            stored = self._disk.read_bytes(self._disk_key(bucket), DISK_SUFFIX)
            if stored is not None:
                bucket.bytecode_from_string(stored)  # left empty if it does not fit
                code = bucket.code
                if code is not None:
                    self._code[bucket.key, bucket.checksum] = code
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the code Jinja has just compiled."""
        if bucket.code is not None:
            self._code[bucket.key, bucket.checksum] = bucket.code
            self._disk.write_bytes(self._disk_key(bucket), bucket.bytecode_to_string(), DISK_SUFFIX)

    def clear(self) -> None:
        """Forget every compiled template."""
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


shared = ProcessBytecodeCache()
"""The one cache the build's environments share."""
