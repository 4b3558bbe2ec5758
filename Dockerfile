# Tally: casualty and figures extraction service.
#   docker build -t tally .
#   docker run -p 8000:8000 -e TALLY_WORKERS=4 tally
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TALLY_HOST=0.0.0.0 \
    TALLY_PORT=8000 \
    TALLY_WORKERS=2

WORKDIR /app
COPY pyproject.toml setup.cfg README.md ./
COPY service ./service
COPY schemas ./schemas
RUN pip install --no-cache-dir . \
    && useradd --create-home --uid 10001 tally

USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('TALLY_PORT', '8000'), timeout=4)"]

# the same entrypoint the tests run outside Docker (tests/test_served.py)
CMD ["tally", "serve"]
