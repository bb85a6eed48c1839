"""Korea–Russia document ETL: a pure text core (`pipeline.text`) and a thin Dagster layer."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
