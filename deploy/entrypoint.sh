#!/bin/sh
# Container entrypoint.
#   serve (default): migrate the database through the application's own migration path, waiting
#                    for it with a bounded, logged retry (DATABASE_WAIT_SECONDS, default 30), then
#                    exec the server, so that SIGTERM reaches the JVM directly.
#   migrate:         only migrate, for operators who run migrations as a separate job.
set -eu

JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms16m -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Xss512k"}
AOT_CACHE=""
if [ -f /app/auth-service.aot ]; then
  AOT_CACHE="-XX:AOTCache=/app/auth-service.aot"
fi
WAIT=${DATABASE_WAIT_SECONDS:-30}

# JAVA_OPTS and AOT_CACHE hold several words on purpose.
# shellcheck disable=SC2086
case "${1:-serve}" in
  serve)
    status=0
    java $JAVA_OPTS $AOT_CACHE -XX:-UsePerfData -jar /app/auth-service.jar migrate || status=$?
    case "$status" in
      0) ;;
      2) exit 2 ;; # configuration error: the application has said what is wrong, in one line
      3) echo "entrypoint: the database did not accept connections within ${WAIT} s; giving up" >&2
         exit 3 ;;
      *) echo "entrypoint: migration failed (exit ${status})" >&2
         exit "$status" ;;
    esac
    AUTH_SKIP_MIGRATIONS=true
    export AUTH_SKIP_MIGRATIONS
    exec java $JAVA_OPTS $AOT_CACHE -XX:-UsePerfData -jar /app/auth-service.jar
    ;;
  migrate)
    exec java $JAVA_OPTS $AOT_CACHE -XX:-UsePerfData -jar /app/auth-service.jar migrate
    ;;
  *)
    exec "$@"
    ;;
esac
