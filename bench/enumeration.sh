#!/usr/bin/env bash
# Measures whether a request's time tells that an address has an account: for sign-in (wrong
# password), sign-up, request-password-reset and send-verification-email it sends known and unknown
# addresses interleaved, a few at a time, and prints the 10 %-trimmed mean of each kind and their
# difference. The behaviour itself (same hashes, same store calls, same answer) is proven by
# EnumerationResistanceTest; this is the time it takes, on this machine.
# Uses the built jar and the embedded database, or PostgreSQL when DATABASE_URL is set.
# Usage: bench/enumeration.sh [tries of each kind per endpoint, default 150]
# Needs: ./mvnw -q -pl auth-bootstrap -am package -DskipTests, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
tries=${1:-150}
port=${PORT:-3103}
. bench/embedded-service.sh

api="http://localhost:$port/api/auth"
sign_up() {
  curl -sf -H 'content-type: application/json' -H "origin: http://localhost:$port" \
    -d "{\"name\":\"Ada\",\"email\":\"$1\",\"password\":\"a-long-password\"}" "$api/sign-up/email" >/dev/null
}
sign_up known@example.com
sign_up unverified@example.com
sleep 1
link=$(grep -o "$api/verify-email?token=[^ &\"]*" "$data/service.log" | head -n 1)
curl -s -o /dev/null "$link"

API=$api TRIES=$tries ORIGIN="http://localhost:$port" python3 - <<'PY'
import concurrent.futures, json, os, time, urllib.error, urllib.request

api, tries, origin = os.environ["API"], int(os.environ["TRIES"]), os.environ["ORIGIN"]

def post(path, body):
    request = urllib.request.Request(api + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"content-type": "application/json", "origin": origin})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request) as answer:
            answer.read()
    except urllib.error.HTTPError as refused:
        refused.read()
    return time.perf_counter() - started

def trimmed_mean_ms(times):
    cut = len(times) // 10
    kept = sorted(times)[cut:len(times) - cut]
    return 1000 * sum(kept) / len(kept)

rows = [
    ("sign-in (wrong password)", 4, "/sign-in/email",
     lambda i, email: {"email": email, "password": "wrong-password-%d" % i}, "known@example.com"),
    ("sign-up", 4, "/sign-up/email",
     lambda i, email: {"name": "Ada", "email": email, "password": "a-long-password"}, "known@example.com"),
    ("request-password-reset", 25, "/request-password-reset", lambda i, email: {"email": email},
     "known@example.com"),
    ("send-verification-email", 25, "/send-verification-email", lambda i, email: {"email": email},
     "unverified@example.com"),
]
print("| endpoint | known (ms) | unknown (ms) | difference |")
print("|---|---|---|---|")
with concurrent.futures.ThreadPoolExecutor(max_workers=25) as pool:
    for name, batch, path, body, known in rows:
        times = {True: [], False: []}
        for first in range(0, 2 * tries, batch):
            sent = [(i % 2 == 0, pool.submit(post, path, body(i, known if i % 2 == 0 else "nobody-%d@example.com" % i)))
                    for i in range(first, first + batch)]
            for is_known, future in sent:
                times[is_known].append(future.result())
        k, u = trimmed_mean_ms(times[True]), trimmed_mean_ms(times[False])
        print("| %s | %.1f | %.1f | %.1f %% |" % (name, k, u, 100 * abs(k - u) / min(k, u)))
PY
