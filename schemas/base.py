"""Shared building blocks for the dataset models.

Every published column is declared once, in a `DataFrameModel` with a description.
The Parquet schema (Arrow types + column descriptions), the Dagster column schema and
the data dictionary are all derived from these models by `schemas.registry`.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine

# Re-exported so the models read uniformly.
Date = pandas_engine.Date
String = pd.StringDtype
Int64 = pd.Int64Dtype
Float64 = pd.Float64Dtype
Bool = pd.BooleanDtype
UTC_US = {"unit": "us", "tz": "UTC"}

LANGUAGE_PATTERN = r"^([a-z]{2}|und)$"
HEX16 = r"^[0-9a-f]{16}$"
HEX64 = r"^[0-9a-f]{64}$"


def list_of_strings(description: str, **kwargs) -> pa.Field:
    """A list<string> column (pandas holds it as object; Arrow type from metadata)."""
    return pa.Field(description=description, metadata={"arrow": "list<string>"}, **kwargs)


class DatasetModel(pa.DataFrameModel):
    """Common config: exact column set, coerce to declared dtypes."""

    class Config:
        strict = True
        coerce = True
        ordered = True
