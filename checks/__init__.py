"""Checks of the source tree that run with `make test` (not shipped with the app)."""
