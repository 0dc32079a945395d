"""The ``wtcheck`` command: argument parsing and rendering only."""
