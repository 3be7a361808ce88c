# studybot: the bot with its sources, on a slim Python, as a non-root user.
#   docker build -t studybot .
#   docker run -e DISCORD_TOKEN=... -v studybot-data:/data studybot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Locked, hash-checked dependencies first, so code changes do not reinstall them.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY config ./config
COPY seeds ./seeds
RUN pip install --no-deps . \
    && useradd --create-home --uid 10001 studybot \
    && mkdir -p /data \
    && chown studybot:studybot /data

USER studybot

# Scores, schedules and the built index live on the volume and survive new images.
VOLUME ["/data"]

# Healthy while the bot is connected to Discord: it refreshes /data/heartbeat every 30 seconds.
HEALTHCHECK --interval=60s --timeout=10s --start-period=120s --retries=3 \
    CMD ["python", "-m", "bot", "health", "--config", "/app/config/docker.yaml"]

CMD ["python", "-m", "bot", "run", "--config", "/app/config/docker.yaml"]
