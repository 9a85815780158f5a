#!/usr/bin/env bash
# The report benchmark is part of bench/speed.sh (report of N clusters against jq's filter on the same input, with
# start-up, memory and plan figures beside it); this name stays for the commands that cite it.
#
#   bench/report-bench.sh [N=10000] [RUNS=5]
exec "$(dirname "${BASH_SOURCE[0]}")/speed.sh" --clusters "${1:-10000}" --runs "${2:-5}"
