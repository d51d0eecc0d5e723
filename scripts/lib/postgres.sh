# shellcheck shell=bash
# Throwaway PostgreSQL cluster for tests and benchmarks.
#
# Source this file, then:
#
#   pg_start_throwaway          # installs PostgreSQL with apt if missing, starts a cluster
#                               # (call it in the current shell, not in $(...) or a pipe:
#                               #  the variables pg_stop_throwaway needs would be lost)
#   trap pg_stop_throwaway EXIT # the caller owns the trap
#   ... use $ANJU_TEST_POSTGRES ...
#   pg_stop_throwaway           # idempotent; silent; safe to call from a trap
#
# After pg_start_throwaway these are set (and exported):
#   ANJU_TEST_POSTGRES  Npgsql connection string, role anju/anju (SUPERUSER), database postgres
#   ANJU_PG_PORT        TCP port on 127.0.0.1
#   ANJU_PG_DIR         temp dir holding data/, sock/ and postgres.log (removed on stop)
#   ANJU_PG_BIN         /usr/lib/postgresql/<ver>/bin
#   ANJU_PG_VERSION     major version, e.g. 15
#
# The cluster runs as the `postgres` OS user when we are root (PostgreSQL refuses
# to run as root), otherwise as the current user. It is tuned for tests, not
# durability: fsync=off, synchronous_commit=off, full_page_writes=off.

ANJU_PG_DIR="${ANJU_PG_DIR:-}"

_pg_log() { echo "$*" >&2; }

# Echo the newest /usr/lib/postgresql/<ver>/bin that has every server binary we need.
_pg_find_bin() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" && -x "$d/psql" ]] || continue
    best="$(printf '%s\n%s\n' "$best" "$d" | sed '/^$/d' | sort -V | tail -n1)"
  done
  [[ -n "$best" ]] && echo "$best"
}

# Make sure PostgreSQL server binaries exist; install them with apt when missing.
pg_ensure_installed() {
  if _pg_find_bin >/dev/null; then return 0; fi
  if [[ "$(id -u)" -ne 0 ]]; then
    _pg_log "!! PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin and not root:"
    _pg_log "!!   sudo apt-get install -y postgresql   (or run with SKIP_POSTGRES=1)"
    return 1
  fi
  _pg_log "== installing PostgreSQL with apt-get (not found under /usr/lib/postgresql/*/bin)"
  apt-get update -qq || _pg_log "!! apt-get update failed; trying the install anyway"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  _pg_find_bin >/dev/null || { _pg_log "!! apt-get installed postgresql but no server binaries were found"; return 1; }
  # The Debian package creates and may start a "main" cluster on 5432; we don't use it,
  # so stop whatever this install started (nothing else should be left running).
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | awk '$4 == "online" { print $1, $2 }' | while read -r v c; do
      pg_ctlcluster "$v" "$c" stop >/dev/null 2>&1 || true
    done
  fi
}

# Run a command as the cluster owner, from the cluster dir (the caller's cwd may be
# unreadable for the postgres user).
_pg_as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd "$ANJU_PG_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$ANJU_PG_DIR" && "$@")
  fi
}

# Is something accepting TCP connections on 127.0.0.1:$1 ?
_pg_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_start_throwaway() {
  local t0 t1 attempt port locale
  t0=$(date +%s%N)
  pg_ensure_installed || return 1
  ANJU_PG_BIN="$(_pg_find_bin)"
  ANJU_PG_VERSION="$(basename "$(dirname "$ANJU_PG_BIN")")"

  if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    # Binaries without the Debian packaging (which creates the user): make one.
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi

  ANJU_PG_DIR="$(mktemp -d /tmp/anju-pg-XXXXXX)"
  mkdir -p "$ANJU_PG_DIR/sock"
  if [[ "$(id -u)" -eq 0 ]]; then chown -R postgres: "$ANJU_PG_DIR"; fi
  chmod 700 "$ANJU_PG_DIR"

  locale=C
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
  if ! _pg_as_owner "$ANJU_PG_BIN/initdb" -D "$ANJU_PG_DIR/data" -U postgres -E UTF8 --locale="$locale" \
        --auth-local=trust --auth-host=scram-sha-256 >"$ANJU_PG_DIR/initdb.log" 2>&1; then
    _pg_log "!! initdb failed:"; cat "$ANJU_PG_DIR/initdb.log" >&2
    pg_stop_throwaway; return 1
  fi

  # Pick a free port; retry on the (unlikely) race with another process.
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((54320 + RANDOM % 600))
    _pg_port_busy "$port" && continue
    _pg_log "== starting PostgreSQL $ANJU_PG_VERSION on port $port ($ANJU_PG_DIR)"
    if _pg_as_owner "$ANJU_PG_BIN/pg_ctl" -D "$ANJU_PG_DIR/data" -l "$ANJU_PG_DIR/postgres.log" -w -t 60 \
          -o "-p $port -k $ANJU_PG_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
          start >/dev/null; then
      ANJU_PG_PORT=$port
      break
    fi
    _pg_log "!! pg_ctl start failed on port $port (attempt $attempt); log tail:"
    tail -n 5 "$ANJU_PG_DIR/postgres.log" >&2 || true
  done
  if [[ -z "${ANJU_PG_PORT:-}" ]]; then
    pg_stop_throwaway; return 1
  fi

  if ! _pg_as_owner "$ANJU_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$ANJU_PG_DIR/sock" -p "$ANJU_PG_PORT" \
        -U postgres -d postgres -c "CREATE ROLE anju WITH LOGIN SUPERUSER PASSWORD 'anju'" >/dev/null; then
    _pg_log "!! could not create role anju"
    pg_stop_throwaway; return 1
  fi

  ANJU_TEST_POSTGRES="Host=127.0.0.1;Port=$ANJU_PG_PORT;Username=anju;Password=anju;Database=postgres"
  export ANJU_TEST_POSTGRES ANJU_PG_PORT ANJU_PG_DIR ANJU_PG_BIN ANJU_PG_VERSION
  t1=$(date +%s%N)
  _pg_log "== PostgreSQL $ANJU_PG_VERSION ready on 127.0.0.1:$ANJU_PG_PORT in $(( (t1 - t0) / 1000000 )) ms"
}

# Stop the cluster (immediate: it is thrown away) and delete its directory.
# Idempotent and quiet, so it can run from an EXIT trap after the summary line.
pg_stop_throwaway() {
  local dir="${ANJU_PG_DIR:-}" pid
  [[ -n "$dir" && -d "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    _pg_as_owner "$ANJU_PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      pid="$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
      if [[ "$pid" =~ ^[0-9]+$ ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
      sleep 0.5
    fi
  fi
  rm -rf "$dir"
  ANJU_PG_DIR=""
  unset ANJU_TEST_POSTGRES ANJU_PG_PORT
}
