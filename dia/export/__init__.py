"""Exports built from the same figures and frames the pages show: spreadsheets, the indicator
ledger (Excel, PDF), PowerPoint decks, chart pictures (PNG/SVG) and chart data (xlsx/csv)."""
