#!/usr/bin/env bash
# Throughput of GET /api/auth/jwks and GET /api/auth/token: this service (embedded database) against
# better-auth 1.7 with its jwt plugin (in-memory storage), on the same machine, measured with wrk.
# Usage: bench/jwt.sh [seconds per run, default 10] [connections, default 64]
# Needs: wrk (apt-get install wrk), node; builds the service jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
ours_port=3201
theirs_port=3202
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f auth-bootstrap/target/auth-service.jar ] || ./mvnw -q -DskipTests package -pl auth-bootstrap -am
[ -d e2e/better-auth-client/node_modules/better-auth ] || (cd e2e/better-auth-client && npm ci --no-audit --no-fund)
. .mvn/select-jdk.sh

PORT=$ours_port AUTH_DATA_DIR="$work/data" AUTH_SECRET=bench-secret-0123456789-abcdefghijklmnop RATE_LIMIT_ENABLED=false \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar auth-bootstrap/target/auth-service.jar > "$work/ours.log" 2>&1 &
(cd e2e/better-auth-client && exec node better-auth-server.mjs $theirs_port) > "$work/theirs.log" 2>&1 &

wait_for() { for _ in $(seq 1 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
wait_for "http://localhost:$ours_port/api/auth/ok"
wait_for "http://localhost:$theirs_port/api/auth/ok"

signup='{"name":"Bench","email":"bench@example.com","password":"correct horse battery staple"}'
signin='{"email":"bench@example.com","password":"correct horse battery staple"}'
for port in $ours_port $theirs_port; do
  curl -fs -o /dev/null -H 'Content-Type: application/json' -d "$signup" "http://localhost:$port/api/auth/sign-up/email"
done
# ours requires a verified address: follow the link the log mailer printed
sleep 1
link=$(grep -o "http://localhost:$ours_port/api/auth/verify-email?[^[:space:]]*" "$work/ours.log" | tail -1)
curl -fs -o /dev/null "$link"
cookie_of() {
  curl -fs -D - -o /dev/null -H 'Content-Type: application/json' -d "$signin" "http://localhost:$1/api/auth/sign-in/email" \
    | grep -i '^set-cookie: better-auth.session_token=' | head -1 | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}
ours_cookie=$(cookie_of $ours_port)
theirs_cookie=$(cookie_of $theirs_port)

rate() { # url [cookie]: verifiers fetch the key set without cookies, /token is called with the session's
  wrk -t2 -c"$connections" -d"${seconds}s" ${2:+-H "Cookie: $2"} "$1" \
    | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx answers: " $4 > "/dev/stderr"}'
}
# warm-up, the same for both: on 2 busy cores the JVM's C2 compiler needs about half a minute
for port in $ours_port $theirs_port; do
  cookie=$ours_cookie; [ $port = $theirs_port ] && cookie=$theirs_cookie
  for round in 1 2; do
    wrk -t2 -c"$connections" -d10s -H "Cookie: $cookie" "http://localhost:$port/api/auth/token" >/dev/null
    wrk -t2 -c"$connections" -d10s "http://localhost:$port/api/auth/jwks" >/dev/null
  done
done

printf '%-8s %14s %14s %8s\n' endpoint "ours req/s" "better-auth" ratio
for path in jwks token; do
  if [ $path = jwks ]; then ours_session=; theirs_session=; else ours_session=$ours_cookie; theirs_session=$theirs_cookie; fi
  ours=$(rate "http://localhost:$ours_port/api/auth/$path" "$ours_session")
  theirs=$(rate "http://localhost:$theirs_port/api/auth/$path" "$theirs_session")
  printf '%-8s %14s %14s %7.1fx\n' "/$path" "$ours" "$theirs" "$(echo "$ours / $theirs" | bc -l)"
done
echo "(${seconds}s per run, $connections connections, wrk -t2, $(nproc) cores shared by client and servers)"
