"""Exports built from the same figures and frames the pages show: PowerPoint decks, chart
pictures (PNG/SVG) and chart data (xlsx/csv)."""
