// The built-in sign-in and consent pages (ADR-0052) in a real browser: Debian's Chromium, headless,
// driven by puppeteer-core, goes from an OAuth client's authorization URL through our sign-in page
// and consent page back to the client with a code, which the client exchanges. The pages carry
// their Content-Security-Policy, refuse a form posted without this browser's CSRF cookie, and tell
// the client when the user denies. An end-session request without the client's ID token asks the
// user on our sign-out page, and only their click signs them out. A user with a second factor is
// asked for it on the page, and gets through with a backup code. A user with a passkey signs in with
// it on the page, under the page's own CSP, through the DevTools virtual authenticator.
// Usage: node oauth-pages-flow.mjs <auth base URL> <email> <password> <callback port>
//        <email of a user with a second factor> <their password> <one of their backup codes>
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import puppeteer from "puppeteer-core";
import { checks } from "../better-auth-client/browser.mjs";

const [authBase, email, password, callbackPort, guardedEmail, guardedPassword, backupCode] = process.argv.slice(2);
const { check, finish } = checks();
const redirectUri = `http://127.0.0.1:${callbackPort}/callback`;
const callbacks = createServer((request, response) => response.writeHead(200, { "content-type": "text/plain" })
  .end("back at the client"));
await new Promise((listening) => callbacks.listen(Number(callbackPort), "127.0.0.1", listening));

const registered = await (await fetch(`${authBase}/oauth2/register`, { method: "POST",
  headers: { "content-type": "application/json" }, body: JSON.stringify({ client_name: "Pages <e2e> client",
    redirect_uris: [redirectUri], token_endpoint_auth_method: "none" }) })).json();

function authorizationUrl(extra = {}) {
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(8).toString("hex");
  const url = new URL(`${authBase}/oauth2/authorize`);
  for (const [name, value] of Object.entries({ response_type: "code", client_id: registered.client_id,
    redirect_uri: redirectUri, scope: "openid email", state, code_challenge_method: "S256",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"), ...extra })) {
    url.searchParams.set(name, value);
  }
  return { url: url.href, verifier, state };
}

const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
try {
  const page = await browser.newPage();
  const first = authorizationUrl();
  const signInAnswer = await page.goto(first.url);
  const headers = signInAnswer.headers();
  check("the authorization sends the browser to our sign-in page", page.url().startsWith(`${authBase}/oauth2/pages/sign-in?`)
    && (await page.$("#email")) !== null, page.url());
  const scripts = await page.$$eval("script", (all) => all.map((script) => script.getAttribute("src")));
  check("the page has a strict Content-Security-Policy, no framing, and only our own passkey script",
    headers["content-security-policy"]?.includes("default-src 'none'")
    && headers["content-security-policy"]?.includes("script-src 'self';")
    && !headers["content-security-policy"]?.includes("unsafe") && headers["x-frame-options"] === "DENY"
    && scripts.length === 1 && scripts[0] === "/api/auth/oauth2/pages/passkey.js", { headers, scripts });

  const csrfless = await fetch(`${authBase}/oauth2/pages/sign-in`, { method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(authBase).origin },
    body: new URLSearchParams({ email, password, oauth_query: new URL(page.url()).search.slice(1),
      csrf: await page.$eval("input[name=csrf]", (input) => input.value) }) });
  check("the form posted without this browser's CSRF cookie is refused and signs no one in",
    csrfless.status === 400 && !csrfless.headers.getSetCookie().some((cookie) => cookie.includes("session_token")),
    csrfless.status);

  await page.type("#email", email);
  await page.type("#password", password + "-wrong");
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  check("a wrong password is told on the page", (await page.content()).includes("The email or password is not right"),
    await page.content());

  await page.type("#email", email);
  await page.type("#password", password);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  const consentText = await page.$eval("main", (main) => main.textContent);
  check("after sign-in, the consent page names the client and where it will be sent",
    page.url().startsWith(`${authBase}/oauth2/pages/consent?`) && consentText.includes("Pages <e2e> client")
    && consentText.includes("127.0.0.1") && consentText.includes("email"), consentText);
  check("the client's name is shown as text, not markup", (await page.$("main e2e")) === null);

  await Promise.all([page.waitForNavigation(), page.click("button[value=allow]")]);
  const back = new URL(page.url());
  check("Allow sends the browser back to the client with a code, its state and our issuer",
    back.href.startsWith(redirectUri) && back.searchParams.get("state") === first.state
    && back.searchParams.get("iss") === new URL(authBase).origin && back.searchParams.has("code"), back.href);
  const tokens = await (await fetch(`${authBase}/oauth2/token`, { method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: back.searchParams.get("code"),
      code_verifier: first.verifier, client_id: registered.client_id, redirect_uri: redirectUri }) })).json();
  check("the client exchanges the code", typeof tokens.access_token === "string" && typeof tokens.id_token === "string",
    tokens);

  const again = authorizationUrl({ prompt: "consent" });
  await page.goto(again.url);
  check("signed in, prompt=consent goes straight to the consent page", page.url().includes("/oauth2/pages/consent?"),
    page.url());
  await Promise.all([page.waitForNavigation(), page.click("button[value=deny]")]);
  const denied = new URL(page.url());
  check("Deny sends the browser back with access_denied and the state", denied.searchParams.get("error")
    === "access_denied" && denied.searchParams.get("state") === again.state && !denied.searchParams.has("code"),
    denied.href);

  await page.goto(`${authBase}/oauth2/end-session?client_id=${registered.client_id}`);
  const question = await page.$eval("main", (main) => main.textContent);
  check("an end-session request without the client's ID token shows our sign-out question, naming the client",
    page.url().startsWith(`${authBase}/oauth2/pages/sign-out?`) && question.includes("Pages <e2e> client"), question);
  // the pages' CSP allows no fetch, so the browser's cookies are shown to get-session from here
  const cookieHeader = (await page.cookies(authBase)).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const sessionWith = async (cookie) => (await fetch(`${authBase}/get-session`, { headers: { cookie } })).json();
  const stillSignedIn = await sessionWith(cookieHeader);
  check("... and asking signs nobody out", stillSignedIn?.user?.email === email, stillSignedIn);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  const gone = await sessionWith(cookieHeader);
  check("Sign out ends the session and shows that it did", page.url() === `${authBase}/oauth2/pages/signed-out`
    && (await page.$eval("main", (main) => main.textContent)).includes("You are signed out") && gone === null,
    `${page.url()}: ${await page.$eval("body", (body) => body.textContent)}`);

  const guarded = authorizationUrl();
  await page.goto(guarded.url);
  await page.type("#email", guardedEmail);
  await page.type("#password", guardedPassword);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  check("a user with a second factor is asked for it after the password, on the page",
    (await page.$eval("h1", (title) => title.textContent)) === "Second step"
    && (await page.$("input[value=totp]")) !== null && (await page.$("input[value=backup_code]")) !== null,
    await page.$eval("main", (main) => main.textContent));
  await page.type("#code", "000000");
  await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
  check("a wrong code is told, and the page asks again",
    (await page.$eval("main", (main) => main.textContent)).includes("That code is not right"), page.url());
  await page.type("#code", backupCode);
  await page.click("input[value=backup_code]");
  await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
  check("a backup code completes the sign-in and the authorization goes on to consent",
    page.url().startsWith(`${authBase}/oauth2/pages/consent?`), page.url());

  // A passkey for the first user, made through the service's passkey routes on its own origin
  // (the pages' CSP set aside for this setup only), then used on the sign-in page as it is.
  const devtools = await page.createCDPSession();
  await devtools.send("WebAuthn.enable");
  await devtools.send("WebAuthn.addVirtualAuthenticator", { options: { protocol: "ctap2", ctap2Version: "ctap2_1",
    transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true,
    automaticPresenceSimulation: true } });
  await page.setBypassCSP(true);
  await page.goto(`${authBase}/oauth2/pages/signed-out`);
  const enrolled = await page.evaluate(async (base, email, password) => {
    const json = { "content-type": "application/json" };
    await fetch(`${base}/sign-in/email`, { method: "POST", headers: json, body: JSON.stringify({ email, password }) });
    const options = await (await fetch(`${base}/passkey/generate-register-options`)).json();
    const credential = await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
    const stored = await fetch(`${base}/passkey/verify-registration`, { method: "POST", headers: json,
      body: JSON.stringify({ response: credential.toJSON(), name: "Laptop" }) });
    await fetch(`${base}/sign-out`, { method: "POST", headers: json, body: "{}" });
    return stored.status;
  }, authBase, email, password);
  await page.setBypassCSP(false);
  check("(setup) a passkey is registered for the user, who is then signed out", enrolled === 200, enrolled);

  const byPasskey = authorizationUrl();
  await page.goto(byPasskey.url);
  check("the sign-in page offers a passkey where the browser has WebAuthn",
    await page.$eval("#passkey", (button) => !button.hidden), page.url());
  await Promise.all([page.waitForNavigation(), page.click("#passkey")]);
  const passkeyBack = new URL(page.url());
  check("the passkey signs in under the page's CSP and the authorization goes on: consented before, so back"
    + " to the client with a code", passkeyBack.href.startsWith(redirectUri) && passkeyBack.searchParams.has("code")
    && passkeyBack.searchParams.get("state") === byPasskey.state, passkeyBack.href);
} finally {
  await browser.close();
  callbacks.close();
}
finish();
