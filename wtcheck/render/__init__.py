"""Rendering: turn results into text, tables, CSV, JSON. No computation here."""
