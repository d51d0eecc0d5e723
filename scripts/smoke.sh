#!/usr/bin/env bash
# Black-box smoke test: the real Host process (dotnet run) on a free port with a fresh data directory; curl
# signs in, deploys scripts/smoke.bpmn, starts it, completes its task as the community worker and checks that
# the instance completed. Stops the Host (its whole process group) in every case.
#
#   ./scripts/smoke.sh                 last line: "smoke: 1 passed, 0 failed" (exit 0)
#                                           or "smoke: 0 passed, 1 failed" (exit 1), the reason just above
#
# scripts/test.sh runs it under `timeout 300`, which signals this script's whole process group (curl, sleep
# included), so the TERM trap runs at once and stops the Host, which has a session of its own.
# SMOKE_CONFIGURATION (default Release, which scripts/test.sh has just built) picks the build to run.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

PASSWORD="Anju@2026"
JURISDICTION="jiangyin/chengjiang/huangshan/binjiang-garden"
READY_TIMEOUT=120
WORK="$(mktemp -d "${TMPDIR:-/tmp}/anju-smoke.XXXXXX")"
LOG="$WORK/host.log"
BODY="$WORK/body.json"
HOST_PID=""
STOPPED=0

log() { echo "smoke: $*"; }

stop_host() {
  [[ -n "$HOST_PID" && $STOPPED -eq 0 ]] || return 0
  STOPPED=1
  # The Host runs in its own session (setsid), so its pid is its process group id: dotnet run, the app it
  # started and any build helper all go together.
  kill -TERM -- "-$HOST_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 -- "-$HOST_PID" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 -- "-$HOST_PID" 2>/dev/null; then
    log "Host did not stop within 10s of SIGTERM; killing its process group"
    kill -KILL -- "-$HOST_PID" 2>/dev/null || true
    sleep 1
  fi
  wait "$HOST_PID" 2>/dev/null || true
}

cleanup() {
  stop_host
  rm -rf "$WORK"
}

finish() { # status reason
  trap - TERM INT
  if [[ "$1" == "pass" ]]; then
    stop_host
    if kill -0 -- "-$HOST_PID" 2>/dev/null; then
      finish fail "a process of the Host's group (pgid $HOST_PID) is still running after stop"
    fi
    if curl -s --max-time 2 -o /dev/null "$BASE/health/live"; then
      finish fail "something still answers on $BASE after the Host was stopped"
    fi
    log "passed"
    echo "smoke: 1 passed, 0 failed"
    cleanup
    exit 0
  fi
  log "FAILED: $2"
  if [[ -f "$LOG" ]]; then
    echo "---- last 40 lines of the Host's output ----"
    tail -n 40 "$LOG"
    echo "--------------------------------------------"
  fi
  cleanup
  echo "smoke: 0 passed, 1 failed"
  exit 1
}

trap 'finish fail "interrupted (SIGTERM/SIGINT, e.g. the 300 s timeout)"' TERM INT
trap cleanup EXIT

# The value at a dotted path ("user.roles.0") of the JSON file $BODY; objects and arrays as JSON.
json() {
  python3 - "$BODY" "$1" <<'PY'
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
for key in filter(None, sys.argv[2].split(".")):
    value = value[int(key)] if isinstance(value, list) else value[key]
print(json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value)
PY
}

# request METHOD PATH TOKEN [BODY [CONTENT-TYPE]] -> prints the HTTP status; the response body is in $BODY.
request() {
  local method="$1" path="$2" token="$3" data="${4-}" type="${5:-application/json}"
  local args=(-sS --max-time 30 -o "$BODY" -w '%{http_code}' -X "$method" -H "Accept-Language: en")
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  if [[ -n "$data" ]]; then args+=(-H "Content-Type: $type" --data-binary "$data"); fi
  : >"$BODY"
  curl "${args[@]}" "$BASE$path" || echo "curl-failed"
}

expect() { # what status expected...
  local what="$1" status="$2"; shift 2
  local ok
  for ok in "$@"; do [[ "$status" == "$ok" ]] && return 0; done
  finish fail "$what: HTTP $status, expected $*; body: $(head -c 500 "$BODY" 2>/dev/null)"
}

login() { # username -> sets TOKEN (not a $(...) subshell: a failure must end this shell)
  local status
  status="$(request POST /api/auth/login "" "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}")"
  expect "login as $1" "$status" 200
  TOKEN="$(json token)"
}

# ---------------------------------------------------------------- start the Host
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
log "starting the Host on $BASE (data in $WORK/data)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Development \
  Anju__DataDirectory="$WORK/data" Anju__SeedDemoData=true \
  setsid dotnet run --project src/Host -c "${SMOKE_CONFIGURATION:-Release}" --no-launch-profile \
  </dev/null >"$LOG" 2>&1 &
HOST_PID=$!

started=$SECONDS
until [[ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$BASE/health/ready" || true)" == "200" ]]; do
  kill -0 "$HOST_PID" 2>/dev/null || finish fail "the Host exited before it was ready"
  (( SECONDS - started < READY_TIMEOUT )) || finish fail "/health/ready did not answer 200 within ${READY_TIMEOUT}s"
  sleep 1
done
log "ready after $(( SECONDS - started ))s"

# ---------------------------------------------------------------- sign in
login admin
ADMIN="$TOKEN"
status="$(request GET /api/me "$ADMIN")"
expect "GET /api/me" "$status" 200
[[ "$(json username)" == "admin" ]] || finish fail "/api/me: username is '$(json username)', expected admin"
[[ "$(json roles)" == *'"admin"'* ]] || finish fail "/api/me: roles $(json roles) lack admin"
log "signed in as admin"

# ---------------------------------------------------------------- deploy, start, complete, check
status="$(request POST /api/deployments "$ADMIN" "@$ROOT/scripts/smoke.bpmn" application/xml)"
expect "POST /api/deployments" "$status" 201 200
log "deployed: $(json definitions)"

status="$(request POST /api/definitions/smoke/instances "$ADMIN" "{\"jurisdiction\":\"$JURISDICTION\"}")"
expect "POST /api/definitions/smoke/instances" "$status" 201
INSTANCE="$(json id)"
log "started instance $INSTANCE"

login community.huangshan
WORKER="$TOKEN"
status="$(request GET "/api/tasks?instanceId=$INSTANCE" "$WORKER")"
expect "GET /api/tasks as community.huangshan" "$status" 200
TASK="$(python3 - "$BODY" "$INSTANCE" <<'PY'
import json, sys
page = json.load(open(sys.argv[1], encoding="utf-8"))
print(next((t["id"] for t in page.get("items", []) if t.get("instanceId") == sys.argv[2]), ""))
PY
)"
[[ -n "$TASK" ]] || finish fail "community.huangshan does not see a task of instance $INSTANCE: $(head -c 500 "$BODY")"
log "community.huangshan sees task $TASK"

status="$(request POST "/api/tasks/$TASK/complete" "$WORKER" '{"variables":{}}')"
expect "POST /api/tasks/$TASK/complete" "$status" 204
log "completed task $TASK"

for _ in $(seq 1 20); do
  status="$(request GET "/api/instances/$INSTANCE" "$ADMIN")"
  expect "GET /api/instances/$INSTANCE" "$status" 200
  [[ "$(json status)" == "completed" ]] && break
  sleep 0.5
done
[[ "$(json status)" == "completed" ]] || finish fail "instance $INSTANCE is '$(json status)', expected completed"
log "instance $INSTANCE completed"

finish pass
