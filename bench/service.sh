# Sourced by the benchmarks that drive one service on PostgreSQL (run.sh, capacity.sh): starts
# PostgreSQL in Docker (with the caller's postgres_args) and the service from its jar or image,
# signs up, verifies and signs in BENCH_USERS users, and leaves their session cookies in
# $work/cookies and bearer tokens in $work/bearers. Defines rss, cpu_ticks, session_of and load.
# The caller sets seconds and cleans up nothing: the EXIT trap here does.
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

docker run -d --name "$db" -e POSTGRES_PASSWORD=bench -e POSTGRES_DB=auth "$image" ${postgres_args[@]+"${postgres_args[@]}"} >/dev/null
address_of() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$1"; }
# containers' own addresses: a published port would add Docker's userland proxy to every request
settings=(PORT="$port" DATABASE_URL="postgres://postgres:bench@$(address_of "$db"):5432/auth"
  AUTH_SECRET=bench-secret-0123456789-abcdefghijklmnop MAIL_POLL_INTERVAL=100ms DATABASE_WAIT_SECONDS=60
  RATE_LIMIT_ENABLED=false # one load generator is one client: its budget would end each run in a second
  ${extra_settings[@]+"${extra_settings[@]}"}) # the caller's, which win
docker_env=()
for setting in "${settings[@]}"; do docker_env+=(-e "$setting"); done
migrate() { # the service's command line, to which this adds "migrate"
  "$@" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
}
if [ -n "${BENCH_IMAGE:-}" ]; then
  migrate docker run --rm "${docker_env[@]}" "$BENCH_IMAGE"
  started=$(date +%s%N)
  # BENCH_DOCKER_ARGS: more docker run options, e.g. --memory=640m as the Kubernetes manifests limit it
  docker run -d --name "$service" --read-only --tmpfs /tmp:noexec,mode=1777 ${BENCH_DOCKER_ARGS:-} "${docker_env[@]}" "$BENCH_IMAGE" >/dev/null
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

load() { # connections url [lua script and its arguments]: "req/s p50 p99 errors requests"
  local c=$1 url=$2; shift 2
  wrk -t2 -c"$c" -d"${seconds}s" --latency ${1:+-s "$1"} "$url" "${@:2}" | awk '
    /Requests\/sec/ {rps = $2}
    /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2}
    /Non-2xx/ {errors += $5}
    /Socket errors/ {gsub(",", ""); errors += $4 + $6 + $8 + $10}
    /requests in/ {requests = $1}
    END {printf "%d %s %s %d %d\n", rps, p50, p99, errors, requests}'
}
