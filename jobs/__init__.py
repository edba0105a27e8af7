"""Scheduled work: feed polling and ingest, notification dispatch. Never imports ``bot``."""
