#!/usr/bin/env bash
# The better-auth import, timed: fills better-auth's tables (as its migrator makes them,
# bench/better-auth-schema.sql) in a PostgreSQL container with generated users, credential accounts,
# sessions and second factors, runs `migrate --from-better-auth` from the jar into the same
# database (the shared-database case), and prints wall time and peak resident memory of the import,
# then of a second run (nothing to do) and of a dry run.
# Usage: bench/import.sh [users, default 100000]  (two sessions per user, one in a hundred with a second factor)
# Needs: Docker, GNU time (/usr/bin/time); builds the jar when it is missing.
# BENCH_POSTGRES_IMAGE (default postgres:16-alpine) names the database image; BENCH_IMPORT_PAGE_SIZE
# (2000) the rows per page and transaction. The JVM runs with the image's options (deploy/java-options.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-100000}
image=${BENCH_POSTGRES_IMAGE:-postgres:16-alpine}
page_size=${BENCH_IMPORT_PAGE_SIZE:-2000}
# better-auth-fixture's secret, under which TOTP_SECRET below was encrypted by better-auth's symmetricEncrypt
secret=fixture-secret-0123456789-abcdefghijklmnop
totp_secret=cbcf9be0d0d2bd115256501b06dbdc833ec1190eb2e6050b2792f420c4a30a266ba4d30d5f49b019c4e2229f8cd16e9c064a299f5e42640f
work=$(mktemp -d)
db=auth-bench-import-$$
cleanup() {
  docker rm -f "$db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "Docker is not running; it runs PostgreSQL" >&2; exit 1; }
. .mvn/select-jdk.sh
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=auth-bootstrap/target/auth-service.jar
[ -f "$jar" ] || ./mvnw -q -DskipTests package -pl auth-bootstrap -am
. deploy/java-options.sh

docker run -d --name "$db" -e POSTGRES_PASSWORD=bench -e POSTGRES_DB=auth "$image" >/dev/null
address=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$db")
psql() { docker exec -i "$db" psql -q -v ON_ERROR_STOP=1 -U postgres -d auth "$@"; }
for _ in $(seq 60); do psql -c 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done

psql <bench/better-auth-schema.sql
filled=$(date +%s%N)
psql <<SQL
INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt", "twoFactorEnabled")
SELECT 'u' || lpad(n::text, 31, '0'), 'Person ' || n, 'person' || n || '@example.com', true,
       now() - interval '30 days', now() - interval '1 day', n % 100 = 0
FROM generate_series(1, $users) n;
INSERT INTO account (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt")
SELECT 'a' || lpad(n::text, 31, '0'), 'u' || lpad(n::text, 31, '0'), 'credential', 'u' || lpad(n::text, 31, '0'),
       md5(n::text) || ':' || md5(n::text || 'a') || md5(n::text || 'b') || md5(n::text || 'c') || md5(n::text || 'd'),
       now() - interval '30 days', now() - interval '30 days'
FROM generate_series(1, $users) n;
INSERT INTO session (id, token, "userId", "expiresAt", "createdAt", "updatedAt", "ipAddress", "userAgent")
SELECT 's' || lpad(n::text, 31, '0'), md5(n::text || 'token'), 'u' || lpad(((n + 1) / 2)::text, 31, '0'),
       now() + interval '7 days', now() - interval '1 day', now() - interval '1 day', '203.0.113.7',
       'Mozilla/5.0 (X11; Linux x86_64) bench'
FROM generate_series(1, 2 * $users) n;
INSERT INTO "twoFactor" (id, secret, "backupCodes", "userId", verified)
SELECT 't' || n, '$totp_secret', '["abcde-12345","fghij-67890"]', 'u' || lpad(n::text, 31, '0'), true
FROM generate_series(100, $users, 100) n;
INSERT INTO verification (id, identifier, value, "expiresAt", "createdAt", "updatedAt")
SELECT 'v' || n, 'email-verification-' || n, 'x', now() + interval '1 hour', now(), now() FROM generate_series(1, 100) n;
ANALYZE;
SQL
echo "better-auth's tables filled in $(( ($(date +%s%N) - filled) / 1000000 )) ms: $users users with a password, $((2 * users)) sessions, $((users / 100)) second factors"

run() { # label, extra arguments
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" env DATABASE_URL="postgres://postgres:bench@$address:5432/auth" \
    AUTH_SECRET="$secret" BETTER_AUTH_IMPORT_PAGE_SIZE="$page_size" \
    "$java" $JAVA_OPTS -jar "$jar" migrate --from-better-auth "$@" >"$work/$label.log" 2>&1 \
    || { cat "$work/$label.log" >&2; exit 1; }
  read -r seconds kib <"$work/time"
  printf '| %s | %s s | %s MiB |\n' "$label" "$seconds" "$((kib / 1024))"
  grep -E 'from better-auth|  (user|session|twoFactor):' "$work/$label.log" | sed 's/^.* -- /    /' >"$work/$label.summary"
}

echo
echo "| run ($users users, $((2 * users)) sessions, page $page_size) | wall time (JVM start to exit) | peak RSS |"
echo "|---|---|---|"
run "first import"
run "second run (nothing changed)"
run "dry run" --dry-run
echo
for label in "first import" "second run (nothing changed)" "dry run"; do
  echo "$label:"
  cat "$work/$label.summary"
done
