"""A bare Django project with one view: the reference every benchmark is measured beside."""
