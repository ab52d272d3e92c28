#!/bin/bash
# Writes the AOT cache (JEP 483/514/515) of the image from a training run in the build:
#   aot-training.sh OUTPUT        (run in the application directory)
# The run starts the server the way the image does, on a database whose schema is already recorded
# (so Liquibase stays out of the cache, as it stays out of a deployed start), and sends the requests
# a client makes first, so that the request path is in the cache too (ADR-0018).
set -eEuo pipefail

output=$1
java=${JAVA:-/opt/java/bin/java}
# the JVM options the image runs with, so that the cache matches them
. "$(dirname "$0")/java-options.sh"
# JSON log lines, as production writes them by default, so that their classes are trained too
export AUTH_DATA_DIR=${AUTH_DATA_DIR:-/tmp/training} PORT=3002 MAIL_POLL_INTERVAL=100ms LOG_FORMAT=json
log=/tmp/training.log

fail() {
  echo "AOT training failed: $1" >&2
  cat "$log" >&2
  exit 1
}
trap 'fail "line $LINENO: $BASH_COMMAND"' ERR

"$java" -jar auth-service.jar migrate > "$log" 2>&1 || fail "migration"
# shellcheck disable=SC2086 # JAVA_OPTS holds several words
"$java" -XX:AOTCacheOutput="$output" $JAVA_OPTS -jar auth-service.jar >> "$log" 2>&1 &
server=$!

# METHOD PATH [JSON] [COOKIE]: one HTTP/1.0 exchange over bash's /dev/tcp, as a browser on the
# service's own origin would make it; prints the response. Bash's printf writes a body apart from
# its headers, so a request whose handler does not read its body must have none: the server may
# answer and close before the body arrives, and the body then resets the connection.
request() {
  local body=${3:-} cookie=${4:+Cookie: $4$'\r\n'}
  exec 3<>/dev/tcp/127.0.0.1/3002 || return 1
  printf '%s %s HTTP/1.0\r\nHost: localhost:3002\r\nOrigin: http://localhost:3002\r\n%sContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
      "$1" "$2" "$cookie" "${#body}" "$body" >&3
  cat <&3
  exec 3<&-
}

for _ in $(seq 600); do
  request GET /health 2>/dev/null | grep -q ' 200 ' && break
  kill -0 "$server" 2>/dev/null || fail "the server stopped"
  sleep 0.1
done

users=3
for i in $(seq $users); do
  request POST /api/auth/sign-up/email \
      "{\"email\":\"training$i@example.com\",\"password\":\"training-password-$i\",\"name\":\"Training\"}" > /dev/null
done
# the mail goes out through the log; its links verify the addresses
for _ in $(seq 100); do
  [ "$(grep -c '/verify-email?token=' "$log")" -ge $users ] && break
  sleep 0.1
done
for link in $(grep -o '/api/auth/verify-email?token=[^&]*' "$log"); do
  request GET "$link" > /dev/null
done

for i in $(seq $users); do
  cookie=$(request POST /api/auth/sign-in/email "{\"email\":\"training$i@example.com\",\"password\":\"training-password-$i\"}" \
      | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\);.*/\1/p' | paste -sd ';' -)
  [ -n "$cookie" ] || fail "sign-in gave no session cookie"
  for _ in 1 2 3; do
    request GET /api/auth/get-session "" "$cookie" | grep -q '"session"' || fail "get-session"
    request GET /api/auth/token "" "$cookie" | grep -q '"token"' || fail "token"
    request GET /api/auth/jwks | grep -q '"keys"' || fail "jwks"
    request GET /health > /dev/null
  done
  request POST /api/auth/sign-out "" "$cookie" > /dev/null
done

# the server exits 0 on SIGTERM; the JVM writes the cache as it exits
kill -TERM "$server"
wait "$server" || fail "the server exited with $?"
[ -s "$output" ] || fail "no cache written"
