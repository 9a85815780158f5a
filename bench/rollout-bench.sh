#!/usr/bin/env bash
# Benchmark (run by hand, never by ./mvnw verify): a fleet rollout of N members (default 200) against the fake ARM
# (fast fake operations) with its state in Blob Storage (Azurite), with 1 worker and then with W workers (default 4).
# Prints wall time and the ratio, Blob Storage requests per member, and duplicate mutations (must be 0).
#
#   bench/rollout-bench.sh [N=200] [W=4]
#
# Needs Azurite: npm install --prefix .azurite azurite@3.35.0
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -B -q -Pbench -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$here/bench/target/classpath.txt" >&2
exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.kubenetmigrate.bench.RolloutBenchmark "${1:-200}" "${2:-4}"
