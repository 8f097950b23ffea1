#!/usr/bin/env bash
# Starts the action server in the background, then the Rasa shell (`chat`) or the Rasa server
# with the REST channel (`serve`) in the foreground. The action server is stopped by PID when
# the foreground part ends, Ctrl-C included.
#
# Environment (all optional): ACTIONS_PORT (5055), RASA_PORT (5005), RASA_HOST (127.0.0.1),
# ENDPOINTS (endpoints.yml), MODEL (models/career-guide.tar.gz), CONVERSATION_ID (shell).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: scripts/run.sh chat|serve}
venv=.venv/bin
actions_port=${ACTIONS_PORT:-5055}
rasa_port=${RASA_PORT:-5005}
endpoints=${ENDPOINTS:-endpoints.yml}
model=${MODEL:-models/career-guide.tar.gz}
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p .rasa  # the SQLite tracker store lives here

"$venv/rasa" run actions --port "$actions_port" --actions actions >.rasa/actions.log 2>&1 &
actions_pid=$!
trap 'kill "$actions_pid" 2>/dev/null || true; wait "$actions_pid" 2>/dev/null || true' EXIT

# Wait for the action server: it refuses to start when the knowledge base is broken, and then
# its own message says which file, role and field.
for _ in $(seq 1 120); do
  if ! kill -0 "$actions_pid" 2>/dev/null; then
    echo "The action server did not start:" >&2
    grep -E "KnowledgeBaseError|Error" .rasa/actions.log | tail -5 >&2 || tail -20 .rasa/actions.log >&2
    exit 1
  fi
  curl -fs "http://127.0.0.1:$actions_port/health" >/dev/null 2>&1 && break
  sleep 0.5
done

case "$mode" in
  chat)
    echo "Loading the assistant (about 20 seconds)... Type /stop to leave; the conversation is kept for next time."
    "$venv/rasa" shell -m "$model" --endpoints "$endpoints" --port "$rasa_port" \
      --conversation-id "${CONVERSATION_ID:-shell}"
    ;;
  serve)
    echo "Starting the Rasa server: REST channel at http://${RASA_HOST:-127.0.0.1}:$rasa_port/webhooks/rest/webhook (Ctrl-C stops both servers)"
    "$venv/rasa" run -m "$model" --endpoints "$endpoints" --credentials credentials.yml \
      --interface "${RASA_HOST:-127.0.0.1}" --port "$rasa_port"
    ;;
  *)
    echo "usage: scripts/run.sh chat|serve" >&2
    exit 2
    ;;
esac
