#!/usr/bin/env bash
# `make cluster`: Rasa's production shape on this machine, from Debian packages, on loopback.
#   PostgreSQL (conversations), Redis (one conversation's messages one at a time across servers),
#   the action server, REPLICAS Rasa servers, and nginx in front of them on CLUSTER_PORT.
# Everything runs from a fresh directory under $TMPDIR (its own data and config; the system's
# services are not used), in the foreground: Ctrl-C or kill stops every process, by PID.
#
# Environment (all optional): REPLICAS (2), CLUSTER_PORT (8000, nginx), RASA_PORT (5005: the
# first Rasa server; the others take the next ports), ACTIONS_PORT (5055), DB_PORT (5432),
# REDIS_PORT (6379), CLUSTER_DIR (a new temporary directory; kept only if given),
# TICKET_LOCK_LIFETIME (20 s: how long a message may hold its conversation; a server killed
# mid-turn blocks that conversation at most this long), MODEL, and the Slack variables of
# `make slack`. The Rasa servers read endpoints.cluster.yml, whose settings come from the same
# variables as in deploy/ (DB_*, REDIS_*, ACTION_SERVER_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=$root/.venv/bin
replicas=${REPLICAS:-2}
cluster_port=${CLUSTER_PORT:-8000}
rasa_port=${RASA_PORT:-5005}
actions_port=${ACTIONS_PORT:-5055}
model=${MODEL:-models/career-guide.tar.gz}
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"
export TICKET_LOCK_LIFETIME=${TICKET_LOCK_LIFETIME:-20}
# What endpoints.cluster.yml reads (the same names as deploy/docker-compose.yml and the Helm chart).
export DB_HOST=127.0.0.1 DB_PORT=${DB_PORT:-5432} DB_DATABASE=rasa DB_USER=postgres DB_PASSWORD=""
export REDIS_HOST=127.0.0.1 REDIS_PORT=${REDIS_PORT:-6379} REDIS_PASSWORD=""
export ACTION_SERVER_URL="http://127.0.0.1:$actions_port/webhook"

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
for needed in "$pg_bin/postgres" "$(command -v redis-server || true)" "$(command -v nginx || true)"; do
  [ -n "$needed" ] && [ -x "$needed" ] || {
    echo "PostgreSQL, redis-server and nginx are needed: run 'make test-deps' (as root) first." >&2
    exit 1
  }
done

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=("$cluster_port" "$actions_port" "$DB_PORT" "$REDIS_PORT")
for ((i = 0; i < replicas; i++)); do ports+=($((rasa_port + i))); done
for port in "${ports[@]}"; do
  if in_use "$port"; then
    echo "Port $port is already in use. Stop what uses it, or choose other ports, for example:" >&2
    echo "  CLUSTER_PORT=8001 RASA_PORT=5105 ACTIONS_PORT=5155 DB_PORT=55432 REDIS_PORT=56379 make cluster" >&2
    exit 1
  fi
done

if [ -n "${CLUSTER_DIR:-}" ]; then dir=$CLUSTER_DIR; keep=1; else dir=$(mktemp -d -t career-guide-cluster-XXXXXX); keep=0; fi
mkdir -p "$dir"/{logs,redis,nginx,pids}
chmod 755 "$dir"

pids=()
stop_all() {
  # PostgreSQL and nginx by the PID they wrote (PostgreSQL may have been restarted meanwhile).
  # SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
  if [ -f "$dir/pg/postmaster.pid" ]; then
    pids+=("$(head -1 "$dir/pg/postmaster.pid")")
    kill -INT "${pids[-1]}" 2>/dev/null || true
  fi
  [ -f "$dir/nginx/nginx.pid" ] && pids+=("$(cat "$dir/nginx/nginx.pid")")
  [ -f "$dir/pids/redis.pid" ] && pids+=("$(cat "$dir/pids/redis.pid")")
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true  # still there after 10 s
  done
  [ "$keep" = 1 ] || rm -rf "$dir"
}
trap stop_all EXIT
trap "exit 130" INT TERM HUP

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Waits until `check` succeeds; if the process dies first, shows the end of its log.
wait_for() {
  local name=$1 pid=$2 log=$3
  shift 3
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The $name did not start:" >&2
      tail -20 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

echo "Starting PostgreSQL on $DB_PORT, Redis on $REDIS_PORT, the action server on $actions_port (files in $dir)"
mkdir -p "$dir/pg"
[ "$(id -u)" != 0 ] || chown postgres "$dir/pg"
if [ ! -f "$dir/pg/PG_VERSION" ]; then
  as_postgres "$pg_bin/initdb" -D "$dir/pg" --auth=trust -U postgres >"$dir/logs/initdb.log"
  # The settings live in the data directory, so a restart (the cluster test does one) needs none.
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n" \
    "$DB_PORT" "$dir/pg" >>"$dir/pg/postgresql.conf"
fi
as_postgres "$pg_bin/postgres" -D "$dir/pg" >"$dir/logs/postgres.log" 2>&1 &
pids+=("$!")
wait_for PostgreSQL "$!" "$dir/logs/postgres.log" "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT"
"$pg_bin/psql" -h 127.0.0.1 -p "$DB_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'rasa'" |
  grep -q 1 || "$pg_bin/createdb" -h 127.0.0.1 -p "$DB_PORT" -U postgres rasa

# No persistence: Redis only holds locks, which expire anyway.
printf "port %s\nbind 127.0.0.1\ndir %s\nsave \"\"\nappendonly no\n" "$REDIS_PORT" "$dir/redis" >"$dir/redis/redis.conf"
redis-server "$dir/redis/redis.conf" >"$dir/logs/redis.log" 2>&1 &
pids+=("$!")
echo "$!" >"$dir/pids/redis.pid"

"$venv/rasa" run actions --port "$actions_port" --actions actions >"$dir/logs/actions.log" 2>&1 &
pids+=("$!")
echo "$!" >"$dir/pids/actions.pid"
wait_for "action server" "$!" "$dir/logs/actions.log" curl -fs "http://127.0.0.1:$actions_port/health"

echo "Starting $replicas Rasa servers on ports $rasa_port-$((rasa_port + replicas - 1)) (about 30 seconds)..."
servers=""
for ((i = 0; i < replicas; i++)); do
  port=$((rasa_port + i))
  "$venv/rasa" run -m "$model" --endpoints endpoints.cluster.yml --credentials credentials.yml \
    --interface 127.0.0.1 --port "$port" >"$dir/logs/rasa-$((i + 1)).log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$dir/pids/rasa-$((i + 1)).pid"
  servers="$servers server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"
done
for ((i = 0; i < replicas; i++)); do
  wait_for "Rasa server $((i + 1))" "$(cat "$dir/pids/rasa-$((i + 1)).pid")" "$dir/logs/rasa-$((i + 1)).log" \
    curl -fs "http://127.0.0.1:$((rasa_port + i))/webhooks/rest/"
done

# nginx with its own configuration, PID file and temporary files (not the system's).
sed -e "s|\${RASA_SERVERS}|$servers|" -e "s|\${NGINX_PORT}|127.0.0.1:$cluster_port|" \
  -e "s|\${WEB_ROOT}|$root/web|" deploy/nginx/career-guide.conf.template >"$dir/nginx/career-guide.conf"
cat >"$dir/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $dir/nginx/body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    include $dir/nginx/career-guide.conf;
}
EOF
nginx -p "$dir/nginx" -e "$dir/logs/nginx-error.log" -c "$dir/nginx/nginx.conf" >"$dir/logs/nginx.log" 2>&1 &
nginx_pid=$!
pids+=("$nginx_pid")
wait_for nginx "$nginx_pid" "$dir/logs/nginx-error.log" curl -fs "http://127.0.0.1:$cluster_port/webhooks/rest/"

echo "The cluster is up: http://127.0.0.1:$cluster_port"
echo "  REST:   http://127.0.0.1:$cluster_port/webhooks/rest/webhook    Slack: .../webhooks/slack/webhook"
echo "  widget: http://127.0.0.1:$cluster_port/?server=http://127.0.0.1:$cluster_port"
echo "Ctrl-C stops everything."
# Waited for as a background job, so that a kill runs the trap at once (see scripts/run.sh).
wait "$nginx_pid"
