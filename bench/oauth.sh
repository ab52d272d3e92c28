#!/usr/bin/env bash
# The authorization server (issue 24) on the built jar and the embedded database (or PostgreSQL when
# DATABASE_URL is set):
# - the authorization round trip of an MCP client whose user is signed in and has consented: GET
#   /oauth2/authorize (302 to the redirect URI with a code), then the code exchanged at /oauth2/token
#   with its PKCE verifier, one at a time; medians and 95th percentiles of each and of the whole;
# - the token endpoint's throughput with wrk, after 5 s of warm-up: client credentials, each answer a
#   newly signed token, an audit event written for each.
# Usage: bench/oauth.sh [round trips, default 200] [wrk seconds, default 10] [connections, default 32]
# Needs: ./mvnw -q -pl auth-bootstrap -am package -DskipTests, curl, python3, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-200}
seconds=${2:-10}
connections=${3:-32}
port=${PORT:-3108}
resource="https://mcp.example.com/mcp"
registration_token=bench-registration-token-0123456789abcdef
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
export OAUTH_RESOURCES=$resource OAUTH_SCOPES=mcp:tools OAUTH_DYNAMIC_REGISTRATION=token \
  OAUTH_REGISTRATION_TOKEN=$registration_token
. bench/embedded-service.sh
echo "service healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms"

service_client=$(API="http://localhost:$port/api/auth" ROUNDS=$rounds LOG="$data/service.log" RESOURCE=$resource \
  TOKEN=$registration_token python3 - <<'PY'
import base64, hashlib, json, os, re, secrets, statistics, sys, time, urllib.error, urllib.parse, urllib.request

api, rounds, log, resource = os.environ["API"], int(os.environ["ROUNDS"]), os.environ["LOG"], os.environ["RESOURCE"]
origin = api.rsplit("/api/auth", 1)[0]

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None

browser = urllib.request.build_opener(NoRedirect)

def call(path, body=None, headers=None, form=False):
    headers = dict(headers or {}, origin=origin)
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body).encode() if form else json.dumps(body).encode()
        headers["content-type"] = "application/x-www-form-urlencoded" if form else "application/json"
    request = urllib.request.Request(api + path, data=data, headers=headers)
    try:
        with browser.open(request) as answer:
            return answer.status, answer.headers, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as answer:
        if answer.code == 302:
            return 302, answer.headers, None
        raise SystemExit("%s answered %s %s" % (path, answer.code, answer.read().decode()))

password = "a long bench password 1"
call("/sign-up/email", {"name": "Bench", "email": "bench@example.com", "password": password})
for _ in range(100):
    link = re.search(re.escape(api) + r"/verify-email\?token=[^ &\"]+", open(log).read())
    if link:
        urllib.request.urlopen(link.group(0)).read()
        break
    time.sleep(0.05)
_, headers, _ = call("/sign-in/email", {"email": "bench@example.com", "password": password})
cookie = headers["set-cookie"].split(";", 1)[0]
callback = "http://127.0.0.1:53682/callback"
_, _, client = call("/oauth2/register", {"redirect_uris": [callback], "client_name": "bench MCP client",
    "token_endpoint_auth_method": "none", "grant_types": ["authorization_code", "refresh_token"]},
    {"authorization": "Bearer " + os.environ["TOKEN"]})
_, _, service = call("/oauth2/register", {"client_name": "bench service", "grant_types": ["client_credentials"],
    "token_endpoint_auth_method": "client_secret_basic", "scope": "mcp:tools"},
    {"authorization": "Bearer " + os.environ["TOKEN"]})

def authorize(verifier):
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = urllib.parse.urlencode({"response_type": "code", "client_id": client["client_id"],
        "redirect_uri": callback, "scope": "openid mcp:tools", "state": secrets.token_urlsafe(8),
        "code_challenge": challenge, "code_challenge_method": "S256", "resource": resource})
    _, headers, _ = call("/oauth2/authorize?" + query, headers={"cookie": cookie, "accept": "text/html"})
    return headers["location"]

first = authorize(secrets.token_urlsafe(48))
consent_query = urllib.parse.urlparse(first).query
call("/oauth2/consent", {"accept": True, "oauth_query": consent_query}, {"cookie": cookie})

authorizes, exchanges, wholes = [], [], []
for _ in range(rounds):
    verifier = secrets.token_urlsafe(48)
    started = time.perf_counter()
    location = authorize(verifier)
    authorized = time.perf_counter()
    code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)["code"][0]
    _, _, tokens = call("/oauth2/token", {"grant_type": "authorization_code", "code": code,
        "code_verifier": verifier, "client_id": client["client_id"], "redirect_uri": callback}, form=True)
    done = time.perf_counter()
    assert tokens["access_token"] and tokens["refresh_token"] and tokens["id_token"]
    authorizes.append(authorized - started)
    exchanges.append(done - authorized)
    wholes.append(done - started)

def line(name, values):
    values = sorted(values)
    p95 = values[int(len(values) * 0.95) - 1]
    print("%-34s median %6.2f ms   p95 %6.2f ms   (%d)" % (name, statistics.median(values) * 1000, p95 * 1000,
          len(values)), file=sys.stderr)

line("GET /oauth2/authorize (302, code)", authorizes)
line("POST /oauth2/token (code + PKCE)", exchanges)
line("authorization round trip", wholes)
print(service["client_id"], service["client_secret"])
PY
)
read -r client_id client_secret <<<"$service_client"
# the JIT compiles the token path first, as it would have after minutes of traffic
wrk -t2 -c"$connections" -d5s -s bench/wrk/client-credentials.lua \
  "http://localhost:$port/api/auth/oauth2/token" -- "$client_id" "$client_secret" "$resource" >/dev/null
wrk -t2 -c"$connections" -d"${seconds}s" -s bench/wrk/client-credentials.lua \
  "http://localhost:$port/api/auth/oauth2/token" -- "$client_id" "$client_secret" "$resource" \
  | grep -E 'Requests/sec|Latency|requests in|Non-2xx'
