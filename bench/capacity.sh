#!/usr/bin/env bash
# Capacity (issue 25): what each request costs PostgreSQL and the service, and what one replica
# serves, for the sizing guide in docs/operations.md.
# 1. One request at a time, BENCH_REQUESTS (200) of each kind (64 for the first lookups, one per
#    session): the statements PostgreSQL ran (pg_stat_statements; the driver sends each one as one
#    round trip, BEGIN and COMMIT included), and PostgreSQL's CPU time (its container's cgroup), per
#    request. Rate limits are counted as in production, with budgets too large to refuse. The
#    background work of one idle replica is measured first and taken off.
# 2. Under wrk at 32 connections for the run's seconds: requests/s of this one replica, and the
#    CPU time of the service and of PostgreSQL per request.
# Usage: bench/capacity.sh [seconds per run, default 10]; the settings of bench/run.sh apply.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
requests=${BENCH_REQUESTS:-200}
postgres_args=(-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all)
extra_settings=(RATE_LIMIT_ENABLED=true MAIL_POLL_INTERVAL=2s MANAGEMENT_PORT=9464
  "RATE_LIMIT_RULES=/sign-in*=1000000/10s;/sign-up*=1000000/10s"
  RATE_LIMIT_ACCOUNT_ATTEMPTS=1000000/60s RATE_LIMIT_ACCOUNT_MAILS=1000000/60s RATE_LIMIT_DEFAULT=1000000/10s
  ${SESSION_CACHE_TTL:+SESSION_CACHE_TTL=$SESSION_CACHE_TTL}) # 0s: every lookup from PostgreSQL
. bench/service.sh

sql() { docker exec "$db" psql -U postgres -d auth -tAc "$1"; }
sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
postgres_cpu_path() { # the cpuacct (cgroup v1) or cpu.stat (v2) file of the database's container
  local cgroup
  cgroup=$(awk -F: '$2 ~ /(^|,)cpuacct(,|$)/ {print $3}' "/proc/$(docker inspect -f '{{.State.Pid}}' "$db")/cgroup")
  if [ -n "$cgroup" ]; then echo "/sys/fs/cgroup/cpuacct$cgroup/cpuacct.usage"
  else echo "/sys/fs/cgroup$(awk -F: '$1 == 0 {print $3}' "/proc/$(docker inspect -f '{{.State.Pid}}' "$db")/cgroup")/cpu.stat"; fi
}
cpu_file=$(postgres_cpu_path)
postgres_cpu_us() { # CPU time of every process of the database's container, in µs
  case "$cpu_file" in
    *cpuacct.usage) echo $(( $(cat "$cpu_file") / 1000 )) ;;
    *) awk '/^usage_usec/ {print $2}' "$cpu_file" ;;
  esac
}
statements() { # "round-trips BEGIN+COMMIT" since the last reset, this script's own queries left out:
  # what the service sent (top level); the checks foreign keys run inside its statements are not
  sql "SELECT coalesce(sum(calls), 0), coalesce(sum(calls) FILTER (WHERE query LIKE 'BEGIN%' OR query = 'COMMIT'), 0)
       FROM pg_stat_statements WHERE toplevel AND query NOT ILIKE '%pg_stat_statements%'" | tr '|' ' '
}
lookups() { curl -sf "${base%:*}:9464/metrics" | awk -v source="$1" '$1 ~ "^auth_session_lookups_total" && $1 ~ source {print int($2)}'; }

# background: one idle replica (mail polls every 2 s, key ring refresh, housekeeping)
sql "SELECT pg_stat_statements_reset()" >/dev/null
idle_seconds=20; idle_cpu0=$(postgres_cpu_us); sleep "$idle_seconds"; idle_cpu=$(( $(postgres_cpu_us) - idle_cpu0 ))
read -r idle_statements _ < <(statements)
background_per_ms=$(awk -v n="$idle_statements" -v s="$idle_seconds" 'BEGIN {print n / (s * 1000)}')
background_cpu_us_per_ms=$(awk -v us="$idle_cpu" -v s="$idle_seconds" 'BEGIN {print us / (s * 1000)}')

measure() { # name count command...: one row of per-request figures
  local name=$1 count=$2; shift 2
  sql "SELECT pg_stat_statements_reset()" >/dev/null
  local cpu0 t0 cpu1 t1 all transactions
  cpu0=$(postgres_cpu_us); t0=$(date +%s%N)
  "$@"
  sleep 1 # what a request leaves to the background (the mail it queued) belongs to it
  cpu1=$(postgres_cpu_us); t1=$(date +%s%N)
  read -r all transactions < <(statements)
  awk -v name="$name" -v n="$count" -v all="$all" -v tx="$transactions" -v cpu=$(( cpu1 - cpu0 )) \
    -v ms=$(( (t1 - t0) / 1000000 )) -v bg="$background_per_ms" -v bg_cpu="$background_cpu_us_per_ms" '
    function atLeastZero(x) { return x < 0 ? 0 : x }
    BEGIN { printf "| %s | %.1f | %.1f | %.2f |\n", name, atLeastZero((all - bg * ms) / n), tx / n,
              atLeastZero((cpu - bg_cpu * ms) / n / 1000) }'
  sql "SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements
       WHERE toplevel AND query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC, query" >"$work/statements-${#details[@]}"
  details+=("$name" "$count" "$work/statements-${#details[@]}")
}
details=()
each_session() { # cookie-file path: one request per session, in order
  while read -r cookie; do curl -sf -o /dev/null -H "Cookie: better-auth.session_token=$cookie" "$api/$2"; done <"$1"
}
rotating() { # cookie-file path: $requests requests over the sessions
  mapfile -t cookies <"$1"
  for i in $(seq "$requests"); do
    curl -sf -o /dev/null -H "Cookie: better-auth.session_token=${cookies[$(( i % ${#cookies[@]} ))]}" "$api/$2"
  done
}
sign_ins() { for i in $(seq "$requests"); do session_of $(( i % users + 1 )) >/dev/null; done; }
sign_ups() {
  for i in $(seq "$requests"); do
    post sign-up/email "{\"name\":\"Capacity\",\"email\":\"capacity-$i@example.com\",\"password\":\"$password\"}"
  done
}
jwks() { for _ in $(seq "$requests"); do curl -sf -o /dev/null "$api/jwks"; done; }

echo "| request | round trips (statements sent) | of them BEGIN/COMMIT | PostgreSQL CPU ms |"
echo "|---|---|---|---|"
from_store=$(lookups database)
measure "get-session, a session's first lookup on this replica (miss)" "$users" each_session "$work/cookies" get-session
missed=$(( $(lookups database) - from_store ))
from_memory=$(lookups memory)
measure "get-session, again within SESSION_CACHE_TTL (hit)" "$requests" rotating "$work/cookies" get-session
hits=$(( $(lookups memory) - from_memory ))
for i in $(seq "$users"); do session_of "$i"; done >"$work/fresh-cookies"
measure "/token, a session's first request (lookup and a new JWT)" "$users" each_session "$work/fresh-cookies" token
measure "/token, again (from memory; the JWT handed out again within JWT_REUSE_WINDOW)" "$requests" rotating "$work/fresh-cookies" token
measure "/jwks" "$requests" jwks
measure "sign-in (email and password)" "$requests" sign_ins
measure "sign-up (and its verification mail)" "$requests" sign_ups
echo
echo "- lookups read from PostgreSQL in the miss row: $missed of $users; answered from memory in the hit row: $hits of $requests"
echo "- one idle replica's background: $idle_statements statements in ${idle_seconds} s; PostgreSQL's idle CPU" \
  "$(( idle_cpu / 1000 )) ms in ${idle_seconds} s (taken off each row above)"
echo
echo "The statements of each row (calls per request, then the statement):"
for (( d = 0; d < ${#details[@]}; d += 3 )); do
  echo; echo "${details[d]}:"
  awk -F'|' -v n="${details[d+1]}" '$1 / n >= 0.1 {printf "    %.1f  %s\n", $1 / n, $2}' "${details[d+2]}"
done

echo
echo "| under load, 32 connections | req/s | p50 | p99 | errors | service CPU ms/request | PostgreSQL CPU ms/request | round trips/request | connections busy (mean / max) |"
echo "|---|---|---|---|---|---|---|---|---|"
busy_connections() { # "mean max" of the service's connections running a statement, sampled every 100 ms for $1 s
  docker exec "$db" psql -U postgres -d auth -qtAc "DO \$\$ DECLARE n int; total int := 0; most int := 0; k int := 0;
    BEGIN
      WHILE k < $1 * 10 LOOP
        PERFORM pg_stat_clear_snapshot();
        SELECT count(*) INTO n FROM pg_stat_activity WHERE state = 'active' AND application_name = 'auth-service';
        total := total + n; most := greatest(most, n); k := k + 1;
        PERFORM pg_sleep(0.1);
      END LOOP;
      RAISE NOTICE '% %', round(total::numeric / k, 1), most;
    END \$\$" 2>&1 | sed -n 's/.*NOTICE: *//p'
}
rows=(
  "get-session|$api/get-session|bench/wrk/sessions.lua $work/cookies cookie"
  "/token|$api/token|bench/wrk/sessions.lua $work/cookies cookie"
  "sign-in|$api/sign-in/email|bench/wrk/sign-in.lua $users"
  "sign-up|$api/sign-up/email|bench/wrk/sign-up.lua capacity"
)
for row in "${rows[@]}"; do
  IFS='|' read -r name url script <<<"$row"
  load 32 "$url" $script >/dev/null # warm-up: C2 compiles on the same cores
  [ "$name" = sign-up ] && script="${script}-measured"
  sql "SELECT pg_stat_statements_reset()" >/dev/null
  busy_connections $(( seconds - 1 )) >"$work/busy" &
  cpu0=$(postgres_cpu_us); ticks0=$(cpu_ticks)
  read -r rps p50 p99 errors total < <(load 32 "$url" $script)
  cpu1=$(postgres_cpu_us); ticks1=$(cpu_ticks)
  wait
  read -r all _ < <(statements)
  read -r busy_mean busy_max <"$work/busy"
  awk -v name="$name" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v errors="$errors" -v n="$total" \
    -v service_ms=$(( (ticks1 - ticks0) * 1000 / $(getconf CLK_TCK) )) -v pg_us=$(( cpu1 - cpu0 )) -v all="$all" \
    -v busy="$busy_mean / $busy_max" 'BEGIN {
      printf "| %s | %d | %s | %s | %d | %.2f | %.3f | %.1f | %s |\n", name, rps, p50, p99, errors, service_ms / n,
        pg_us / n / 1000, all / n, busy }'
done
echo
echo "- RSS after the load: $(rss)"
echo "- $(nproc) cores ($(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -1)) shared by wrk -t2, the service and PostgreSQL ($image);" \
  "${seconds} s a run after one warm-up run; $users users and sessions; rate limits counted (never refusing)"
