#!/usr/bin/env bash
# Measures the second step of a sign-in (issue 23), one request at a time, on the built jar and the
# embedded database (or PostgreSQL when DATABASE_URL is set):
# - a password sign-in of users without a second factor;
# - the two steps of users with an authenticator app: the password (answered twoFactorRedirect),
#   then verify-totp with a code computed here (RFC 6238, HMAC-SHA1 on the secret's bytes);
# - passkey sign-ins from Chromium's virtual authenticator (e2e/passkey-browser), as the page sees
#   them, and the server's own time for verify-authentication from its /metrics histogram.
# Usage: bench/second-factor.sh [users of each kind, default 40] [passkey sign-ins, default 40]
# Needs: ./mvnw -q -pl auth-bootstrap -am package -DskipTests, curl, python3, node, chromium,
# and npm ci in e2e/passkey-browser.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-40}
passkey_rounds=${2:-40}
port=${PORT:-3104}
page_port=${PAGE_PORT:-3106}
export MANAGEMENT_PORT=${MANAGEMENT_PORT:-3105} FRONTEND_URL="http://localhost:$page_port"
. bench/embedded-service.sh
echo "service healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms"

API="http://localhost:$port/api/auth" USERS=$users LOG="$data/service.log" python3 - <<'PY'
import base64, hashlib, hmac, json, os, re, statistics, struct, time, urllib.error, urllib.parse, urllib.request

api, users, log = os.environ["API"], int(os.environ["USERS"]), os.environ["LOG"]
origin = api.rsplit("/api/auth", 1)[0]

def call(path, body=None, token=None):
    headers = {"content-type": "application/json", "origin": origin}
    if token:
        headers["authorization"] = "Bearer " + token
    request = urllib.request.Request(api + path, data=None if body is None else json.dumps(body).encode(),
                                     method="GET" if body is None else "POST", headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request) as answer:
            data, answer_headers = answer.read(), answer.headers
    except urllib.error.HTTPError as refused:
        raise SystemExit("%s answered %s %s" % (path, refused.code, refused.read().decode()))
    return time.perf_counter() - started, json.loads(data or b"null"), answer_headers

def totp(key, at):
    mac = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)

def verified_user(email, password):
    call("/sign-up/email", {"name": "Bench", "email": email, "password": password})
    for _ in range(100):
        links = re.findall(re.escape(api) + r"/verify-email\?token=[^ &\"]+", open(log).read())
        link = next((l for l in links if l not in seen), None)
        if link:
            seen.add(link)
            urllib.request.urlopen(link).read()
            return
        time.sleep(0.05)
    raise SystemExit("no verification link for " + email)

seen = set()
password = "a long bench password 1"
plain = ["plain-%d@example.com" % i for i in range(users)]
second = ["second-%d@example.com" % i for i in range(users)]
for email in plain + second + ["passkey@example.com"]:
    verified_user(email, password)
keys = {}
for email in second:
    _, signed_in, headers = call("/sign-in/email", {"email": email, "password": password})
    token = headers["set-auth-token"]
    _, enabled, _ = call("/two-factor/enable", {"password": password}, token)
    secret = urllib.parse.parse_qs(urllib.parse.urlparse(enabled["totpURI"]).query)["secret"][0]
    keys[email] = base64.b32decode(secret + "=" * (-len(secret) % 8))
    call("/two-factor/verify-totp", {"code": totp(keys[email], time.time())}, token)

password_only, first_step, second_step = [], [], []
for email in plain:
    elapsed, _, _ = call("/sign-in/email", {"email": email, "password": password})
    password_only.append(elapsed)
for email in second:
    elapsed, answer, headers = call("/sign-in/email", {"email": email, "password": password})
    assert answer["twoFactorRedirect"], answer
    cookie = [c.split(";")[0] for c in headers.get_all("set-cookie") if c.startswith("better-auth.two_factor=")][0]
    first_step.append(elapsed)
    request = urllib.request.Request(api + "/two-factor/verify-totp", method="POST",
                                     data=json.dumps({"code": totp(keys[email], time.time() + 30)}).encode(),
                                     headers={"content-type": "application/json", "origin": origin, "cookie": cookie})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as answer:
        assert json.loads(answer.read())["token"]
    second_step.append(time.perf_counter() - started)

def row(name, times):
    ms = sorted(1000 * t for t in times)
    print("| %s | %d | %.1f | %.1f | %.1f |" % (name, len(ms), statistics.median(ms), statistics.mean(ms), ms[-1]))

print("| request, one at a time | n | median (ms) | mean (ms) | max (ms) |")
print("|---|---|---|---|---|")
row("sign-in, no second factor", password_only)
row("sign-in with a factor: the password (twoFactorRedirect)", first_step)
row("then verify-totp", second_step)
row("both steps", [a + b for a, b in zip(first_step, second_step)])
PY

times=$(node e2e/passkey-browser/passkey-bench.mjs "http://localhost:$port/api/auth" "$page_port" \
  passkey@example.com "a long bench password 1" "$passkey_rounds")
metrics=$(curl -sf "http://localhost:$MANAGEMENT_PORT/metrics")
TIMES="$times" METRICS="$metrics" python3 - <<'PY'
import os, re, statistics
times = sorted(float(t) for t in os.environ["TIMES"].split())
print("| passkey sign-in in Chromium (options, authenticator, verification) | %d | %.1f | %.1f | %.1f |"
      % (len(times), statistics.median(times), statistics.mean(times), times[-1]))
def server_mean(uri):
    sums = re.findall(r'http_server_requests_seconds_sum\{[^}]*uri="%s"[^}]*\} ([0-9.eE+-]+)' % re.escape(uri), os.environ["METRICS"])
    counts = re.findall(r'http_server_requests_seconds_count\{[^}]*uri="%s"[^}]*\} ([0-9.eE+-]+)' % re.escape(uri), os.environ["METRICS"])
    return 1000 * sum(map(float, sums)) / sum(map(float, counts)), int(sum(map(float, counts)))
for uri in ["/api/auth/sign-in/email", "/api/auth/two-factor/verify-totp", "/api/auth/passkey/verify-authentication"]:
    mean, count = server_mean(uri)
    print("| server time of %s (its /metrics histogram, all calls) | %d | | %.1f | |" % (uri, count, mean))
PY
