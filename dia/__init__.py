"""Shared application code of the DIA Monitor dashboard."""
