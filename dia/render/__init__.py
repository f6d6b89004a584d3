"""Rendering: charts, maps and tables built from prepared frames, in one style vocabulary
(style.py)."""
