"""Harmonisation steps run after staging, inside the new warehouse file.

Each module exposes ``run(con, report)``; etl/registry.py lists them in the order they run.
A step reads ``stg_*`` tables and fills warehouse tables; it may add rejects to
``report.results`` entries.
"""
