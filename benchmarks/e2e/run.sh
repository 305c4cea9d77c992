#!/usr/bin/env bash
# End-to-end benchmark, run by hand (never part of mvn verify): cadet scan (through the ./cadet launcher,
# with its default JVM flags unless CADET_JAVA_OPTS is set) over a generated gzip CloudTrail corpus with 1
# and 2 parser threads, and in the same run jq and DuckDB over the same files.
# Checks that both scans wrote identical reports and that every planted attack was found.
#
#   benchmarks/e2e/run.sh [SIZE] [JAVA]
#   benchmarks/e2e/run.sh 1GB
#   benchmarks/e2e/run.sh 4GB /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#
# Needs: the CLI jar (built if missing), jq (apt-get install jq), GNU time (/usr/bin/time) and the DuckDB
# JDBC jar from Maven Central (fetched into ~/.m2 if missing). Corpora go to $CADET_BENCH_DIR
# (default /tmp/cadet-bench) and are reused by later runs of the same size.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size="${1:-1GB}"
java="${2:-java}"
work="${CADET_BENCH_DIR:-/tmp/cadet-bench}"
corpus="$work/corpus-$size"
jar="$root/cli/target/cadet.jar"
duckdb_version=2.0.0.1
duck="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duckdb_version/duckdb_jdbc-$duckdb_version.jar"
mkdir -p "$work"

[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl cli -am package)
[ -f "$duck" ] || mvn -B -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$duckdb_version"
command -v jq > /dev/null || { echo "jq is missing: apt-get install jq" >&2; exit 1; }
[ -f "$corpus/.cadet-generate.json" ] || "$java" -jar "$jar" generate --size "$size" --gzip --out "$corpus"

manifest="$corpus/.cadet-generate.json"
bytes=$(jq .jsonBytes "$manifest")
approved=()
while read -r p; do approved+=(--approved-principal "$p"); done < <(jq -r '.approvedPrincipals[]' "$manifest")
while read -r s; do approved+=(--approved-source "$s"); done < <(jq -r '.approvedSources[]' "$manifest")

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $("$java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# cadet JVM flags: ${CADET_JAVA_OPTS-launcher defaults}"
echo "# corpus $corpus: $(jq .files "$manifest") files, $(jq .records "$manifest") records, $bytes bytes of JSON, $(du -sb "$corpus" | cut -f1) on disk"
echo
echo "| tool | threads | wall s | MB/s of JSON | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|---|"

# measure LABEL THREADS COMMAND...: one table row from GNU time's wall, CPU and peak RSS.
measure() {
  local label="$1" threads="$2"
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/$label-$threads.out" 2> "$work/$label-$threads.err"
  read -r wall user sys kb < "$work/time.txt"
  awk -v l="$label" -v t="$threads" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" -v b="$bytes" \
    'BEGIN { printf "| %s | %s | %.2f | %.0f | %.1f | %.0f |\n", l, t, w, b / w / 1e6, u + s, k / 1024 }'
}

# Through the launcher, as a user runs it: its default JVM flags unless CADET_JAVA_OPTS is set. It rebuilds a
# stale jar and archives the classes a scan loads on its first scan after a build, so both happen here, outside
# the measurement.
CADET_JAVA="$java" "$root/cadet" --version > /dev/null
first="$(find "$corpus" -name '*.json.gz' -print -quit)"
CADET_JAVA="$java" "$root/cadet" scan "$first" --out "$work/reports-warmup" > /dev/null
for threads in 1 2; do
  rm -rf "$work/reports-$threads"
  measure "cadet scan" "$threads" env CADET_JAVA="$java" "$root/cadet" scan "$corpus" --threads "$threads" \
    --out "$work/reports-$threads" "${approved[@]}"
done
measure "jq" 1 bash -c "find '$corpus' -name '*.json.gz' -print0 | sort -z | xargs -0 gzip -dc \
  | jq -c '.Records[] | select(.eventSource==\"ssm.amazonaws.com\")' | wc -l"
for threads in 1 2; do
  measure "DuckDB $duckdb_version" "$threads" "$java" -cp "$duck" "$root/benchmarks/e2e/DuckCount.java" "$corpus" "$threads"
done
echo
echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "SSM events: jq $(tr -d ' ' < "$work/jq-1.out"), DuckDB $(cut -d' ' -f1 "$work/DuckDB $duckdb_version-2.out")"

if diff -r "$work/reports-1" "$work/reports-2" > /dev/null; then
  echo "Reports with 1 and 2 threads: identical"
else
  echo "Reports with 1 and 2 threads: DIFFERENT" >&2
  exit 1
fi
missing=0
while read -r scenario; do
  id=$(jq -r .id <<< "$scenario")
  principal=$(jq -r .principal <<< "$scenario")
  for detector in $(jq -r '.detectors[]' <<< "$scenario"); do
    if ! grep -F -- ",$detector," "$work/reports-2/findings.csv" | grep -F -- "$principal" > /dev/null; then
      echo "planted $id: no $detector finding for $principal" >&2
      missing=1
    fi
  done
done < <(jq -c '.scenarios[]' "$manifest")
[ "$missing" = 0 ] && echo "Planted attacks: all $(jq '.scenarios | length' "$manifest") found by their detectors"
exit "$missing"
