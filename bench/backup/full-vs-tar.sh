#!/usr/bin/env bash
# Full backup throughput of the running platform (MB/s) against `tar` of the same data directory on the same
# machine, and the restore drill's time. Needs a running GovGrid with the embedded database and a system admin.
#   bench/backup/full-vs-tar.sh http://localhost:8080 admin 'password' ./data
set -euo pipefail
base=${1:?base URL}; user=${2:?user}; password=${3:?password}; data=${4:?data dir}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
curl -sf -c "$jar" -b "$jar" "$base/api/v1/config/public" >/dev/null
xsrf=$(awk '$6=="XSRF-TOKEN"{print $7}' "$jar")
call() { curl -sf -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $xsrf" -H 'Content-Type: application/json' "$@"; }
call -X POST "$base/api/v1/auth/login" -d "{\"username\":\"$user\",\"password\":\"$password\"}" >/dev/null
xsrf=$(awk '$6=="XSRF-TOKEN"{print $7}' "$jar")

wait_for() { while :; do s=$(call "$1" | sed -E 's/.*"status":"([A-Z]+)".*/\1/'); [ "$s" != RUNNING ] && break; sleep 0.5; done; echo "$s"; }

t0=$(date +%s.%N)
id=$(call -X POST "$base/api/v1/ops/backups" -d '{"type":"FULL"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
status=$(wait_for "$base/api/v1/ops/backups/$id")
t1=$(date +%s.%N)
bytes=$(call "$base/api/v1/ops/backups/$id" | sed -E 's/.*"sizeBytes":([0-9]+).*/\1/')
echo "full backup $id: $status, $bytes bytes in $(echo "$t1 - $t0" | bc) s: $(echo "scale=1; $bytes / 1048576 / ($t1 - $t0)" | bc) MB/s"

t0=$(date +%s.%N)
tar -C "$data" --exclude=pg_wal -cf /tmp/govgrid-bench.tar postgres 2>/dev/null || true
t1=$(date +%s.%N)
tbytes=$(stat -c %s /tmp/govgrid-bench.tar); rm -f /tmp/govgrid-bench.tar
echo "tar of the data dir: $tbytes bytes in $(echo "$t1 - $t0" | bc) s: $(echo "scale=1; $tbytes / 1048576 / ($t1 - $t0)" | bc) MB/s"

t0=$(date +%s.%N)
drill=$(call -X POST "$base/api/v1/ops/backups/$id/drill" -d '{}' | sed -E 's/.*"id":([0-9]+).*/\1/')
status=$(wait_for "$base/api/v1/ops/drills/$drill")
t1=$(date +%s.%N)
echo "restore drill $drill: $status in $(echo "$t1 - $t0" | bc) s"
