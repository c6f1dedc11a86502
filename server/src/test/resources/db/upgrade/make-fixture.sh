#!/usr/bin/env bash
# Remakes the upgrade fixture of ReleaseUpgradeIT (ADR 0008) from a release commit: builds that commit, runs it with
# the demo data on a scratch Debian PostgreSQL 15, drives a day's loop through its API, and dumps the database.
# Needs: postgresql-15 (apt-get install postgresql-15), python3, this repository. Usage: make-fixture.sh <commit>
set -euo pipefail
commit=${1:?release commit}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
work=$(mktemp -d)
pgbin=/usr/lib/postgresql/15/bin
port=55415
trap 'kill $app 2>/dev/null || true; su postgres -c "$pgbin/pg_ctl -D $work/pg -m fast stop" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$repo" worktree add --detach "$work/src" "$commit" >/dev/null
(cd "$work/src" && ./mvnw -B -q -DskipTests package)
git -C "$repo" worktree remove --force "$work/src" 2>/dev/null || true

chown postgres "$work"
su postgres -c "$pgbin/initdb -D $work/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$pgbin/pg_ctl -D $work/pg -o '-p $port -k $work' -l $work/pg.log start" >/dev/null
"$pgbin/../../../../bin/psql" -h "$work" -p $port -U postgres -qc "create database govgrid" 2>/dev/null \
  || psql -h "$work" -p $port -U postgres -qc "create database govgrid"

GOVGRID_DATA_DIR="$work/data" GOVGRID_DB_URL=jdbc:postgresql://localhost:$port/govgrid GOVGRID_DB_USER=postgres \
  GOVGRID_DB_PASSWORD=x PORT=18199 java -jar "$work/src/server/target/govgrid.jar" --spring.profiles.active=demo \
  > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 90); do curl -sf localhost:18199/actuator/health | grep -q UP && break; sleep 2; done
python3 "$here/drive-day.py" http://localhost:18199
sleep 3 # the audit chain seals in the background
kill $app; wait $app 2>/dev/null || true

rm -f "$here"/release-*.sql.gz
"$pgbin/pg_dump" -h "$work" -p $port -U postgres --no-owner --no-privileges --inserts --rows-per-insert=200 govgrid \
  | gzip -9 > "$here/release-${commit:0:7}.sql.gz"
echo "wrote $here/release-${commit:0:7}.sql.gz; set ReleaseUpgradeIT.FIXTURE to it"
