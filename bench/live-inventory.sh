#!/usr/bin/env bash
# Benchmark (not a test): live fleet inventory through Resource Graph versus the naive per-cluster ARM script,
# both with the real Azure SDK over HTTPS against the fake ARM holding a synthetic fleet.
# Usage: bench/live-inventory.sh [subscriptions=50] [clustersPerSubscription=100]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -B -q -Pbench -pl bench -am install -DskipTests >&2
./mvnw -B -q -Pbench -pl bench dependency:build-classpath -Dmdep.outputFile="$here/bench/target/classpath.txt" >&2
exec java -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.kubenetmigrate.bench.LiveInventoryBenchmark "${1:-50}" "${2:-100}"
