"""One module per scenario, each with `run(bench) -> results` (see bench/run.py)."""
