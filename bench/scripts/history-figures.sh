#!/usr/bin/env bash
# Latency of 智能分拨 and 热点研判 over the demo history, from outside with curl, against a running demo server
# (e.g. one kept up by `HOLD=600 bash bench/scripts/cold-start.sh`). Signs in as `center` (changing the initial
# password on a fresh start), then times N calls of POST /api/v1/events/suggest with varied texts and of
# GET /api/v1/warning/hotspots, printing p50/p95/max in ms.
# Usage: bash bench/scripts/history-figures.sh [base-url] [calls]   (defaults http://127.0.0.1:18111 200)
set -euo pipefail
BASE=${1:-http://127.0.0.1:18111}
N=${2:-200}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
NEW='Bench#Pass2026'
xsrf() { awk '$6 == "XSRF-TOKEN" { print $7 }' "$JAR" | tail -1; }
call() { curl -sS -b "$JAR" -c "$JAR" -H "X-XSRF-TOKEN: $(xsrf)" -H 'Content-Type: application/json' "$@"; }
curl -sS -c "$JAR" -o /dev/null "$BASE/api/v1/config/public"
if ! call -f -o /dev/null -X POST "$BASE/api/v1/auth/login" -d "{\"username\":\"center\",\"password\":\"$NEW\"}" 2>/dev/null; then
	call -f -o /dev/null -X POST "$BASE/api/v1/auth/login" -d '{"username":"center","password":"GovGrid@2026"}'
	call -f -o /dev/null -X POST "$BASE/api/v1/auth/password" \
		-d "{\"oldPassword\":\"GovGrid@2026\",\"newPassword\":\"$NEW\"}"
fi
TEXTS=("小区门口垃圾桶满溢出来了好几天没人清运" "有人飞线给电瓶车充电，很危险" "路灯不亮晚上漆黑一片" "共享单车乱停放堵住路口"
	"楼上邻居半夜噪音扰民" "饭店卫生很差食品变质" "消防通道被私家车堵死" "井盖缺失很危险" "老板拖欠工资好几个月" "早点摊占道影响通行")
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d calls\n",
	a[int(NR * 0.5 + 0.5)] * 1000, a[int(NR * 0.95 + 0.5)] * 1000, a[NR] * 1000, NR }'; }
for i in $(seq 5); do call -o /dev/null -X POST "$BASE/api/v1/events/suggest" -d "{\"description\":\"${TEXTS[0]}\"}"; done
echo "POST /api/v1/events/suggest: $(for i in $(seq "$N"); do
	call -o /dev/null -w '%{time_total}\n' -X POST "$BASE/api/v1/events/suggest" \
		-d "{\"description\":\"${TEXTS[$((i % ${#TEXTS[@]}))]}\"}"; done | stats)"
echo "GET /api/v1/warning/hotspots?days=30: $(for i in $(seq $((N / 5))); do
	call -o /dev/null -w '%{time_total}\n' "$BASE/api/v1/warning/hotspots?days=30"; done | stats)"
echo "clusters (30 days): $(call "$BASE/api/v1/warning/hotspots?days=30" | grep -o '"count"' | wc -l)"
echo "dashboard (last 180 days): $(call "$BASE/api/v1/stats/dashboard?from=$(date -d '-180 days' +%F)&to=$(date +%F)" | grep -o '"totalEvents":[0-9]*')"
