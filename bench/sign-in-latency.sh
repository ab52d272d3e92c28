#!/usr/bin/env bash
# Measures, on this machine: time from `java -jar` to a healthy /health, and sign-in latency at low
# load (one request at a time). Uses the built jar and the embedded database in a temporary directory,
# or PostgreSQL when DATABASE_URL is set. Usage: bench/sign-in-latency.sh [requests]
# Needs: ./mvnw -q -pl auth-bootstrap -am package -DskipTests, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100}
port=${PORT:-3102}
. bench/embedded-service.sh
echo "start to healthy: $(( ($(date +%s%N) - started) / 1000000 )) ms"

api="http://localhost:$port/api/auth"
email="bench-$(date +%s)@example.com"
curl -sf -H 'content-type: application/json' \
  -d "{\"name\":\"Bench\",\"email\":\"$email\",\"password\":\"correct horse battery\"}" "$api/sign-up/email" >/dev/null
sleep 1
link=$(grep -o "$api/verify-email?[^ ]*" "$data/service.log" | tail -n 1)
curl -s -o /dev/null "$link"

for _ in $(seq 1 "$requests"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'content-type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"correct horse battery\"}" "$api/sign-in/email"
done | python3 -c '
import sys
rows = [line.split() for line in sys.stdin]
ok = sorted(float(t) * 1000 for code, t in rows if code == "200")
errors = sum(1 for code, _ in rows if code != "200")
pct = lambda p: ok[min(len(ok) - 1, int(round(p / 100 * (len(ok) - 1))))]
print(f"sign-in, one at a time: {len(ok)} ok, {errors} errors, p50 {pct(50):.1f} ms, p90 {pct(90):.1f} ms, p99 {pct(99):.1f} ms, max {ok[-1]:.1f} ms")
'
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "RSS after the run: $(( rss / 1024 )) MiB"
