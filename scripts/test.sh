#!/usr/bin/env bash
# Anju's test command: ./scripts/test.sh  (CI runs it through .ci/run)
#
#  1. starts a throwaway PostgreSQL cluster (scripts/lib/postgres.sh) and exports
#     ANJU_TEST_POSTGRES="Host=127.0.0.1;Port=<port>;Username=anju;Password=anju;Database=postgres"
#     (role anju is SUPERUSER so test classes can CREATE DATABASE). SKIP_POSTGRES=1
#     skips this and unsets ANJU_TEST_POSTGRES: tests that need PostgreSQL then FAIL.
#  2. dotnet restore --locked-mode + dotnet test Anju.slnx (Release), TRX files in artifacts/test-results/dotnet/;
#     then `dotnet format --verify-no-changes` (one test)
#  3. scripts/smoke.sh: the real Host process (dotnet run) driven with curl; one test, at most 300 s
#     definitions/tools/regenerate.py --check: the procedure scripts still write definitions/*.bpmn; one test
#  4. src/Designer: npm ci, npm test (vitest; counts from its JSON report) and npm run test:e2e (Playwright in
#     Debian's chromium against the real Host, built here in Release, on a fresh SQLite folder and a free port;
#     screenshots in src/Designer/test-results/screenshots/), when package.json has those scripts
#  5. last line: "N passed, N failed, N skipped". Exit 1 if anything failed, a runner
#     exited non-zero (e.g. build error), or no test ran at all.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

RESULTS="$ROOT/artifacts/test-results"
PASSED=0 FAILED=0 SKIPPED=0
ERRORS=()   # runner-level problems (non-zero exit, missing solution, ...)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en \
       DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NUGET_XMLDOC_MODE=skip
if [[ "${CI:-}" == "true" ]]; then
  # No MSBuild worker nodes left behind holding CI's output pipe open.
  export MSBUILDDISABLENODEREUSE=1
fi

trap pg_stop_throwaway EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s; }
add_counts() { # label passed failed skipped
  echo "   $1: $2 passed, $3 failed, $4 skipped"
  PASSED=$((PASSED + $2)); FAILED=$((FAILED + $3)); SKIPPED=$((SKIPPED + $4))
}

# ---------------------------------------------------------------- PostgreSQL
start_postgres() {
  if [[ "${SKIP_POSTGRES:-}" == "1" ]]; then
    unset ANJU_TEST_POSTGRES
    echo "== SKIP_POSTGRES=1: PostgreSQL not started, ANJU_TEST_POSTGRES unset (PostgreSQL tests will fail)"
    return 0
  fi
  pg_start_throwaway 2>&1 || ERRORS+=("PostgreSQL did not start")
}

# ---------------------------------------------------------------- .NET
# Sum the <Counters .../> element of every TRX file (one per test assembly).
parse_trx_dir() { # dir -> sets TRX_FILES TRX_P TRX_F TRX_S
  local f counters a
  TRX_FILES=0 TRX_P=0 TRX_F=0 TRX_S=0
  for f in "$1"/*.trx; do
    [[ -f "$f" ]] || continue
    counters="$(grep -o '<Counters [^>]*>' "$f" | head -n1 || true)"
    [[ -n "$counters" ]] || { echo "!! no <Counters> in $f"; continue; }
    declare -A c=()
    for a in total executed passed failed error timeout aborted notExecuted notRunnable; do
      c[$a]="$(sed -n "s/.* $a=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"; c[$a]=${c[$a]:-0}
    done
    local p=${c[passed]} fl=$((c[failed] + c[error] + c[timeout] + c[aborted]))
    # xunit skips show up as total - executed (notExecuted stays 0); take whichever is larger
    local s=$((c[total] - c[executed])) s2=$((c[notExecuted] + c[notRunnable]))
    if [[ $s2 -gt $s ]]; then s=$s2; fi
    local asm
    asm="$(grep -o 'storage="[^"]*"' "$f" | head -n1 | sed 's/storage="//; s/"$//; s#.*/##' || true)"
    echo "   ${asm:-$(basename "$f")}: $p passed, $fl failed, $s skipped"
    TRX_FILES=$((TRX_FILES + 1)); TRX_P=$((TRX_P + p)); TRX_F=$((TRX_F + fl)); TRX_S=$((TRX_S + s))
    unset c
  done
}

run_dotnet() {
  local out="$RESULTS/dotnet" log="$RESULTS/dotnet-test.log" rc=0 t0
  if [[ ! -f Anju.slnx ]]; then
    echo "!! Anju.slnx not found in $ROOT"; ERRORS+=("dotnet: Anju.slnx missing"); return 0
  fi
  rm -rf "$out" "$log"; mkdir -p "$out"
  echo "== dotnet restore Anju.slnx (locked mode: the committed packages.lock.json files)"
  t0=$(now)
  dotnet restore Anju.slnx --locked-mode --verbosity quiet || rc=$?
  if [[ $rc -ne 0 ]]; then echo "!! dotnet restore exited $rc"; ERRORS+=("dotnet restore exited $rc"); return 0; fi
  echo "== dotnet restore done in $(( $(now) - t0 ))s"

  echo "== dotnet test Anju.slnx (Release)"
  t0=$(now)
  dotnet test Anju.slnx --no-restore -c Release \
      --results-directory "$out" --logger trx \
      --blame-hang-timeout 15m --blame-hang-dump-type none \
      2>&1 | tee "$log" || rc=$?
  echo "== dotnet test exited $rc after $(( $(now) - t0 ))s"
  [[ $rc -eq 0 ]] || ERRORS+=("dotnet test exited $rc")

  # Counts come from the TRX files (one per test assembly, <Counters .../>); the
  # per-assembly console summaries ("Passed!  - Failed: 0, Passed: 12, ...") are the
  # cross-check. (No LogFilePrefix: its file names have 1-second resolution and
  # assemblies finishing in the same second overwrite each other; the default names
  # get a unique suffix.)
  local lines cp=0 cf=0 cs=0 n=0 l
  lines="$(grep -E '^\s*(Passed|Failed|Skipped)!\s+-\s+Failed:' "$log" || true)"
  while IFS= read -r l; do
    [[ -n "$l" ]] || continue
    n=$((n + 1))
    cf=$((cf + $(sed -E 's/.*Failed:\s*([0-9]+).*/\1/' <<<"$l")))
    cp=$((cp + $(sed -E 's/.*Passed:\s*([0-9]+).*/\1/' <<<"$l")))
    cs=$((cs + $(sed -E 's/.*Skipped:\s*([0-9]+).*/\1/' <<<"$l")))
  done <<<"$lines"

  echo "== dotnet results (TRX files in ${out#"$ROOT"/})"
  parse_trx_dir "$out"
  if [[ $TRX_P -eq $cp && $TRX_F -eq $cf && $TRX_S -eq $cs ]]; then
    add_counts "dotnet total" "$TRX_P" "$TRX_F" "$TRX_S"
  else
    # A lost/overwritten TRX file or a crashed test host: take the larger of each count.
    echo "!! TRX ($TRX_FILES files: $TRX_P/$TRX_F/$TRX_S) and console ($n summaries: $cp/$cf/$cs) passed/failed/skipped disagree; using the larger of each"
    add_counts "dotnet total" "$((TRX_P > cp ? TRX_P : cp))" "$((TRX_F > cf ? TRX_F : cf))" "$((TRX_S > cs ? TRX_S : cs))"
  fi
}

# ---------------------------------------------------------------- formatting
# `dotnet format --verify-no-changes` over the solution (whitespace, code style and analyzers as .editorconfig sets
# them), counted as one test. To fix: dotnet format Anju.slnx
run_format() {
  local log="$RESULTS/format.log" rc=0 t0
  echo "== dotnet format Anju.slnx --verify-no-changes"
  t0=$(now)
  dotnet format Anju.slnx --verify-no-changes --no-restore >"$log" 2>&1 || rc=$?
  echo "== dotnet format exited $rc after $(( $(now) - t0 ))s"
  if [[ $rc -eq 0 ]]; then
    add_counts "format" 1 0 0
  else
    grep -E 'error|warning' "$log" | head -n 40 || true
    echo "!! dotnet format found unformatted code (log: ${log#"$ROOT"/}); fix with: dotnet format Anju.slnx"
    add_counts "format" 0 1 0
  fi
}

# ---------------------------------------------------------------- black-box smoke test
# scripts/smoke.sh prints "smoke: N passed, N failed"; timeout signals its whole process group, and its TERM
# trap stops the Host (a session of its own) before the KILL that follows 30 s later.
SMOKE_TIMEOUT=300

run_smoke() {
  local log="$RESULTS/smoke.log" rc=0 line p f
  echo "== smoke test (scripts/smoke.sh, at most ${SMOKE_TIMEOUT}s)"
  timeout --kill-after=30 "$SMOKE_TIMEOUT" bash "$ROOT/scripts/smoke.sh" 2>&1 | tee "$log" || rc=$?
  [[ $rc -ne 124 && $rc -ne 137 ]] || ERRORS+=("smoke: timed out after ${SMOKE_TIMEOUT}s")
  line="$(grep -E '^smoke: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n1 || true)"
  if [[ -z "$line" ]]; then
    echo "!! smoke: no 'smoke: N passed, N failed' line; counted as 1 failed"
    add_counts "smoke" 0 1 0
    return 0
  fi
  p="$(sed -E 's/^smoke: ([0-9]+) passed.*/\1/' <<<"$line")"
  f="$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")"
  add_counts "smoke" "$p" "$f" 0
  if [[ $rc -ne 0 && $f -eq 0 ]]; then ERRORS+=("smoke: exited $rc"); fi
}

# ---------------------------------------------------------------- procedures regenerate unchanged
# definitions/tools/regenerate.py --check runs every generator into a scratch folder and compares with definitions/
# (like `git diff --exit-code -- definitions/` after regenerating in place, without touching the working tree);
# one test: a difference prints the diff stat and counts 1 failed.
run_definitions() {
  local log="$RESULTS/definitions.log" rc=0
  echo "== definitions: regenerate every procedure and compare (definitions/tools/regenerate.py --check)"
  ensure_apt_packages python3 || rc=$?
  if [[ $rc -ne 0 ]]; then ERRORS+=("definitions: could not install python3"); add_counts "definitions" 0 1 0; return 0; fi
  python3 "$ROOT/definitions/tools/regenerate.py" --check 2>&1 | tee "$log" || rc=$?
  if [[ $rc -eq 0 ]]; then add_counts "definitions" 1 0 0; else add_counts "definitions" 0 1 0; fi
}

# ---------------------------------------------------------------- Designer (Node)
# Runs when src/Designer/package.json has a "test" and/or "test:e2e" script.
DESIGNER="$ROOT/src/Designer"

has_npm_script() { # name
  node -e 'const s=(require(process.argv[1]).scripts||{}); process.exit(s[process.argv[2]] ? 0 : 1)' \
    "$DESIGNER/package.json" "$1" 2>/dev/null
}

# vitest --reporter=json: numPassedTests / numFailedTests / numPendingTests + numTodoTests
parse_vitest() { # json label
  local counts
  if ! counts="$(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0), r.numPendingTests + r.numTodoTests)' "$1" 2>/dev/null)"; then
    echo "!! $2: no vitest JSON report at $1; counted as 1 failed"
    add_counts "$2" 0 1 0
    return 0
  fi
  # shellcheck disable=SC2086
  add_counts "$2" $counts
}

# Playwright list reporter: "  12 passed (30.1s)", "  1 failed", "  2 skipped", "  1 flaky"
parse_playwright() { # log label
  local p f s
  p=$(sed -nE 's/^\s*([0-9]+) (passed|flaky)( .*)?$/\1/p' "$1" | awk '{s+=$1} END{print s+0}')
  f=$(sed -nE 's/^\s*([0-9]+) failed( .*)?$/\1/p' "$1" | awk '{s+=$1} END{print s+0}')
  s=$(sed -nE 's/^\s*([0-9]+) (skipped|did not run)( .*)?$/\1/p' "$1" | awk '{s+=$1} END{print s+0}')
  if ! grep -qE '^\s*[0-9]+ (passed|failed)' "$1"; then echo "!! $2: no Playwright summary ('N passed') found"; fi
  add_counts "$2" "$p" "$f" "$s"
}

ensure_apt_packages() { # pkg...
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ "$(id -u)" -ne 0 ]]; then echo "!! missing packages (not root): ${missing[*]}"; return 1; fi
  echo "== apt-get install ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

run_designer() {
  [[ -f "$DESIGNER/package.json" ]] || return 0
  local has_unit=0 has_e2e=0 rc=0
  has_npm_script test && has_unit=1
  has_npm_script test:e2e && has_e2e=1
  [[ $has_unit -eq 1 || $has_e2e -eq 1 ]] || return 0
  mkdir -p "$RESULTS"

  echo "== npm ci (src/Designer)"
  if [[ -f "$DESIGNER/package-lock.json" ]]; then
    (cd "$DESIGNER" && IBM_TELEMETRY_DISABLED=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) || rc=$?
  else
    echo "!! src/Designer has no package-lock.json; using npm install"
    (cd "$DESIGNER" && IBM_TELEMETRY_DISABLED=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund) || rc=$?
  fi
  if [[ $rc -ne 0 ]]; then echo "!! npm ci exited $rc"; ERRORS+=("designer: npm ci exited $rc"); return 0; fi

  if [[ $has_unit -eq 1 ]]; then
    echo "== npm test (src/Designer)"
    rc=0
    rm -f "$RESULTS/designer-vitest.json"
    (cd "$DESIGNER" && NO_COLOR=1 npm test -- --reporter=default --reporter=json \
        --outputFile.json="$RESULTS/designer-vitest.json") 2>&1 | tee "$RESULTS/designer-test.log" || rc=$?
    [[ $rc -eq 0 ]] || ERRORS+=("designer: npm test exited $rc")
    parse_vitest "$RESULTS/designer-vitest.json" "designer (vitest)"
  fi

  if [[ $has_e2e -eq 1 ]]; then
    echo "== npm run test:e2e (src/Designer)"
    rc=0
    ensure_apt_packages chromium fonts-noto-cjk || rc=$?
    if [[ $rc -ne 0 ]]; then ERRORS+=("designer: could not install chromium/fonts-noto-cjk"); return 0; fi
    # No browser downloads are possible here: playwright.config should launch
    # Debian's chromium through this variable (launchOptions.executablePath).
    export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH="${PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH:-$(command -v chromium || true)}"
    # The e2e setup runs this Host (dotnet run --no-build) on a fresh data folder; build it (and through its
    # MSBuild target the console, when a source changed) once here. Up to date after dotnet test: seconds.
    echo "== dotnet build src/Host (Release) for the browser tests"
    dotnet build src/Host -c Release -v q -nologo || rc=$?
    if [[ $rc -ne 0 ]]; then ERRORS+=("designer: dotnet build src/Host exited $rc"); return 0; fi
    export ANJU_E2E_CONFIGURATION=Release ANJU_E2E_SKIP_BUILD=1
    (cd "$DESIGNER" && FORCE_COLOR=0 npm run test:e2e -- --reporter=list) 2>&1 | tee "$RESULTS/designer-e2e.log" || rc=$?
    [[ $rc -eq 0 ]] || ERRORS+=("designer: npm run test:e2e exited $rc")
    parse_playwright "$RESULTS/designer-e2e.log" "designer (playwright)"
  fi
}

# ---------------------------------------------------------------- main
T0=$(now)
mkdir -p "$RESULTS"
start_postgres
run_dotnet
run_format
run_smoke
run_definitions
run_designer

pg_stop_throwaway   # now, so nothing is printed after the summary line
echo "== done in $(( $(now) - T0 ))s"
STATUS=0
if [[ ${#ERRORS[@]} -gt 0 ]]; then
  for e in "${ERRORS[@]}"; do echo "!! $e"; done
  STATUS=1
fi
if [[ $FAILED -gt 0 ]]; then STATUS=1; fi
if [[ $((PASSED + FAILED)) -eq 0 ]]; then echo "!! no test was executed"; STATUS=1; fi
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
exit $STATUS
