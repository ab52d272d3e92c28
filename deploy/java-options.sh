# Sets JAVA_OPTS for the service: sourced by entrypoint.sh, and by bench/run.sh so that the jar
# runs there as it runs in the image. A JAVA_OPTS already set replaces the defaults.

# The memory limit of this container's cgroup (v2, then v1); nothing when there is none.
memory_limit() {
  for file in /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory/memory.limit_in_bytes; do
    if [ -r "$file" ]; then
      read -r limit <"$file"
      # v2 says "max" when there is none, v1 a number of 19 digits
      case "$limit" in max | ????????????????*) ;; *) echo "$limit" ;; esac
      return
    fi
  done
}

if [ -z "${JAVA_OPTS:-}" ]; then
  JAVA_OPTS="-XX:+UseSerialGC -Xms16m -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Xss512k"
  # The heap may take 70 % of the container's limit. Without a limit the JVM takes the host's
  # memory instead: under sign-in load the heap grew to 14 GiB on a 24 GiB host (ADR-0021).
  if [ -z "$(memory_limit)" ]; then
    JAVA_OPTS="$JAVA_OPTS -XX:MaxRAM=384m"
  fi
fi
# Netty loads its epoll transport through JNI; allowing that up front keeps four warning lines out
# of every start.
JAVA_OPTS="$JAVA_OPTS --enable-native-access=ALL-UNNAMED"
# The jar carries the bean wiring Spring's AOT processing generated at build time (ADR-0018).
JAVA_OPTS="$JAVA_OPTS -Dspring.aot.enabled=true"
