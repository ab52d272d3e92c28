#!/bin/bash
# Docker HEALTHCHECK without curl: bash's /dev/tcp speaks just enough HTTP to ask /health.
# While nothing listens yet (the JVM is starting), the probe knocks again every 50 ms for up to
# 2.5 s instead of failing at once. Docker 20.10 has no start_interval, so a service that comes up
# just after a failed probe would otherwise be reported healthy one whole interval later (ADR-0038).
# A service that listens and answers anything but 200 fails the probe at once.
port=${PORT:-3002}
# a pipe whose both ends this process holds: read -t on it waits without a sleep binary
exec 9<> <(:)
for attempt in {1..50}; do
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null && break
  [ "$attempt" = 50 ] && exit 1
  read -r -t 0.05 -u 9 || true
done
printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 1 status <&3 || exit 1
case "$status" in
  *" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
