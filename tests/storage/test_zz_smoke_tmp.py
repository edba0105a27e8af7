import time
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel
from sqlalchemy import text

def test_smoke(pg_engine):
    with pg_engine.connect() as conn:
        print(conn.execute(text("select version(), current_setting('TimeZone')")).all())
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    print(diff)

def test_smoke2(pg_url):
    from storage.db import open_database
    t=time.perf_counter(); e=open_database(pg_url); print("migrate", time.perf_counter()-t); e.dispose()
