"""Pure text core: bytes and strings in, plain Python values out. No Dagster import here."""
