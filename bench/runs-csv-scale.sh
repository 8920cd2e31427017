#!/usr/bin/env bash
# What keeping runs.csv current costs after the N-th run: the whole-file rewrite every run used
# to pay, against the append a run whose columns are already written gets now.
#   bench/runs-csv-scale.sh [RUNS...]   (default: 2000 20000)
# Runs of a default-sweep shape (2 params, 21 metrics, 10 probes with per-CPU keys) are written
# to a temporary results directory first; the figures are the update after one more run.
# Measure under: flock /tmp/uringlab-measure.lock bench/runs-csv-scale.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
./uringlab --version >/dev/null                  # the launcher builds the jar when sources changed
mvn -q -B test-compile -pl orchestrator -am >/dev/null
exec java -cp "orchestrator/target/uringlab.jar:orchestrator/target/test-classes" \
    dev.uringlab.orchestrator.run.RunsCsvScaleBench "$@"
