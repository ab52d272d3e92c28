#!/bin/sh
# Container entrypoint.
#   serve (default): exec the server, so that SIGTERM reaches the JVM directly. It first migrates
#                    the database through the application's own migration path, waiting for it
#                    with a bounded, logged retry (DATABASE_WAIT_SECONDS, default 30), and exits 3
#                    with one clear line when the time is up; AUTH_SKIP_MIGRATIONS=true skips that
#                    when migrations run as a separate job.
#                    BETTER_AUTH_IMPORT=true (or dry-run) first imports the better-auth database
#                    (migrate --from-better-auth, ADR-0040) and serves only when that succeeded.
#   migrate:         only migrate, for operators who run migrations as a separate job;
#                    migrate --from-better-auth [--dry-run] migrates, then imports better-auth's data.
set -eu

. /app/java-options.sh
AOT_CACHE=""
if [ -f /app/auth-service.aot ]; then
  # Mapped where it was built, the cache's pages stay clean file pages shared with the page cache
  # instead of 70 MB of relocated private copies (ADR-0017).
  AOT_CACHE="-XX:AOTCache=/app/auth-service.aot -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
fi

# JAVA_OPTS and AOT_CACHE hold several words on purpose.
# shellcheck disable=SC2086
case "${1:-serve}" in
  serve)
    case "${BETTER_AUTH_IMPORT:-false}" in
      true) java $JAVA_OPTS -XX:-UsePerfData -jar /app/auth-service.jar migrate --from-better-auth ;;
      dry-run) java $JAVA_OPTS -XX:-UsePerfData -jar /app/auth-service.jar migrate --from-better-auth --dry-run ;;
      false) ;;
      *) echo "BETTER_AUTH_IMPORT must be true, dry-run or false, not '$BETTER_AUTH_IMPORT'" >&2; exit 2 ;;
    esac
    # the server migrates before it opens its port (waiting for the database, exit code 3 with
    # one line when it never comes): one JVM start, not a migrate JVM and then a server JVM
    exec java $JAVA_OPTS $AOT_CACHE -XX:-UsePerfData -jar /app/auth-service.jar
    ;;
  migrate)
    shift
    exec java $JAVA_OPTS $AOT_CACHE -XX:-UsePerfData -jar /app/auth-service.jar migrate "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
