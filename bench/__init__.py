"""Benchmark suite of the Gaoxin Archive: `python -m bench --help`."""
