"""Kring benchmarks: `python -m bench.run [SCENARIO]` (bench/README.md). Never imported by kring."""
