// What the e2e scripts share: a browser's fetch and the checks they print.

/**
 * A browser's fetch on one origin: it sends that Origin, keeps the cookies it is given and those
 * the answers set, and does not follow redirects. `.jar` holds the cookies, `.last` the last answer.
 */
export function browser(origin, cookies = {}) {
  const jar = new Map(Object.entries(cookies));
  const browserFetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("origin", origin);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(input, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(";")[0];
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value === "" || /max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    browserFetch.last = response;
    return response;
  };
  browserFetch.jar = jar;
  return browserFetch;
}

/** Named checks, one line each ("ok" or "FAIL"), and the closing "N passed, N failed" line and exit code. */
export function checks() {
  let passed = 0;
  let failed = 0;
  return {
    check(name, condition, detail) {
      if (condition) {
        passed++;
        console.log(`ok   ${name}`);
      } else {
        failed++;
        console.log(`FAIL ${name}${detail === undefined ? "" : ": " + JSON.stringify(detail)}`);
      }
    },
    finish() {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed === 0 && passed > 0 ? 0 : 1);
    },
  };
}
