#!/usr/bin/env bash
# Measures every figure of issue 15 ("Every call fast"), each beside its baseline measured in the same run, as whole
# processes the way an agent calls mnemo: one command at a time. Prints a table and writes a JSON file.
#
#   bench/calls/measure.sh [options] [STEP...]      (no step: all of them, in this order)
#
# Steps (each runs alone; a step builds what it needs first and reuses the cached stores):
#   build    publish the CLI: Native AOT when `dotnet publish -p:PublishAot=true` works in this tree, else the normal
#            (JIT) publish; the table says which
#   version  `mnemo --version`, median of --runs processes (baseline: `sqlite3 --version`, a native process)
#   get      `mnemo get` on a 1,000-entry store, median of --runs (baseline: `sqlite3` reading the same row)
#   search   `mnemo search` on a 100,000-entry store with MNEMO_EMBEDDER=builtin-hashing and with the neural default
#            (arctic-xs), medians of --runs, hybrid and text-only in its own process (MNEMO_DAEMON=off; baseline:
#            `sqlite3` running the same FTS5 match), hybrid handed to a running `mnemo daemon` (when the build has
#            one), and the peak memory of one in-process search of each (/usr/bin/time -v)
#   index    vector index file bytes per entry on the 100,000-entry store, float and (when this build has the
#            option) int8
#   writers  --procs processes x --stores `mnemo store` each on one new database: wall time, and all present; once
#            for each daemon mode of --writers-daemon (auto: as a user has it, the first store that loads the model
#            starts the daemon; off: every store in its own process, the baseline of the same run)
#   mcp      `mnemo bench mcp --sizes 100,1000,5000` (each knowledge-graph tool against the reference server)
#   report   print the table and write the JSON from the results measured so far
#
# Options (each also as an environment variable):
#   --cache DIR        MNEMO_MEASURE_CACHE: builds, stores and results (default ~/.cache/mnemo-measure). The
#                      100,000-entry stores take long to build (the neural one the longest: every text is embedded
#                      once); they are built once and reused by later runs
#   --runs N           MNEMO_MEASURE_RUNS: processes per median (default 15)
#   --json FILE        MNEMO_MEASURE_JSON: where the JSON goes (default CACHE/results.json)
#   --no-neural        MNEMO_MEASURE_NEURAL=0: leave out the neural store (its first build embeds 100,000 texts)
#   --procs N --stores N --writers-embedder hashing|default --writers-timeout S --writers-daemon LIST
#                      MNEMO_MEASURE_PROCS (4), MNEMO_MEASURE_STORES (200), MNEMO_MEASURE_WRITERS_EMBEDDER (default:
#                      the neural default, as a new user has it), MNEMO_MEASURE_WRITERS_TIMEOUT (1200 s),
#                      MNEMO_MEASURE_WRITERS_DAEMON (auto,off; a build without a daemon runs every mode the same)
#   --mcp-sizes LIST --mcp-calls N
#                      MNEMO_MEASURE_MCP_SIZES (100,1000,5000), MNEMO_MEASURE_MCP_CALLS (200)
#   --mnemo PATH       MNEMO_MEASURE_BIN: measure this mnemo instead of building one (e.g. another build as a baseline)
#
# Needs: dotnet, jq, sqlite3 (baselines), /usr/bin/time (peak memory); Node.js for the MCP reference server.
# On Debian: apt-get install jq sqlite3 time nodejs npm. Native AOT also needs clang and zlib1g-dev.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${MNEMO_MEASURE_CACHE:-$HOME/.cache/mnemo-measure}
RUNS=${MNEMO_MEASURE_RUNS:-15}
JSON_OUT=${MNEMO_MEASURE_JSON:-}
NEURAL=${MNEMO_MEASURE_NEURAL:-1}
PROCS=${MNEMO_MEASURE_PROCS:-4}
STORES=${MNEMO_MEASURE_STORES:-200}
WRITERS_EMBEDDER=${MNEMO_MEASURE_WRITERS_EMBEDDER:-default}
WRITERS_TIMEOUT=${MNEMO_MEASURE_WRITERS_TIMEOUT:-1200}
MCP_SIZES=${MNEMO_MEASURE_MCP_SIZES:-100,1000,5000}
MCP_CALLS=${MNEMO_MEASURE_MCP_CALLS:-200}
WRITERS_DAEMON=${MNEMO_MEASURE_WRITERS_DAEMON:-auto,off}
MNEMO_BIN=${MNEMO_MEASURE_BIN:-}
STEPS=()

while (($#)); do
  case $1 in
    --cache) CACHE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --json) JSON_OUT=$2; shift 2 ;;
    --no-neural) NEURAL=0; shift ;;
    --procs) PROCS=$2; shift 2 ;;
    --stores) STORES=$2; shift 2 ;;
    --writers-embedder) WRITERS_EMBEDDER=$2; shift 2 ;;
    --writers-timeout) WRITERS_TIMEOUT=$2; shift 2 ;;
    --writers-daemon) WRITERS_DAEMON=$2; shift 2 ;;
    --mcp-sizes) MCP_SIZES=$2; shift 2 ;;
    --mcp-calls) MCP_CALLS=$2; shift 2 ;;
    --mnemo) MNEMO_BIN=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    build|version|get|search|index|writers|mcp|report|all) STEPS+=("$1"); shift ;;
    *) echo "measure.sh: unknown step or option '$1' (see --help)" >&2; exit 1 ;;
  esac
done
((${#STEPS[@]})) || STEPS=(all)
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "measure.sh: --runs '$RUNS' is not a positive number" >&2; exit 1; }
[[ $WRITERS_EMBEDDER == hashing || $WRITERS_EMBEDDER == default ]] \
  || { echo "measure.sh: --writers-embedder '$WRITERS_EMBEDDER': give hashing or default" >&2; exit 1; }
[[ $WRITERS_DAEMON =~ ^(auto|off)(,(auto|off))*$ ]] \
  || { echo "measure.sh: --writers-daemon '$WRITERS_DAEMON': give auto, off or auto,off" >&2; exit 1; }
JSON_OUT=${JSON_OUT:-$CACHE/results.json}
RESULTS=$CACHE/results.d
mkdir -p "$CACHE" "$RESULTS" "$CACHE/stores"
CACHE=$(cd "$CACHE" && pwd)
# The daemons this script starts (or its stores start) keep their sockets here, apart from the user's.
export MNEMO_DAEMON_DIR=$CACHE/daemons

command -v jq >/dev/null || { echo "measure.sh: needs jq (apt-get install jq)" >&2; exit 2; }

# ---------------------------------------------------------------- helpers

say() { echo "[measure] $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
have_sqlite3() { command -v sqlite3 >/dev/null || { say "sqlite3 not found: its baselines are left out (apt-get install sqlite3)"; return 1; }; }

# Microseconds one run of a command takes, its output discarded; fails the step when the command fails.
run_us() {
  local start end
  start=$(date +%s%N)
  if ! "$@" >/dev/null 2>"$CACHE/last-error.txt"; then
    say "failed: $* ($(head -c 400 "$CACHE/last-error.txt"))"
    return 1
  fi
  end=$(date +%s%N)
  echo $(((end - start) / 1000))
}

# The median of numbers on stdin, one per line.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "null"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Median milliseconds of RUNS runs of two commands, interleaved so that both see the same load; after one unmeasured
# run of each (file cache). Usage: pair_ms NAME_A NAME_B -- command A... -- command B...  Prints "A_ms B_ms".
pair_ms() {
  local a=() b=() side=a
  shift 3
  for arg in "$@"; do
    if [[ $arg == -- ]]; then side=b; continue; fi
    if [[ $side == a ]]; then a+=("$arg"); else b+=("$arg"); fi
  done
  run_us "${a[@]}" >/dev/null
  ((${#b[@]})) && run_us "${b[@]}" >/dev/null
  local ta=() tb=()
  for ((i = 0; i < RUNS; i++)); do
    ta+=("$(run_us "${a[@]}")")
    ((${#b[@]})) && tb+=("$(run_us "${b[@]}")")
  done
  local ma mb=null
  ma=$(printf '%s\n' "${ta[@]}" | median)
  ((${#b[@]})) && mb=$(printf '%s\n' "${tb[@]}" | median)
  echo "$(us_to_ms "$ma") $(us_to_ms "$mb")"
}

us_to_ms() { [[ $1 == null ]] && echo null || awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
ratio() { [[ $1 == null || $2 == null ]] && echo null || awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "null" }'; }

# Writes one step's result: save STEP JSON (the load average when it ended is added).
save() { jq --arg load "$(load)" --arg at "$(date -u +%FT%TZ)" '. + { load_average: $load, measured_at: $at }' <<<"$2" >"$RESULTS/$1.json"; }

mnemo() { "$MNEMO" "$@"; }

# Whether this build has `mnemo daemon` (builds before it run every command in its own process).
has_daemon() { "$MNEMO" daemon --help >/dev/null 2>&1; }

# Starts the daemon of DB in the background and returns once it answers (at most 60 s); fails when it does not.
daemon_start() {
  "$MNEMO" daemon run --db "$1" >/dev/null 2>>"$CACHE/daemon.log" &
  for ((i = 0; i < 300; i++)); do
    [[ $("$MNEMO" daemon status --json --db "$1" | jq .running) == true ]] && return 0
    sleep 0.2
  done
  say "the daemon of $1 did not answer within 60 s (see $CACHE/daemon.log)"
  return 1
}

daemon_stop() { has_daemon && "$MNEMO" daemon stop --db "$1" >/dev/null; return 0; }

# ---------------------------------------------------------------- build

step_build() {
  local rid arch
  arch=$(uname -m)
  case $arch in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) rid=linux-$arch ;; esac
  say "build: trying a Native AOT publish for $rid (log: $CACHE/publish-aot.log)"
  local kind note commit
  commit=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
  if dotnet publish "$ROOT/src/Mnemo.Cli/Mnemo.Cli.csproj" -c Release -r "$rid" -p:PublishAot=true -o "$CACHE/bin-aot" \
      >"$CACHE/publish-aot.log" 2>&1 && [[ -x $CACHE/bin-aot/mnemo ]] && "$CACHE/bin-aot/mnemo" --version >/dev/null 2>&1; then
    kind=aot; note="Native AOT ($rid)"
    ln -sfn "$CACHE/bin-aot/mnemo" "$CACHE/mnemo"
  else
    local why
    why=$(grep -m1 -E 'error|Error' "$CACHE/publish-aot.log" | sed 's/^ *//' | cut -c1-200 || true)
    say "build: no AOT build (${why:-see $CACHE/publish-aot.log}); publishing the JIT build"
    dotnet publish "$ROOT/src/Mnemo.Cli/Mnemo.Cli.csproj" -c Release -o "$CACHE/bin-jit" >"$CACHE/publish-jit.log" 2>&1 \
      || { say "build: the JIT publish failed too, see $CACHE/publish-jit.log"; exit 2; }
    kind=jit; note="JIT (framework-dependent): AOT publish failed: ${why:-see publish-aot.log}"
    ln -sfn "$CACHE/bin-jit/mnemo" "$CACHE/mnemo"
  fi
  save build "$(jq -n --arg kind "$kind" --arg note "$note" --arg version "$("$CACHE/mnemo" --version)" \
    --arg commit "$commit" \
    '{ kind: $kind, note: $note, version: $version, commit: $commit }')"
}

ensure_mnemo() {
  if [[ -n $MNEMO_BIN ]]; then
    MNEMO=$MNEMO_BIN
    [[ -f $RESULTS/build.json ]] || save build "$(jq -n --arg v "$("$MNEMO" --version)" --arg p "$MNEMO" \
      '{ kind: "given", note: ("--mnemo " + $p), version: $v }')"
  else
    [[ -x $CACHE/mnemo ]] || step_build
    MNEMO=$CACHE/mnemo
  fi
}

# ---------------------------------------------------------------- stores

# Writes COUNT entries as import lines: varied words from a fixed vocabulary, the same for every run.
generate() {
  awk -v n="$1" 'BEGIN {
    split("memory agent project deadline budget review design database index search cache vector graph entity relation " \
          "meeting customer release test deploy incident report schedule team decision risk plan note issue feature bug " \
          "latency storage backup restore import export model embedding token session context summary", w, " ")
    srand(42)
    for (i = 0; i < n; i++) {
      t = ""
      for (j = 0; j < 12; j++) t = t " " w[int(rand() * 48) + 1]
      printf "{\"key\":\"bench/e%06d\",\"text\":\"entry %d:%s\"}\n", i, i, t
    }
  }'
}

# Builds (once) a store of COUNT entries indexed with EMBEDDER (hashing or default) under NAME; prints its database.
store() {
  local name=$1 count=$2 embedder=$3 dir=$CACHE/stores/$1
  if [[ ! -f $dir/complete ]]; then
    rm -rf "$dir" && mkdir -p "$dir"
    say "building store $name ($count entries, embedder $embedder): once, reused by later runs"
    generate "$count" >"$dir/entries.jsonl"
    local started=$SECONDS
    with_embedder "$embedder" "$MNEMO" import "$dir/entries.jsonl" --db "$dir/memory.db" --progress >&2
    echo $((SECONDS - started)) >"$dir/build-seconds"
    rm -f "$dir/entries.jsonl"
    touch "$dir/complete"
  fi
  echo "$dir/memory.db"
}

with_embedder() { # EMBEDDER command...: runs a command (or a function of this script) with that embedder, default: none set
  local embedder=$1; shift
  (
    if [[ $embedder == hashing ]]; then export MNEMO_EMBEDDER=builtin-hashing; else unset MNEMO_EMBEDDER; fi
    "$@"
  )
}

# ---------------------------------------------------------------- steps

step_version() {
  local floor=()
  have_sqlite3 && floor=(sqlite3 --version)
  read -r m s < <(pair_ms mnemo sqlite3 -- "$MNEMO" --version -- "${floor[@]}")
  save version "$(jq -n --argjson m "$m" --argjson s "$s" '{ mnemo_ms: $m, sqlite3_ms: $s }')"
}

step_get() {
  local db key=bench/e000500 baseline=()
  db=$(store get-1k 1000 hashing)
  have_sqlite3 && baseline=(sqlite3 "$db" "SELECT v.payload FROM entries e JOIN versions v ON v.seq = e.seq WHERE e.key = '$key'")
  read -r m s < <(pair_ms mnemo sqlite3 -- "$MNEMO" get "$key" --db "$db" -- "${baseline[@]}")
  save get "$(jq -n --argjson m "$m" --argjson s "$s" --argjson r "$(ratio "$m" "$s")" \
    '{ entries: 1000, mnemo_ms: $m, sqlite3_ms: $s, ratio_to_sqlite3: $r }')"
}

# Peak resident memory of one command, KiB (null without GNU time).
peak_kib() {
  [[ -x /usr/bin/time ]] || { say "/usr/bin/time not found: peak memory left out (apt-get install time)"; echo null; return; }
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'
}

search_one() { # NAME EMBEDDER: measures search on that 100,000-entry store
  local name=$1 embedder=$2 db query="deadline budget review" baseline=()
  db=$(store "$name" 100000 "$embedder")
  have_sqlite3 && baseline=(sqlite3 "$db" "SELECT rowid FROM search_text WHERE search_text MATCH 'deadline budget review' ORDER BY rank LIMIT 10")
  read -r hybrid fts < <(MNEMO_DAEMON=off with_embedder "$embedder" pair_ms mnemo sqlite3 -- "$MNEMO" search "$query" --db "$db" -- "${baseline[@]}")
  read -r text _ < <(MNEMO_DAEMON=off with_embedder "$embedder" pair_ms mnemo none -- "$MNEMO" search "$query" --mode text --db "$db" --)
  local peak daemon=null
  peak=$(MNEMO_DAEMON=off with_embedder "$embedder" peak_kib "$MNEMO" search "$query" --db "$db")
  if has_daemon && with_embedder "$embedder" daemon_start "$db"; then
    read -r daemon _ < <(with_embedder "$embedder" pair_ms mnemo none -- "$MNEMO" search "$query" --db "$db" --)
    daemon_stop "$db"
  fi
  jq -n --arg e "$embedder" --argjson h "$hybrid" --argjson t "$text" --argjson f "$fts" --argjson p "${peak:-null}" --argjson d "$daemon" \
    --argjson build "$(cat "$(dirname "$db")/build-seconds" 2>/dev/null || echo null)" \
    '{ embedder: $e, entries: 100000, hybrid_ms: $h, text_only_ms: $t, sqlite3_fts5_ms: $f, daemon_hybrid_ms: $d,
       peak_rss_mib: (if $p == null then null else ($p / 1024 * 10 | round / 10) end), store_build_seconds: $build }'
}

step_search() {
  local hashing neural=null
  hashing=$(search_one search-100k-hashing hashing)
  if [[ $NEURAL == 1 ]]; then neural=$(search_one search-100k-neural default); else say "search: neural store left out (--no-neural)"; fi
  save search "$(jq -n --argjson h "$hashing" --argjson n "$neural" '{ hashing: $h, neural: $n }')"
}

index_bytes() { # DB: total bytes of its vector index files, from status (or the files beside it, for an older build)
  local db=$1 bytes
  bytes=$("$MNEMO" status --json --db "$db" | jq '[.files[]? | select(.kind == "vector_index") | .bytes] | add // empty')
  [[ -n $bytes ]] || bytes=$(find "$(dirname "$db")" -maxdepth 1 -name "$(basename "$db").*hnsw" -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  echo "$bytes"
}

# How this build stores an index in int8, as "OPTION" of reindex or "VARIABLE" of the environment; empty when it cannot.
int8_switch() {
  local option variable
  option=$("$MNEMO" reindex --help 2>/dev/null | grep -i 'int8' | grep -oE -- '--[a-z][a-z-]+' | head -n1 || true)
  if [[ -n $option ]]; then echo "option $option"; return; fi
  variable=$(grep -iE 'int8' "$ROOT/docs/configuration.md" 2>/dev/null | grep -oE 'MNEMO_[A-Z_]+' | head -n1 || true)
  [[ -n $variable ]] && echo "variable $variable"
  return 0
}

step_index() {
  local db entries float int8=null int8_note how
  db=$(store search-100k-hashing 100000 hashing)
  entries=$("$MNEMO" status --json --db "$db" | jq .live_entries)
  float=$(index_bytes "$db")
  how=$(int8_switch)
  if [[ -z $how ]]; then
    int8_note="no int8 index option in this build ('mnemo reindex --help' and docs/configuration.md name none)"
    say "index: $int8_note; skipped"
  else
    local copy=$CACHE/stores/index-int8
    rm -rf "$copy" && mkdir -p "$copy"
    "$MNEMO" backup "$copy/memory.db" --db "$db" >/dev/null
    read -r kind name <<<"$how"
    if [[ $kind == option ]]; then
      MNEMO_EMBEDDER=builtin-hashing "$MNEMO" reindex "$name" int8 --db "$copy/memory.db" >&2
    else
      env "$name=int8" MNEMO_EMBEDDER=builtin-hashing "$MNEMO" reindex --db "$copy/memory.db" >&2
    fi
    int8=$(index_bytes "$copy/memory.db")
    int8_note="built with $kind $name int8"
  fi
  save index "$(jq -n --argjson n "$entries" --argjson f "$float" --argjson i "$int8" --arg note "$int8_note" \
    '{ entries: $n, embedder: "builtin-hashing (384 dimensions, as arctic-xs)", float_bytes: $f,
       float_bytes_per_entry: ($f / $n | round), int8_bytes: $i,
       int8_bytes_per_entry: (if $i == null then null else ($i / $n | round) end), int8_note: $note }')"
}

writers_once() { # DAEMON_MODE: one run of the writers on a new database; prints its JSON
  local mode=$1 dir=$CACHE/writers-$1 db started wall finished=true
  rm -rf "$dir" && mkdir -p "$dir"
  db=$dir/memory.db
  say "writers: $PROCS processes x $STORES stores on one database (embedder: $WRITERS_EMBEDDER, daemon: $mode, timeout ${WRITERS_TIMEOUT} s)"
  started=$(date +%s%N)
  local pids=()
  for ((p = 0; p < PROCS; p++)); do
    (
      export MNEMO_DAEMON=$mode
      for ((i = 0; i < STORES; i++)); do
        with_embedder "$WRITERS_EMBEDDER" "$MNEMO" store "w$p/k$i" "writer $p wrote note $i about the release plan" --db "$db" >/dev/null \
          || echo "store w$p/k$i failed" >>"$dir/failures.txt"
      done
    ) &
    pids+=($!)
  done
  local deadline=$((SECONDS + WRITERS_TIMEOUT))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then finished=false; kill "$pid" 2>/dev/null || true; break; fi
      sleep 1
    done
    wait "$pid" 2>/dev/null || true
  done
  wall=$(awk -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  daemon_stop "$db"
  local present failures
  present=$(MNEMO_DAEMON=off "$MNEMO" status --json --db "$db" | jq .live_entries)
  failures=$( [[ -f $dir/failures.txt ]] && wc -l <"$dir/failures.txt" || echo 0)
  jq -n --argjson procs "$PROCS" --argjson stores "$STORES" --arg e "$WRITERS_EMBEDDER" --arg mode "$mode" --argjson wall "$wall" \
    --argjson present "$present" --argjson failures "$failures" --argjson finished "$finished" --argjson timeout "$WRITERS_TIMEOUT" \
    '{ processes: $procs, stores_each: $stores, embedder: $e, daemon: $mode, expected: ($procs * $stores), present: $present,
       all_present: ($present == $procs * $stores), failed_stores: $failures, finished: $finished, timeout_seconds: $timeout,
       wall_seconds: $wall, stores_per_second: (($procs * $stores) / $wall * 10 | round / 10) }'
}

step_writers() {
  local runs=()
  IFS=, read -ra modes <<<"$WRITERS_DAEMON"
  for mode in "${modes[@]}"; do runs+=("$(writers_once "$mode")"); done
  save writers "$(printf '%s\n' "${runs[@]}" | jq -s '{ runs: . }')"
}

step_mcp() {
  local out=$CACHE/mcp.json
  if ! "$MNEMO" bench mcp --sizes "$MCP_SIZES" --calls "$MCP_CALLS" --json >"$out" 2>"$CACHE/mcp.log"; then
    say "mcp: 'mnemo bench mcp' failed (see $CACHE/mcp.log); without Node.js run it with --no-reference by hand"
    save mcp '{ "error": "bench mcp failed" }'
    return
  fi
  save mcp "$(jq '{ sizes, calls, reference: .reference.version,
    tools: [ .runs[] | .entities as $n | .tools[] |
      { entities: $n, tool, mnemo_p50_ms: .mnemo.p50_ms, reference_p50_ms: .reference.p50_ms, ratio_p50 } ],
    scaling: .scaling }' "$out")"
}

# ---------------------------------------------------------------- report

step_report() {
  local merged
  merged=$(jq -n --arg load "$(load)" --arg cpus "$(nproc)" --arg host "$(uname -srm)" \
    '{ machine: { cpus: ($cpus | tonumber), kernel: $host, load_average_at_report: $load } }')
  for f in "$RESULTS"/*.json; do
    [[ -e $f ]] || continue
    merged=$(jq --arg k "$(basename "$f" .json)" --slurpfile v "$f" '. + { ($k): $v[0] }' <<<"$merged")
  done
  mkdir -p "$(dirname "$JSON_OUT")"
  echo "$merged" >"$JSON_OUT"

  jq -r '
    def v(x): if x == null then "-" else (x | tostring) end;
    def row(a; b; c; d): [a, b, c, d] | @tsv;
    row("figure"; "mnemo"; "baseline (same run)"; "load avg"),
    (if .build then row("build"; .build.kind; .build.note; .build.load_average) else empty end),
    (if .version then row("mnemo --version (ms)"; v(.version.mnemo_ms); "sqlite3 --version " + v(.version.sqlite3_ms); .version.load_average) else empty end),
    (if .get then row("get, 1,000 entries (ms)"; v(.get.mnemo_ms); "sqlite3 " + v(.get.sqlite3_ms) + " (x" + v(.get.ratio_to_sqlite3) + ")"; .get.load_average) else empty end),
    (if .search then (.search as $s | ["hashing", "neural"][] as $e | $s[$e] | select(. != null) |
      row("search 100k " + $e + " (ms)"; v(.hybrid_ms); "text-only " + v(.text_only_ms) + ", sqlite3 fts5 " + v(.sqlite3_fts5_ms); $s.load_average),
      row("  via the daemon (ms)"; v(.daemon_hybrid_ms); ""; $s.load_average),
      row("  peak memory (MiB)"; v(.peak_rss_mib); ""; $s.load_average)) else empty end),
    (if .index then row("index bytes/entry float"; v(.index.float_bytes_per_entry); "int8 " + v(.index.int8_bytes_per_entry) + (if .index.int8_bytes == null then " (" + .index.int8_note + ")" else "" end); .index.load_average) else empty end),
    (if .writers then (.writers.load_average as $l | .writers.runs[] | row("writers \(.processes)x\(.stores_each) store, daemon \(.daemon) (s)"; v(.wall_seconds);
      "\(.present)/\(.expected) present" + (if .finished then "" else ", stopped at \(.timeout_seconds) s" end); $l)) else empty end),
    (if .mcp.tools then (.mcp.load_average as $l | .mcp.tools[] | row("mcp \(.tool) @\(.entities) (p50 ms)"; v(.mnemo_p50_ms); "reference " + v(.reference_p50_ms) + " (x" + v(.ratio_p50) + ")"; $l)) else empty end)
  ' "$JSON_OUT" | column -t -s $'\t'
  say "JSON: $JSON_OUT"
}

# ---------------------------------------------------------------- main

for s in "${STEPS[@]}"; do
  if [[ $s == all ]]; then
    STEPS=(build version get search index writers mcp)
    break
  fi
done
say "load average at start: $(load); cache $CACHE; $RUNS runs per median"
for s in "${STEPS[@]}"; do
  case $s in
    build) if [[ -n $MNEMO_BIN ]]; then say "build: skipped, measuring --mnemo $MNEMO_BIN"; else step_build; fi; ensure_mnemo ;;
    report) ;;
    *) ensure_mnemo; say "$s (load average $(load))"; "step_$s" ;;
  esac
done
step_report
