"""Pandera models: the one place a published column is declared."""
