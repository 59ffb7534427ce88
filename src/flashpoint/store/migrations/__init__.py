"""Numbered schema migrations (SQL files), applied in order by :mod:`..migrate`."""
