"""Benchmarks: speed and memory measured as ratios within one run, never as timed unit tests."""
