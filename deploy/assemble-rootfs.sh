#!/bin/sh
# Builds the runtime image's whole filesystem in $1 from the build image, for a `FROM scratch`
# stage: the jlinked Java runtime (already at $1/opt/java), the C libraries it and the two shells
# load (found by ldd, so they come from the same glibc the runtime was linked against), dash as
# /bin/sh for the entrypoint, bash for the health check's /dev/tcp, and the few files a process
# expects: passwd/group with the service user 1001, nsswitch.conf, /tmp and the data directory.
# No package manager, coreutils or other tools: nothing an intruder could use that the service
# does not need.
set -eu
root=$1

dash=$(command -v dash)
bash=$(command -v bash)
binaries="$root/opt/java/bin/java $(find "$root/opt/java/lib" -name '*.so') $dash $bash"
# ldd prints "name => /path (address)" or "/path (address)"; libraries the runtime ships itself
# (libjvm, libjava ...) resolve inside $root and are already there. The desktop libraries of
# java.desktop need X11, which is absent on purpose: java.beans is all the service uses of it.
# shellcheck disable=SC2086
ldd $binaries 2>/dev/null \
  | sed -n 's#.*=> \(/[^ ]*\) .*#\1#p; s#^[[:space:]]*\(/[^ ]*\) (.*#\1#p' \
  | grep -v "^$root/" | sort -u \
  | while read -r library; do cp -L --parents "$library" "$root"; done
# glibc loads libgcc_s at run time, never through ldd, to unwind a thread that exits early
gcc_s=$(ldconfig -p | awk '/libgcc_s\.so\.1 .*x86-64/ { print $NF; exit }')
if [ -n "$gcc_s" ]; then cp -L --parents "$gcc_s" "$root"; fi

mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/data"
cp -L "$dash" "$root/bin/sh"
cp -L "$bash" "$root/bin/bash"
chmod 1777 "$root/tmp"
chown 1001:1001 "$root/data"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nauth:x:1001:1001:auth service:/nonexistent:/usr/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nauth:x:1001:\n' > "$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
