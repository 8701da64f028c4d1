"""Employee import from CSV: reading the file and planning the changes (no writes here).

The services that store and apply an import live in `kring.accounts.services.importing`.
"""
