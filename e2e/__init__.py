"""Browser tests: Playwright on Debian's Chromium, axe at two widths (ARCHITECTURE.md §8, §11)."""
