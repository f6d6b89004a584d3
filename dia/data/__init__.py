"""Data per topic: queries from dia/sql and their shaping; frames ready to show. Also the
warehouse connection and query runner (warehouse.py)."""
