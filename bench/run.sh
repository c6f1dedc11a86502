#!/usr/bin/env bash
# Runs the GovGrid benchmark on demand (never part of ./mvnw verify):
#   bash bench/run.sh [town|city]
# Starts its own server (demo profile, fresh data dir under /tmp, embedded PostgreSQL on a fixed
# loopback port), generates the data set, restarts the server so the grid index is built over it,
# runs the runner and stops the server. Results land in bench/results/<date>-<scale>.md.
#
# Environment: GOVGRID_JAR (server jar; default server/target/govgrid.jar, built if missing),
# BENCH_PORT / BENCH_PG_PORT (default: free ports), BENCH_KEEP=1 keeps the data dir,
# BENCH_DEMO_HISTORY (true loads the demo profile's six months of history into the town; default false, so that
# figures stay comparable with earlier runs), BENCH_ARGS (extra runner options, e.g. "--iterations 500 --budget-seconds 20"), SERVER_JAVA_OPTS (JVM options
# of the server, e.g. "-XX:StartFlightRecording=filename=/tmp/server.jfr,settings=profile" to profile a run),
# BENCH_PEOPLE=N residents for the search op (BENCH_PEOPLE=200000 BENCH_ARGS="--ops search");
# BENCH_ARGS="--ops crowd" measures crowd-flow ingest (API vs COPY) alone;
# BENCH_SUGGEST=6000 BENCH_ARGS="--ops suggest" 智能分拨's accuracy on held-out reports and its latency;
# BENCH_ARGS="--ops iot" IoT messages over HTTP and MQTT (a private Debian mosquitto broker) vs COPY.
set -euo pipefail

SCALE="${1:-town}"
case "$SCALE" in town | city) ;; *) echo "usage: bash bench/run.sh [town|city]" >&2; exit 2 ;; esac

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
JAR="${GOVGRID_JAR:-$ROOT/server/target/govgrid.jar}"

if [[ ! -f "$JAR" ]]; then
	echo "bench: building the server jar"
	(cd "$ROOT" && ./mvnw -q -DskipTests package -pl server -am)
fi
echo "bench: building the benchmark"
"$ROOT/mvnw" -q -f "$BENCH/pom.xml" -DskipTests package

free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 20000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	echo "bench: no free port found" >&2
	exit 1
}

PORT="${BENCH_PORT:-$(free_port)}"
PG_PORT="${BENCH_PG_PORT:-$(free_port)}"
WORK="$(mktemp -d /tmp/govgrid-bench.XXXXXX)"
LOG="$WORK/server.log"
URL="http://localhost:$PORT"
JDBC="jdbc:postgresql://localhost:$PG_PORT/postgres"
SERVER_PID=""

MQTT_ARGS=()
if [[ "${BENCH_ARGS:-}" == *iot* ]]; then
	MOSQUITTO="$(command -v mosquitto || echo /usr/sbin/mosquitto)"
	if [[ ! -x "$MOSQUITTO" ]]; then
		echo "bench: the iot op needs Debian's mosquitto (apt-get install mosquitto)" >&2
		exit 1
	fi
	MQTT_PORT="$(free_port)"
	mkdir -p "$WORK/mqtt"
	# the broker queues a burst for the subscriber instead of dropping it (mosquitto's default queue is 1,000)
	printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 0\n' \
		"$MQTT_PORT" >"$WORK/mqtt/mosquitto.conf"
	"$MOSQUITTO" -c "$WORK/mqtt/mosquitto.conf" >"$WORK/mqtt/mosquitto.log" 2>&1 &
	MQTT_PID=$!
	MQTT_ARGS=(--govgrid.iot.mqtt.url="tcp://127.0.0.1:$MQTT_PORT")
	BENCH_ARGS="$BENCH_ARGS --mqtt tcp://127.0.0.1:$MQTT_PORT"
fi

start_server() {
	echo "bench: starting the server on $URL (embedded PostgreSQL on $PG_PORT, data in $WORK/data)"
	env -u GOVGRID_DB_URL GOVGRID_DATA_DIR="$WORK/data" \
		java -XX:+UseParallelGC ${SERVER_JAVA_OPTS:-} -jar "$JAR" \
		--spring.profiles.active=demo \
		--server.port="$PORT" \
		--server.address=127.0.0.1 \
		--govgrid.db.embedded-port="$PG_PORT" \
		--govgrid.security.login-attempts-per-minute=1000000 \
		--govgrid.demo.history.enabled="${BENCH_DEMO_HISTORY:-false}" \
		"${MQTT_ARGS[@]}" \
		>>"$LOG" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 240); do
		if curl -fsS "$URL/actuator/health" >/dev/null 2>&1; then
			echo "bench: server up ($(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$LOG" | tail -1))"
			return
		fi
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			echo "bench: the server exited; see $LOG" >&2
			tail -40 "$LOG" >&2
			exit 1
		fi
		sleep 1
	done
	echo "bench: the server did not become healthy in 240 s; see $LOG" >&2
	exit 1
}

stop_server() {
	if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID"
		for _ in $(seq 1 60); do
			kill -0 "$SERVER_PID" 2>/dev/null || break
			sleep 1
		done
	fi
	SERVER_PID=""
}

cleanup() {
	stop_server
	if [[ -n "${MQTT_PID:-}" ]]; then
		kill "$MQTT_PID" 2>/dev/null || true
	fi
	if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
		rm -rf "$WORK/data"
	fi
	echo "bench: server log kept in $LOG"
}
trap cleanup EXIT

BENCH_JAVA=(java -cp "$BENCH/target/govgrid-bench.jar:$BENCH/target/lib/*" org.govgrid.bench.Bench)

start_server
"${BENCH_JAVA[@]}" generate --scale "$SCALE" --jdbc "$JDBC"
if [[ -n "${BENCH_SUGGEST:-}" ]]; then
	# closed events with varied texts for the suggest op (the newest fifth held out); the restart below learns them
	"${BENCH_JAVA[@]}" generate-suggest --jdbc "$JDBC" --events "$BENCH_SUGGEST"
fi
if [[ -n "${BENCH_PEOPLE:-}" ]]; then
	# residents for the search op, sealed with the keys this server created; the restart below indexes them
	"${BENCH_JAVA[@]}" generate-people --jdbc "$JDBC" --people "$BENCH_PEOPLE" --data-dir "$WORK/data"
fi
if [[ -n "${BENCH_EVENTS:-}" ]]; then
	# millions of events for the dashboard op; the restart below builds their statistics
	"${BENCH_JAVA[@]}" generate-events --jdbc "$JDBC" --events "$BENCH_EVENTS" --years 2
fi
echo "bench: restarting so the grid index (and the search index) is built over the generated data"
stop_server
start_server
# shellcheck disable=SC2086
"${BENCH_JAVA[@]}" run --scale "$SCALE" --url "$URL" --jdbc "$JDBC" \
	--results "$BENCH/results" --server-log "$LOG" ${BENCH_ARGS:-}
