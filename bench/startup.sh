#!/usr/bin/env bash
# What one mnemo call costs from process start to exit: the median wall time of RUNS whole-process runs (default 15) of
# `mnemo --version` and `mnemo get KEY` on a 1,000-entry store, for the Native AOT build, the JIT build (`dotnet
# mnemo.dll` and its apphost `mnemo`), and the sqlite3 command line reading the same row as the floor, interleaved so
# that the machine's load falls on all alike; then the sizes of the builds. Prints the load average before and after.
# Usage: bench/startup.sh [RUNS]
#   AOT_DIR=DIR  a Native AOT mnemo published there already (default: ./install.sh into a temporary directory)
#   JIT_DIR=DIR  a JIT mnemo published there already (default: dotnet publish -p:PublishAot=false into one)
# Needs the .NET 10 SDK, clang (for the AOT publish) and sqlite3 (Debian: apt-get install -y sqlite3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-15}"
command -v sqlite3 >/dev/null || { echo "startup.sh: sqlite3 is required for the floor (apt-get install -y sqlite3)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
aot="${AOT_DIR:-$work/aot}"
jit="${JIT_DIR:-$work/jit}"
[[ -n "${AOT_DIR:-}" ]] || ./install.sh "$aot" >&2
[[ -n "${JIT_DIR:-}" ]] || dotnet publish src/Mnemo.Cli -c Release -p:PublishAot=false -o "$jit" >&2
[[ ! -e "$aot/mnemo.dll" ]] || { echo "startup.sh: $aot holds mnemo.dll: not a Native AOT build" >&2; exit 2; }

# The store: 1,000 entries imported with the default embedder, then one get so that every first-use cost is paid.
db="$work/memory.db"
for i in $(seq 0 999); do
  printf '{"key":"bench/entry-%04d","text":"entry %d: a note an agent kept about task %d and what it decided"}\n' "$i" "$i" $((i % 37))
done >"$work/entries.jsonl"
"$aot/mnemo" --db "$db" import "$work/entries.jsonl" >&2
key="bench/entry-0500"
"$aot/mnemo" --db "$db" get "$key" >/dev/null
floor_sql="select v.key, v.version, v.payload, v.kind, v.tags from entries e join versions v on v.seq = e.seq where e.key = '$key'"

names=("aot --version" "jit dotnet --version" "jit apphost --version" "aot get" "jit dotnet get" "jit apphost get" "sqlite3 select")
commands=(
  "$aot/mnemo --version"
  "dotnet $jit/mnemo.dll --version"
  "$jit/mnemo --version"
  "$aot/mnemo --db $db get $key"
  "dotnet $jit/mnemo.dll --db $db get $key"
  "$jit/mnemo --db $db get $key"
  "sqlite3 $db \"$floor_sql\""
)
declare -A times
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((run = 0; run < runs; run++)); do
  for i in "${!commands[@]}"; do
    start=$(date +%s%N)
    eval "${commands[$i]}" >/dev/null || { echo "startup.sh: failed: ${commands[$i]}" >&2; exit 1; }
    times[$i]+="$(( ($(date +%s%N) - start) / 1000 )) "
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

median_ms() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'; }
floor=$(median_ms "${times[6]}")
printf '%-24s %10s %10s\n' "command ($runs runs)" "median ms" "x sqlite3"
for i in "${!commands[@]}"; do
  median=$(median_ms "${times[$i]}")
  printf '%-24s %10s %10s\n' "${names[$i]}" "$median" "$(awk -v m="$median" -v f="$floor" 'BEGIN {printf "%.1f", m / f}')"
done
echo "sizes: aot mnemo $(du -b "$aot/mnemo" | cut -f1) bytes (whole folder $(du -sb --exclude='*.dbg' "$aot" | cut -f1), mnemo.dbg $(du -b "$aot/mnemo.dbg" 2>/dev/null | cut -f1 || echo 0));" \
  "jit folder $(du -sb "$jit" | cut -f1) bytes"
