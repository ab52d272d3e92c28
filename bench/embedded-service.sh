# Sourced by the bench scripts that need the built jar on the embedded database (or on PostgreSQL
# when DATABASE_URL is set): starts it on $port with a fresh data directory, stops it on exit, and
# returns once /health answers. Sets pid, data (the directory, with service.log) and started (ns).
java_bin=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -n 1)}/bin/java
jar=auth-bootstrap/target/auth-service.jar
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

started=$(date +%s%N)
PORT=$port AUTH_DATA_DIR=$data RATE_LIMIT_ENABLED=false "$java_bin" -jar "$jar" >"$data/service.log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/health" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/service.log"; exit 1; }
  sleep 0.05
done
