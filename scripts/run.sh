#!/usr/bin/env bash
# Starts the action server in the background, then in the foreground:
#   chat   the Rasa shell
#   serve  the Rasa server (REST, socket.io and Slack channels of credentials.yml)
#   slack  the same, refusing to start without the Slack secrets in the environment
#   web    the Rasa server in the background, CORS open to the page's origin only, and the page
#          in web/ served on WEB_PORT
# Everything started here is stopped by PID when the foreground part ends, Ctrl-C included.
#
# Environment (all optional): ACTIONS_PORT (5055), RASA_PORT (5005), RASA_HOST (127.0.0.1),
# WEB_PORT (8080), WEB_ORIGIN (http://localhost:$WEB_PORT), ENDPOINTS (endpoints.yml),
# MODEL (models/career-guide.tar.gz), CONVERSATION_ID (shell), RASA_API_TOKEN (unset: the Rasa
# HTTP API stays off; set: on, and every call needs ?token=<it>), ACTIONS_LOG (.rasa/actions.log,
# relative to the checkout: the action server's output; tests side by side give each its own).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: scripts/run.sh chat|serve}
venv=.venv/bin
actions_port=${ACTIONS_PORT:-5055}
rasa_port=${RASA_PORT:-5005}
endpoints=${ENDPOINTS:-endpoints.yml}
# The endpoints files name the action server by this variable: always the one started here,
# whatever the environment said, so that two copies on other ports never share one.
export ACTION_SERVER_URL="http://127.0.0.1:$actions_port/webhook"
model=${MODEL:-models/career-guide.tar.gz}
actions_log=${ACTIONS_LOG:-.rasa/actions.log}
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
# Third-party deprecation notices say nothing to a person chatting; errors still show.
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"
mkdir -p .rasa  # the SQLite tracker store lives here

# A server already on one of our ports would answer in place of ours: refuse, and say which.
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=("$actions_port" "$rasa_port")
[ "$mode" != web ] || ports+=("${WEB_PORT:-8080}")
for port in "${ports[@]}"; do
  if in_use "$port"; then
    echo "Port $port is already in use (another make chat/serve/web?). Stop it, or choose other ports:" >&2
    echo "  RASA_PORT=5006 ACTIONS_PORT=5056 WEB_PORT=8081 make $mode" >&2
    exit 1
  fi
done

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT
trap "exit 130" INT TERM HUP  # run the EXIT trap on Ctrl-C, kill and a closed terminal too

# Runs a server "in the foreground" as a waited-for background job: bash defers traps while a
# real foreground command runs, so a kill would otherwise leave the servers behind.
foreground() {
  "$@" &
  pids+=("$!")
  wait "$!"
}

"$venv/rasa" run actions --port "$actions_port" --actions actions >"$actions_log" 2>&1 &
actions_pid=$!
pids+=("$actions_pid")

# Waits until URL answers; if the server dies first, shows why from its log. The action server
# refuses to start on a broken knowledge base, and its error names the file, role and field.
wait_until_up() {
  local name=$1 pid=$2 url=$3 log=$4
  until curl -fs "$url" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The $name did not start:" >&2
      grep -E "Error" "$log" | tail -5 >&2 || tail -20 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
}
wait_until_up "action server" "$actions_pid" "http://127.0.0.1:$actions_port/health" "$actions_log"

# The HTTP API (tracker access, model replacement...) is off unless a token protects it.
api_args=()
[ -z "${RASA_API_TOKEN:-}" ] || api_args=(--enable-api --auth-token "$RASA_API_TOKEN")

rasa_server() {
  # exec: in a background job, the PID we keep is then the server itself.
  exec "$venv/rasa" run -m "$model" --endpoints "$endpoints" --credentials credentials.yml \
    --interface "${RASA_HOST:-127.0.0.1}" --port "$rasa_port" ${api_args[@]+"${api_args[@]}"} "$@"
}

case "$mode" in
  chat)
    echo "==> Loading the assistant (about 20 seconds). Type /stop to leave; the conversation is kept for next time."
    # Rasa's shell (`rasa shell`) through scripts/quiet_rasa.py: no third-party notices, and
    # scripts/shell.py lets a person type at any time or pick a button by its number.
    "$venv/python" scripts/quiet_rasa.py shell -m "$model" --endpoints "$endpoints" --port "$rasa_port" \
      --conversation-id "${CONVERSATION_ID:-shell}" --quiet
    ;;
  serve)
    echo "Starting the Rasa server: REST channel at http://${RASA_HOST:-127.0.0.1}:$rasa_port/webhooks/rest/webhook (Ctrl-C stops both servers)"
    foreground rasa_server
    ;;
  slack)
    if [ -z "${SLACK_BOT_TOKEN:-}" ] || [ -z "${SLACK_SIGNING_SECRET:-}" ]; then
      echo "Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (and optionally SLACK_CHANNEL_ID) first: see the README's Slack section." >&2
      exit 1
    fi
    echo "Starting the Rasa server for Slack: point your tunnel at http://${RASA_HOST:-127.0.0.1}:$rasa_port; Slack's URLs end in /webhooks/slack/webhook"
    foreground rasa_server
    ;;
  web)
    web_port=${WEB_PORT:-8080}
    origin=${WEB_ORIGIN:-http://localhost:$web_port}
    rasa_server --cors "$origin" >.rasa/rasa.log 2>&1 &
    pids+=("$!")
    echo "Loading the assistant (about 20 seconds)..."
    wait_until_up "Rasa server" "${pids[-1]}" "http://127.0.0.1:$rasa_port/webhooks/rest/" .rasa/rasa.log
    # The page asks its own server (scripts/web_server.py) where Rasa is: the page's host, our port.
    [[ $origin =~ ^(https?://[^:/]+) ]] && rasa_url="${BASH_REMATCH[1]}:$rasa_port" || rasa_url=""
    echo "The career guide is at $origin/ (Ctrl-C stops everything)"
    foreground "$venv/python" -m scripts.web_server "$web_port" --bind 127.0.0.1 --rasa-url "$rasa_url"
    ;;
  *)
    echo "usage: scripts/run.sh chat|serve|slack|web" >&2
    exit 2
    ;;
esac
