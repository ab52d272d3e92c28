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
. bench/service.sh

# the CPU time of one sign-in, one at a time: almost all of it is the Argon2id hash
before=$(cpu_ticks); t0=$(date +%s%N)
for i in $(seq 20); do session_of $(( i % users + 1 )) >/dev/null; done
sign_in_cpu_ms=$(( ($(cpu_ticks) - before) * 1000 / $(getconf CLK_TCK) / 20 ))
sign_in_wall_ms=$(( ($(date +%s%N) - t0) / 1000000 / 20 ))

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
    read -r rps p50 p99 errors _ < <(load "$c" "$url" $args)
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
