"""Shuffled orders that never change: the same in every language, build and Python."""

from __future__ import annotations

import hashlib


def shuffled(count: int, seed: str) -> list[int]:
    """Return a fixed permutation of ``range(count)`` derived from ``seed``; never the identity.

    A Fisher-Yates shuffle driven by SHA-256 rather than :mod:`random`, so the
    order cannot change with the Python version.
    """
    order = list(range(count))
    for i in range(count - 1, 0, -1):
        digest = hashlib.sha256(f"{seed}:{i}".encode()).digest()
        j = int.from_bytes(digest[:8], "big") % (i + 1)
        order[i], order[j] = order[j], order[i]
    if count > 1 and order == sorted(order):  # shown in the right order, it gives the answer
        order = order[1:] + order[:1]
    return order
