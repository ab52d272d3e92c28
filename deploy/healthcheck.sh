#!/bin/bash
# Docker HEALTHCHECK without curl: bash's /dev/tcp speaks just enough HTTP to ask /health.
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-3002}" || exit 1
printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 2 status <&3 || exit 1
case "$status" in
  *" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
