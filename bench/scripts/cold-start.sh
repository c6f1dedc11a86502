#!/usr/bin/env bash
# Cold start measured from outside: java -jar with the demo profile on a fresh data dir until
# /actuator/health answers UP; prints the seconds, then stops the server it started.
# Usage: bash bench/scripts/cold-start.sh [jar] [port]   (defaults: server/target/govgrid.jar 18111)
# Keep the data dir (for a restart measurement): KEEP_DATA=1; reuse one: DATA_DIR=/path.
set -euo pipefail
JAR=${1:-server/target/govgrid.jar}
PORT=${2:-18111}
DATA_DIR=${DATA_DIR:-$(mktemp -d /tmp/govgrid-cold-XXXXXX)}
LOG=${LOG:-$DATA_DIR.log}
start=$(date +%s.%N)
GOVGRID_DATA_DIR="$DATA_DIR" java ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" >"$LOG" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
	if ! kill -0 "$pid" 2>/dev/null; then
		echo "server exited; see $LOG" >&2
		exit 1
	fi
	sleep 0.2
done
end=$(date +%s.%N)
printf 'cold start to health UP: %.1f s (data dir %s, log %s)\n' "$(echo "$end - $start" | bc)" "$DATA_DIR" "$LOG"
if [ -n "${HOLD:-}" ]; then
	echo "holding the server for $HOLD s"
	sleep "$HOLD"
fi
kill "$pid"
wait "$pid" 2>/dev/null || true
[ -n "${KEEP_DATA:-}" ] || rm -rf "$DATA_DIR"
