#!/usr/bin/env bash
# Serve Kring with gunicorn and a task worker beside it; stop both together.
set -euo pipefail
PORT="${1:-8000}"
BIN=.venv/bin
$BIN/python manage.py db_worker --queue-name default >var/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
exec_gunicorn() {
  $BIN/gunicorn config.wsgi:application --bind "127.0.0.1:${PORT}" --workers "${WEB_WORKERS:-3}" \
    --access-logfile - --error-logfile - --log-level warning
}
echo "Kring is running at http://127.0.0.1:${PORT}  (Ctrl+C stops it)"
exec_gunicorn
