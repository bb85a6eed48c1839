"""The code location: assets, checks, resources, the job, a schedule and an inbox sensor."""


import hashlib
import os

import dagster as dg

from pipeline import assets
from pipeline.checks import build_checks
from pipeline.mt_resource import TranslationResource
from pipeline.report import report_asset
from pipeline.resources import ParquetIOManagerFactory, PipelineConfig
from pipeline.text.inbox import list_inbox

STAGE_ASSETS = [
    assets.raw_documents, assets.clean_documents, assets.segmented_documents, assets.language_documents,
    assets.translated_documents, assets.tagged_documents,
]
ALL_ASSETS = [*STAGE_ASSETS, *assets.DATASET_ASSETS, assets.published_datasets, report_asset]

refresh_job = dg.define_asset_job(
    "refresh_datasets", selection=dg.AssetSelection.all(),
    description="Materialize every asset on the inbox and publish the datasets.",
)

daily_refresh = dg.ScheduleDefinition(
    name="daily_refresh", job=refresh_job, cron_schedule="0 2 * * *", execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)


def inbox_fingerprint(settings: PipelineConfig) -> str:
    """Changes whenever a file is added, removed, resized or touched (stat only, nothing read)."""
    digest = hashlib.sha256()
    for rel in list_inbox(settings.inbox):
        try:
            st = os.lstat(settings.inbox / rel)
        except OSError:
            continue
        digest.update(f"{rel}\x00{st.st_size}\x00{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(job=refresh_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def inbox_sensor(context: dg.SensorEvaluationContext, settings: PipelineConfig):
    """Starts a refresh when the inbox changes."""
    fingerprint = inbox_fingerprint(settings)
    if fingerprint == context.cursor:
        return dg.SkipReason("inbox unchanged")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint)


def build_definitions(
    settings: PipelineConfig | None = None,
    translation: TranslationResource | None = None,
    io_manager: dg.ConfigurableIOManagerFactory | None = None,
) -> dg.Definitions:
    """The code location; tests and the CLI pass their own resources (temporary inbox, storage, models)."""
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=build_checks(),
        jobs=[refresh_job],
        schedules=[daily_refresh],
        sensors=[inbox_sensor],
        resources={
            "settings": settings or PipelineConfig(),
            "translation": translation or TranslationResource(),
            "io_manager": io_manager or ParquetIOManagerFactory(),
        },
    )


defs = build_definitions()
