#!/usr/bin/env bash
# The performance table: starts PostgreSQL in Docker and the service from its jar, signs up and in
# a set of users, then drives each endpoint with wrk at 32 and 128 connections and prints one
# Markdown table (requests/s, p50, p99, errors), with the time from process start to healthy, the
# resident memory idle and after the load, and the CPU time of one sign-in (one Argon2id hash).
# Usage: bench/run.sh [seconds per run, default 10]
# Needs: Docker, wrk (apt-get install wrk), curl; builds the jar when it is missing.
# BENCH_POSTGRES_IMAGE (default postgres:16-alpine) names the database image, BENCH_USERS (64) how
# many users and sessions the requests rotate over, BENCH_WARM_UP_ROUNDS (2) how many unmeasured
# runs of each row come first. BENCH_IMAGE (e.g. auth-service:local, built with
# deploy/Dockerfile) measures that container image instead of the jar; the jar runs with the image's
# JVM options, from deploy/java-options.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
users=${BENCH_USERS:-64}
warm_up_rounds=${BENCH_WARM_UP_ROUNDS:-2}
port=${BENCH_PORT:-3301}
image=${BENCH_POSTGRES_IMAGE:-postgres:16-alpine}
password='correct horse battery staple'
work=$(mktemp -d)
db=auth-bench-postgres-$$
service=auth-bench-service-$$
pid=
cleanup() {
  [ -n "${BENCH_IMAGE:-}" ] && docker rm -f "$service" >/dev/null 2>&1
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  docker rm -f "$db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "Docker is not running; it runs PostgreSQL" >&2; exit 1; }
. .mvn/select-jdk.sh
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=auth-bootstrap/target/auth-service.jar
[ -n "${BENCH_IMAGE:-}" ] || [ -f "$jar" ] || ./mvnw -q -DskipTests package -pl auth-bootstrap -am
. deploy/java-options.sh

docker run -d --name "$db" -e POSTGRES_PASSWORD=bench -e POSTGRES_DB=auth "$image" >/dev/null
address_of() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$1"; }
# containers' own addresses: a published port would add Docker's userland proxy to every request
settings=(PORT="$port" DATABASE_URL="postgres://postgres:bench@$(address_of "$db"):5432/auth"
  AUTH_SECRET=bench-secret-0123456789-abcdefghijklmnop MAIL_POLL_INTERVAL=100ms DATABASE_WAIT_SECONDS=60
  RATE_LIMIT_ENABLED=false) # one load generator is one client: its budget would end each run in a second
docker_env=()
for setting in "${settings[@]}"; do docker_env+=(-e "$setting"); done
migrate() { # the service's command line, to which this adds "migrate"
  "$@" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
}
if [ -n "${BENCH_IMAGE:-}" ]; then
  migrate docker run --rm "${docker_env[@]}" "$BENCH_IMAGE"
  started=$(date +%s%N)
  docker run -d --name "$service" --read-only --tmpfs /tmp:noexec,mode=1777 "${docker_env[@]}" "$BENCH_IMAGE" >/dev/null
  base="http://$(address_of "$service"):$port"
  pid=$(docker inspect -f '{{.State.Pid}}' "$service")
  service_log() { docker logs "$service" 2>&1; }
else
  migrate env "${settings[@]}" "$java" $JAVA_OPTS -jar "$jar"
  started=$(date +%s%N)
  env "${settings[@]}" "$java" $JAVA_OPTS -jar "$jar" >"$work/service.log" 2>&1 &
  pid=$!
  base="http://localhost:$port"
  service_log() { cat "$work/service.log"; }
fi
until curl -sf -o /dev/null "$base/health"; do
  kill -0 "$pid" 2>/dev/null || { service_log >&2; exit 1; }
  sleep 0.01
done
start_ms=$(( ($(date +%s%N) - started) / 1000000 ))
api="$base/api/auth"
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$pid/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
sleep 1
rss_idle=$(rss)

post() { curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$2" "$api/$1"; }
export -f post; export api password
seq "$users" | xargs -P 4 -I{} bash -c \
  'post sign-up/email "{\"name\":\"Bench {}\",\"email\":\"bench-{}@example.com\",\"password\":\"$password\"}"'
for _ in $(seq 100); do
  [ "$(service_log | grep -c "/api/auth/verify-email?")" -ge "$users" ] && break
  sleep 0.1
done
# the links name the public base URL, localhost:PORT; the requests go where the service is
service_log | grep -o "http://[^/]*/api/auth/verify-email?[^[:space:]]*" | sed "s#^http://[^/]*#$base#" | xargs -P 4 -n 1 curl -sf -o /dev/null
session_of() {
  curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench-$1@example.com\",\"password\":\"$password\"}" "$api/sign-in/email" \
    | sed -n 's/^[Ss]et-[Cc]ookie: better-auth\.session_token=\([^;]*\).*/\1/p'
}
for i in $(seq "$users"); do session_of "$i"; done >"$work/cookies"
# a bearer carries the signed token itself, not its URL-encoded cookie form
sed 's/%2F/\//g; s/%2B/+/g; s/%3D/=/g' "$work/cookies" >"$work/bearers"
[ "$(grep -c . "$work/cookies")" -eq "$users" ] || { echo "could not sign in all $users users" >&2; exit 1; }

# the CPU time of one sign-in, one at a time: almost all of it is the Argon2id hash
before=$(cpu_ticks); t0=$(date +%s%N)
for i in $(seq 20); do session_of $(( i % users + 1 )) >/dev/null; done
sign_in_cpu_ms=$(( ($(cpu_ticks) - before) * 1000 / $(getconf CLK_TCK) / 20 ))
sign_in_wall_ms=$(( ($(date +%s%N) - t0) / 1000000 / 20 ))

load() { # connections url [lua script and its arguments]: "req/s p50 p99 errors"
  local c=$1 url=$2; shift 2
  wrk -t2 -c"$c" -d"${seconds}s" --latency ${1:+-s "$1"} "$url" "${@:2}" | awk '
    /Requests\/sec/ {rps = $2}
    /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2}
    /Non-2xx/ {errors += $5}
    /Socket errors/ {gsub(",", ""); errors += $4 + $6 + $8 + $10}
    END {printf "%d %s %s %d\n", rps, p50, p99, errors}'
}
rows=(
  "get-session (cookie)|$api/get-session|bench/wrk/sessions.lua $work/cookies cookie"
  "get-session (bearer)|$api/get-session|bench/wrk/sessions.lua $work/bearers bearer"
  "/token|$api/token|bench/wrk/sessions.lua $work/cookies cookie"
  "/jwks|$api/jwks|"
  "sign-in|$api/sign-in/email|bench/wrk/sign-in.lua $users"
  "sign-up|$api/sign-up/email|bench/wrk/sign-up.lua"
  "GET /health|$base/health|"
)
# warm-up: C2 compiles while wrk and the service share two cores; get-session's path was still
# being compiled after one round (4-7 k req/s, against 8-10 k once compiled)
for round in $(seq "$warm_up_rounds"); do
  for row in "${rows[@]}"; do
    IFS='|' read -r name url script <<<"$row"
    [ "$name" = sign-up ] && script="$script warm-up-$round"
    load 32 "$url" $script >/dev/null
  done
done

echo "| endpoint | c | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
  IFS='|' read -r name url script <<<"$row"
  for c in 32 128; do
    [ "$name" = sign-up ] && args="$script run-$c" || args=$script
    read -r rps p50 p99 errors < <(load "$c" "$url" $args)
    echo "| $name | $c | $rps | $p50 | $p99 | $errors |"
  done
done
echo
echo "- start to healthy: $start_ms ms ($([ -n "${BENCH_IMAGE:-}" ] && echo "docker run of $BENCH_IMAGE" || echo "java -jar") to the first 200 of /health, schema migrated)"
echo "- RSS: $rss_idle idle after start, $(rss) after the load"
echo "- one sign-in: $sign_in_cpu_ms ms of CPU, $sign_in_wall_ms ms wall, one at a time;" \
  "$(nproc) cores ÷ that CPU time: $(( $(nproc) * 1000 / (sign_in_cpu_ms > 0 ? sign_in_cpu_ms : 1) )) sign-ins/s"
echo "- $(nproc) cores ($(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -1)) shared by wrk -t2, the service and PostgreSQL ($image);" \
  "${seconds} s a run after $warm_up_rounds warm-up runs of each; $users users and sessions"
