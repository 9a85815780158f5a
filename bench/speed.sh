#!/usr/bin/env bash
# Speed and memory benchmark (run by hand, never by ./mvnw verify). Every figure is a ratio against a baseline that
# runs in the same invocation, interleaved round by round so that both see the same machine load:
#
#   report of N clusters (json, csv, html)        vs  jq's bare kubenet filter over the same input files
#   report of 4N clusters in ONE file (json), peak memory
#                                                  vs  jq over the same file; memory growth 4N/N vs the fleet's 4.0
#   --version, --help, offline report of examples/fleet
#                                                  vs  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version
#   plan for one cluster out of N                  vs  jq selecting that cluster from the same input
#
#   bench/speed.sh [--quick] [--clusters N] [--runs R] [--before JAR]
#
#   --quick        smoke check: N=1,000 (and 4,000), 3 runs
#   --clusters N   N (default 10,000)
#   --runs R       rounds (default 5; the figures need at least 5)
#   --before JAR   also run an older build's fat jar (java -jar JAR ...) beside every kubenet-migrate command, so
#                  that before/after compare within one run; e.g. a copy of cli/target/kubenet-migrate.jar taken
#                  before a change
#   BENCH_DIR      where fleets and raw results go (default target/bench)
#   BENCH_NO_BUILD=1  use the jar as built
#   BENCH_SUMMARY_ONLY=1  print the table again from the last run's raw results
#   BENCH_KM       the command to measure (default ./kubenet-migrate), e.g. a copy of the launcher beside an older jar
#
# Per round every command runs once, through GNU time -v; a ratio is candidate/baseline within one round, and the
# table shows min/median/max of those ratios over the rounds (wall time, and CPU time, which a loaded machine skews
# less), beside the candidate's own figures and median peak resident memory. Load average is printed before and
# after: on a shared machine, read the ratios, not the seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N=10000
RUNS=5
BEFORE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) N=1000; RUNS=3 ;;
    --runs) RUNS="$2"; shift ;;
    --clusters) N="$2"; shift ;;
    --before) BEFORE="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
BIG=$((N * 4))
command -v jq >/dev/null || { echo "bench: needs jq (apt-get install jq)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
[ -z "$BEFORE" ] || [ -f "$BEFORE" ] || { echo "bench: $BEFORE: no such jar" >&2; exit 2; }

work="${BENCH_DIR:-target/bench}"
mkdir -p "$work"
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  echo "bench: building (tests skipped; the fleet generator is a test class)" >&2
  ./mvnw -B -q -DskipTests -pl cli -am package >&2
fi
km="${BENCH_KM:-./kubenet-migrate}"
# Let the launcher do its once-per-build work (if any) before the clock starts.
$km --version >/dev/null

# The deterministic generator (seed 42; cluster k is the same whatever N).
generate() {
  local n="$1" dir="$2"
  [ -f "$dir/.complete" ] && return 0
  rm -rf "$dir"
  echo "bench: generating $n clusters into $dir" >&2
  java -cp "test-support/target/classes:$(ls cli/target/kubenet-migrate.jar)" \
    org.kubenetmigrate.testsupport.SyntheticFleet "$n" "$dir" 42 >&2
  touch "$dir/.complete"
}
# The 4N fleet as ONE file, a bare array of every resource (as one big az/Resource Graph export would be): the
# reader may hold the fleet, but must never hold a tree of the whole file.
one_file() {
  local from="$1" to="$2"
  [ -f "$to/.complete" ] && return 0
  rm -rf "$to" && mkdir -p "$to"
  python3 - "$from" "$to/fleet.json" <<'PY'
import glob, sys
with open(sys.argv[2], "w") as out:
    out.write("[")
    first = True
    for name in sorted(glob.glob(sys.argv[1] + "/*/*.json")):
        body = open(name).read().strip()[1:-1].strip()
        if body:
            out.write(("" if first else ",\n") + body)
            first = False
    out.write("]\n")
PY
  touch "$to/.complete"
}
small="$work/fleet-$N"
generate "$N" "$small"
generate "$BIG" "$work/fleet-$BIG"
big="$work/fleet-$BIG-one-file"
one_file "$work/fleet-$BIG" "$big"
small_files=("$small"/*/*.json)
big_files=("$big"/fleet.json)
target=$(jq -r '.[0].name' "$small/sub-0042/managed-clusters.json" 2>/dev/null \
  || jq -r '.[0].name' "$(ls "$small"/*/managed-clusters.json | tail -n 1)")
FILTER='[.[] | select(.properties.networkProfile.networkPlugin == "kubenet") | .name] | length'

# The older jar with the launcher's JVM flags, without class-data sharing (its archive would be made for this jar).
before_java="java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxNewSize=32m -Xlog:disable -Xlog:all=warning:stderr -jar $BEFORE"

# name, command, baseline name (tab-separated; (empty: a baseline itself)
ROWS=()
row() { ROWS+=("$1"$'\t'"$2"$'\t'"$3"); }
row jq "jq '$FILTER' ${small_files[*]}" ""
row jq-clusters "jq '$FILTER' $small/*/managed-clusters.json" ""
row jq-big "jq '$FILTER' ${big_files[*]}" ""
row jq-one "jq -c '.[] | select(.name == \"$target\")' ${small_files[*]}" ""
row java-version "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version" ""
candidates() {  # prefix launcher
  local p="$1" k="$2"
  row "${p}report-json" "$k report --from $small --format json" jq
  row "${p}report-csv" "$k report --from $small --format csv" jq
  row "${p}report-html" "$k report --from $small --format html" jq
  row "${p}report-json-big" "$k report --from $big --format json" jq-big
  row "${p}version" "$k --version" java-version
  row "${p}help" "$k --help" java-version
  row "${p}example-report" "$k report --from examples/fleet" java-version
  row "${p}plan-one" "$k plan --from $small --cluster $target" jq-one
}
candidates "" "$km"
[ -z "$BEFORE" ] || candidates "before:" "$before_java"

results="$work/speed-results.txt"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# BENCH_SUMMARY_ONLY=1 prints the table again from the raw results of the last run (same arguments).
[ "${BENCH_SUMMARY_ONLY:-}" = 1 ] && RUNS=0 || : > "$results"
for round in $(seq 1 "$RUNS"); do
  for r in "${ROWS[@]}"; do
    IFS=$'\t' read -r name cmd base <<< "$r"
    /usr/bin/time -v -o "$work/time.txt" bash -c "$cmd > /dev/null 2> $work/stderr.txt" || true
    status=$(awk -F': ' '/Exit status/{print $2}' "$work/time.txt")
    # 0 success, 3 a --fail-on threshold met: both are a finished run; anything else is a broken benchmark.
    if [ "$status" != 0 ] && [ "$status" != 3 ]; then
      echo "bench: '$cmd' exited $status:" >&2; head -n 5 "$work/stderr.txt" >&2; exit 1
    fi
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
    cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{print u+s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time.txt")
    echo "$round $name $wall $cpu $rss" >> "$results"
  done
  echo "bench: round $round of $RUNS done (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
done

# min/median/max of a column of numbers
mmm() { sort -g | awk '{a[NR]=$1} END{ m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.2f %.2f %.2f", a[1], m, a[NR] }'; }
col() { awk -v n="$1" -v c="$2" '$2==n{print $c}' "$results"; }
ratios() {  # per-round candidate/baseline of column c
  awk -v n="$1" -v b="$2" -v c="$3" '$2==n{x[$1]=$c} $2==b{y[$1]=$c} END{for (r in x) if (y[r] > 0) print x[r]/y[r]}' "$results"
}
med() { mmm | cut -d' ' -f2; }

echo
rounds=$(awk '{print $1}' "$results" | sort -u | wc -l)
echo "kubenet-migrate speed: N=$N clusters ($(du -sm "$small" | cut -f1) MB in ${#small_files[@]} files), 4N=$BIG ($(du -sm "$big" | cut -f1) MB in one file), $rounds runs each, interleaved"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-24s %-13s %-20s %-20s %-20s %-17s %8s\n' command baseline "wall s min/med/max" "wall ratio" "cpu s min/med/max" \
  "cpu ratio" "RSS MiB"
for r in "${ROWS[@]}"; do
  IFS=$'\t' read -r name cmd base <<< "$r"
  wall=$(col "$name" 3 | mmm | tr ' ' /)
  cpu=$(col "$name" 4 | mmm | tr ' ' /)
  rss=$(col "$name" 5 | med | awk '{printf "%.0f", $1/1024}')
  if [ -n "$base" ]; then
    ratio=$(ratios "$name" "$base" 3 | mmm | tr ' ' /)
    cpu_ratio=$(ratios "$name" "$base" 4 | mmm | tr ' ' /)
  else
    ratio="(baseline)"; cpu_ratio=""
  fi
  printf '%-24s %-13s %-20s %-20s %-20s %-17s %8s\n' "$name" "${base:--}" "$wall" "$ratio" "$cpu" "$cpu_ratio" "$rss"
done
echo
for p in "" ${BEFORE:+before:}; do
  r=$(ratios "${p}report-json" jq-clusters 3 | mmm | tr ' ' /)
  g=$(ratios "${p}report-json-big" "${p}report-json" 5 | mmm | tr ' ' /)
  peak=$(col "${p}report-json-big" 5 | mmm | awk '{printf "%.0f", $3/1024}')
  echo "${p:-now: }report-json vs jq over the cluster files only: $r; peak RSS $BIG/$N clusters: $g (fleet 4.00); max peak at $BIG: $peak MiB"
done
# Where the time of the json report goes: the phases the report command times itself with -v (median of 3 runs).
phases() {
  for i in 1 2 3; do
    $km -v report --from "$small" --format json 2>&1 >/dev/null \
      | sed -n -E 's/.*read [0-9]+ files: .* in ([0-9]+) ms/read \1/p; s/.*assessed [0-9]+ clusters in ([0-9]+) ms/assess \1/p; s/.*rendered json in ([0-9]+) ms/render \1/p'
  done | awk '{v[$1]=v[$1] " " $2} END{print "read", v["read"]; print "assess", v["assess"]; print "render", v["render"]}' \
    | while read -r phase a b c; do printf '%s %s ms  ' "$phase" "$(printf '%s\n' "$a" "$b" "$c" | sort -g | sed -n 2p)"; done
}
if [ "$RUNS" -gt 0 ]; then
  echo "where report-json's time goes at N=$N (-v phase timings, median of 3): $(phases)"
fi
echo
echo "goals: report <= 1.5x jq (same input); peak RSS at 40,000 <= 1024 MiB, growth clearly below 4.00;"
echo "       --version/--help <= 0.3 s; example report <= 0.6 s; plan-one far below report-json"
echo "raw results: $results"
