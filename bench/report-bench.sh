#!/usr/bin/env bash
# Benchmark (run by hand, never by ./mvnw verify): `kubenet-migrate report` on a synthetic fleet of N clusters,
# side by side with the baseline a user would otherwise run -- jq selecting the kubenet clusters from the same
# input -- in the same run, interleaved round by round so that both see the same machine load.
#
#   bench/report-bench.sh [N=10000] [RUNS=5]
#
# Prints, per command, the median wall time, CPU time and peak resident memory (GNU time -v), the ratios to jq,
# and where the report's time goes (JVM start-up, reading, assessing, rendering; from --verbose).
# Goal: report wall time / jq wall time <= 1.0, peak memory < 1 GiB.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N="${1:-10000}"
RUNS="${2:-5}"
command -v jq >/dev/null || { echo "bench: needs jq (apt-get install jq)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }

work="${BENCH_DIR:-target/bench}"
fleet="$work/fleet-$N"
mkdir -p "$work"
echo "bench: building (tests skipped)" >&2
./mvnw -B -q -DskipTests -pl cli -am package >&2
if [ ! -f "$fleet/.complete" ]; then
  rm -rf "$fleet"
  java -cp test-support/target/classes:cli/target/kubenet-migrate.jar org.kubenetmigrate.testsupport.SyntheticFleet "$N" "$fleet" 42
  touch "$fleet/.complete"
fi
files=("$fleet"/*/*.json)
clusters_only=("$fleet"/*/managed-clusters.json)
FILTER='[.[] | select(.properties.networkProfile.networkPlugin=="kubenet")]'

declare -A CMD=(
  [jq-same-input]="jq -c '$FILTER' ${files[*]}"
  [jq-clusters-only]="jq -c '$FILTER' ${clusters_only[*]}"
  [report-json]="./kubenet-migrate report --from $fleet --format json"
  [report-html]="./kubenet-migrate report --from $fleet --format html"
  [jvm-startup]="./kubenet-migrate --version"
)
ORDER=(jq-same-input jq-clusters-only report-json report-html jvm-startup)
results="$work/results-$N.txt"
: > "$results"
for round in $(seq 1 "$RUNS"); do
  for name in "${ORDER[@]}"; do
    /usr/bin/time -v -o "$work/time.txt" bash -c "${CMD[$name]} > /dev/null"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
    cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{print u+s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time.txt")
    echo "$name $wall $cpu $rss" >> "$results"
  done
  echo "bench: round $round of $RUNS done" >&2
done

median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN{print a/b}'; }
stat() { awk -v n="$1" -v c="$2" '$1==n{print $c}' "$results" | median; }

input_mb=$(du -sm "$fleet" | cut -f1)
echo
echo "N=$N clusters, ${#files[@]} input files, ${input_mb} MB; $RUNS runs each, medians; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %10s %10s %12s\n' command "wall s" "cpu s" "peak RSS MiB"
for name in "${ORDER[@]}"; do
  printf '%-18s %10.2f %10.2f %12.0f\n' "$name" "$(stat "$name" 2)" "$(stat "$name" 3)" "$(div "$(stat "$name" 4)" 1024)"
done
jq_wall=$(stat jq-same-input 2)
jq_clusters_wall=$(stat jq-clusters-only 2)
echo
for name in report-json report-html; do
  w=$(stat "$name" 2)
  printf '%-12s ratio to jq (same input): %.2f   ratio to jq (cluster files only): %.2f   peak memory %.0f MiB\n' \
    "$name" "$(div "$w" "$jq_wall")" "$(div "$w" "$jq_clusters_wall")" "$(div "$(stat "$name" 4)" 1024)"
done
echo
echo "where report-json's time goes (one run with --verbose):"
./kubenet-migrate -v report --from "$fleet" --format json 2>&1 >/dev/null | grep -E "read [0-9]+ files|assessed|rendered" || true
echo "(plus JVM start-up, about the jvm-startup line above)"
