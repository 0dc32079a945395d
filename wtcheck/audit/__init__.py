"""Auditing case exports: columns (which header is which date), the reader
(streaming, encodings, delimiters) and the engine (rows → findings)."""
