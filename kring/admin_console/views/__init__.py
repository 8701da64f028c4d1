"""The admin console: everyday administration on real pages, one module per area."""
