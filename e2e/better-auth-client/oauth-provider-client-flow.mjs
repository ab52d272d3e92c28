// A frontend's sign-in and consent pages built on better-auth's own client with
// @better-auth/oauth-provider's oauthProviderClient, against the Java service's authorization
// server: the plugin adds the page's signed authorization request (oauth_query) to the sign-in and
// the consent, and each answers where the authorization goes next, as better-auth's server does.
// Usage: node oauth-provider-client-flow.mjs <auth base URL> <frontend origin> <email> <password>
import { createHash, randomBytes } from "node:crypto";
import { createAuthClient } from "better-auth/client";
import { oauthProviderClient } from "@better-auth/oauth-provider/client";
import { browser, checks } from "./browser.mjs";

const [authBase, frontend, email, password] = process.argv.slice(2);
const { check, finish } = checks();
const redirectUri = "http://127.0.0.1:53682/callback";

// The plugin reads the page's query from window.location, as it would in the browser
globalThis.window = { location: { search: "" } };
const openPage = (url) => {
  window.location.search = new URL(url).search;
};
const page = browser(frontend);
const client = createAuthClient({ baseURL: authBase, fetchOptions: { customFetchImpl: page },
  plugins: [oauthProviderClient()] });

const registered = await (await fetch(`${authBase}/oauth2/register`, { method: "POST",
  headers: { "content-type": "application/json" }, body: JSON.stringify({ client_name: "Frontend e2e client",
    redirect_uris: [redirectUri], token_endpoint_auth_method: "none" }) })).json();
const state = randomBytes(8).toString("hex");
const verifier = randomBytes(32).toString("base64url");
const authorization = new URL(`${authBase}/oauth2/authorize`);
Object.entries({ response_type: "code", client_id: registered.client_id, redirect_uri: redirectUri, state,
  scope: "openid email", code_challenge_method: "S256",
  code_challenge: createHash("sha256").update(verifier).digest("base64url") })
  .forEach(([name, value]) => authorization.searchParams.set(name, value));

const first = await page(authorization.href, { headers: { accept: "text/html" } });
const signInPage = first.headers.get("location") ?? "";
check("without a session the browser goes to the frontend's sign-in page, the request signed",
  first.status === 302 && signInPage.startsWith(`${frontend}/sign-in?`) && new URL(signInPage).searchParams.has("sig"),
  signInPage);

openPage(signInPage.replace(/state=[^&]*/, "state=forged"));
const forged = await client.signIn.email({ email, password });
check("an altered request is refused (400 invalid_signature) and signs nobody in", forged.error?.status === 400
  && ![...page.jar.keys()].some((name) => name.includes("session_token")), forged.error);

openPage(signInPage);
const signedIn = await client.signIn.email({ email, password });
const consentPage = signedIn.data?.url ?? "";
check("signing in through the client answers the authorization's continuation: the consent page",
  signedIn.data?.redirect === true && consentPage.startsWith(`${frontend}/consent?`)
  && [...page.jar.keys()].some((name) => name.includes("session_token")), signedIn.data ?? signedIn.error);

openPage(consentPage);
const consented = await client.oauth2.consent({ accept: true });
const back = new URL(consented.data?.url ?? "about:blank");
check("the plugin's oauth2.consent sends the browser back to the client with a code, the state and iss",
  consented.data?.redirect === true && back.href.startsWith(redirectUri) && back.searchParams.has("code")
  && back.searchParams.get("state") === state && back.searchParams.get("iss") === new URL(authBase).origin,
  consented.data ?? consented.error);

const tokens = await (await fetch(`${authBase}/oauth2/token`, { method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ grant_type: "authorization_code", code: back.searchParams.get("code"),
    code_verifier: verifier, client_id: registered.client_id, redirect_uri: redirectUri }) })).json();
check("the client exchanges the code", typeof tokens.access_token === "string", tokens);
finish();
