# Sourced by ./mvnw. This project needs JDK 25; machines often have an older default java.
# When JAVA_HOME (or the java on PATH) is older than 25 and a JDK 25 is installed under
# /usr/lib/jvm, use that one, so that ./mvnw works on a fresh machine with no set-up.
mvnw_java_major() {
  "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
}
mvnw_current_java=${JAVA_HOME:+$JAVA_HOME/bin/java}
mvnw_current_java=${mvnw_current_java:-$(command -v java || true)}
if [ -z "$mvnw_current_java" ] || [ "$(mvnw_java_major "$mvnw_current_java")" -lt 25 ] 2>/dev/null; then
  for mvnw_candidate in /usr/lib/jvm/*25*; do
    if [ -x "$mvnw_candidate/bin/javac" ]; then
      JAVA_HOME=$mvnw_candidate
      export JAVA_HOME
      break
    fi
  done
fi
unset mvnw_current_java mvnw_candidate
