# syntax=docker/dockerfile:1
FROM python:3.11-slim AS build
WORKDIR /src
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml constraints.txt README.md ./
COPY schaatsbot ./schaatsbot
COPY parsing ./parsing
COPY storage ./storage
COPY jobs ./jobs
COPY bot ./bot
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install -c constraints.txt . \
 && /opt/venv/bin/pip install -c constraints.txt "psycopg[binary]>=3.2"

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 schaatsbot \
 && mkdir -p /data && chown schaatsbot:schaatsbot /data
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite:////data/schaatsbot.db
USER schaatsbot
WORKDIR /data
VOLUME ["/data"]
CMD ["schaatsbot", "run"]
