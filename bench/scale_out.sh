#!/usr/bin/env bash
# Scale-out benchmark on localhost: a throw-away PostgreSQL, P `streamlit run` processes sharing
# it, HAProxy in front with cookie-sticky sessions; runs bench/load_ws.py against it for each P
# and, with two processes, a phone on process A following a procesbegeleider on process B.
# Everything it starts is stopped again when it ends (trap), also on Ctrl-C or an error.
#
#   bench/scale_out.sh                   # N=100 phones, P = 1 then 2 processes
#   N=200,400 bench/scale_out.sh          # two rooms per P, one after the other
#   N=200 PROCESSES="1 2 3" bench/scale_out.sh
#   GROUPS_PER_ROOM=13 N=200 bench/scale_out.sh
#   ZET_MAX_DEELNEMERS=1000 N=800 LOAD_ARGS=--no-baseline bench/scale_out.sh
#
# Needs root (apt-get; PostgreSQL runs as the Debian 'postgres' user). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${N:-100}
PROCESSES=${PROCESSES:-"1 2"}
GROUPS_PER_ROOM=${GROUPS_PER_ROOM:-1}
CROSS_N=${CROSS_N:-30}
PYTHON=${PYTHON:-python}
LOAD_ARGS=${LOAD_ARGS:-}  # more options for bench/load_ws.py, e.g. --no-baseline
RESULTS=${RESULTS:-$ROOT/bench/results}
mkdir -p "$RESULTS"

export DEBIAN_FRONTEND=noninteractive
need=()
command -v haproxy >/dev/null || need+=(haproxy)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

WORK=$(mktemp -d /tmp/zet-scale-XXXXXX)
chown postgres "$WORK"
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PG_PORT=$(free_port)
APP_PIDS=()
PROXY_PID=""

stop_apps() {
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${APP_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  APP_PIDS=()
  if [ -n "$PROXY_PID" ]; then kill "$PROXY_PID" 2>/dev/null || true; wait "$PROXY_PID" 2>/dev/null || true; fi
  PROXY_PID=""
}
cleanup() {
  stop_apps
  if [ -f "$WORK/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# --- PostgreSQL: own cluster, own port and socket directory, trust on loopback only -------
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/data" -A trust -U zet >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U zet zet
export ZET_DATABASE_URL="postgresql+psycopg://zet@127.0.0.1:$PG_PORT/zet"
"$PYTHON" -m zet upgrade-db >/dev/null   # once, before several processes open the database

start_apps() {  # $1 = how many processes; fills APP_PIDS and APP_URLS
  APP_URLS=()
  for i in $(seq 1 "$1"); do
    port=$(free_port)
    "$PYTHON" -m streamlit run zet_app.py --server.headless=true --server.port="$port" \
      --server.address=127.0.0.1 --browser.gatherUsageStats=false \
      >"$WORK/app-$i.log" 2>&1 &
    APP_PIDS+=($!)
    APP_URLS+=("http://127.0.0.1:$port")
  done
  for url in "${APP_URLS[@]}"; do
    for _ in $(seq 1 300); do
      curl -fsS "$url/_stcore/health" >/dev/null 2>&1 && break
      sleep 0.2
    done
    curl -fsS "$url/_stcore/health" >/dev/null
  done
}

start_proxy() {  # HAProxy: a cookie picks the process, also for the websocket and /media
  PROXY_PORT=$(free_port)
  {
    cat <<EOF
global
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 1h
  timeout server 1h
  timeout tunnel 1h
  timeout http-request 10s
frontend zet
  bind 127.0.0.1:$PROXY_PORT
  default_backend app
backend app
  balance roundrobin
  cookie ZETSRV insert indirect nocache httponly
  option httpchk GET /_stcore/health
EOF
    i=0
    for url in "${APP_URLS[@]}"; do
      i=$((i + 1))
      echo "  server app$i ${url#http://} check cookie app$i"
    done
  } >"$WORK/haproxy.cfg"
  haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
  PROXY_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PROXY_PORT/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
}

pids_csv() { local IFS=,; echo "${APP_PIDS[*]}"; }

for p in $PROCESSES; do
  start_apps "$p"
  start_proxy
  echo "== $p process(es) behind HAProxy, $N phones, $GROUPS_PER_ROOM group(s), PostgreSQL"
  "$PYTHON" bench/load_ws.py --n "$N" --groups "$GROUPS_PER_ROOM" \
    --target "http://127.0.0.1:$PROXY_PORT" --pids "$(pids_csv)" \
    --database-url "$ZET_DATABASE_URL" --label "PostgreSQL, $p process(es) + HAProxy" \
    --json "$RESULTS/scale-$p-$N.json" $LOAD_ARGS || echo "(errors in this room; see above)"
  stop_apps
done

# --- Staleness across processes: phones on A, the procesbegeleider clicks on B or on A ----
start_apps 2
echo "== phones on process A; the step button pressed on process B, then on process A"
"$PYTHON" bench/load_ws.py --n "$CROSS_N" --no-baseline --step-via projector \
  --target "${APP_URLS[0]}" --phone-urls "${APP_URLS[0]}" --projector-url "${APP_URLS[1]}" \
  --pids "$(pids_csv)" --database-url "$ZET_DATABASE_URL" \
  --step-changes 4 --label "phones on A, button on B" --json "$RESULTS/cross-B-$CROSS_N.json" || true
"$PYTHON" bench/load_ws.py --n "$CROSS_N" --no-baseline --step-via projector \
  --target "${APP_URLS[0]}" --phone-urls "${APP_URLS[0]}" --projector-url "${APP_URLS[0]}" \
  --pids "$(pids_csv)" --database-url "$ZET_DATABASE_URL" \
  --step-changes 4 --label "phones on A, button on A" --json "$RESULTS/cross-A-$CROSS_N.json" || true
stop_apps
