"""Benchmarks: `make bench` (build time and size) and `make bench-search` (search)."""
