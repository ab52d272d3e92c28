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
  JAVA_OPTS="-XX:+UseSerialGC -Xms16m -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Xss512k"
  # The heap may take half of the container's limit: the rest is the JVM's own (about 130 MiB)
  # and libargon2's 19 MiB per hash in flight (ADR-0037). Without a limit the JVM would take the
  # host's memory instead (ADR-0021): sized then as if the machine had 256 MiB, a 128 MiB heap.
  if [ -z "$(memory_limit)" ]; then
    JAVA_OPTS="$JAVA_OPTS -XX:MaxRAM=256m"
  fi
fi
# Netty loads its epoll transport through JNI; allowing that up front keeps four warning lines out
# of every start.
JAVA_OPTS="$JAVA_OPTS --enable-native-access=ALL-UNNAMED"
# The image carries the shared objects of JNA, libargon2 and Netty's epoll transport unpacked
# (ADR-0037, ADR-0038); elsewhere they are unpacked from their jars into the temporary directory.
# Netty looks in java.library.path before it unpacks.
if [ -d /app/native ]; then
  JAVA_OPTS="$JAVA_OPTS -Djava.library.path=/app/native"
  JAVA_OPTS="$JAVA_OPTS -Djna.boot.library.path=/app/native -Djna.library.path=/app/native -Djna.nounpack=true"
fi
# The jar carries the bean wiring Spring's AOT processing generated at build time (ADR-0018).
JAVA_OPTS="$JAVA_OPTS -Dspring.aot.enabled=true"
