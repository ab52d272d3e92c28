// An independent OpenID Connect client, openid-client (panva), against the service: discovery,
// dynamic registration of a confidential client, the code flow with PKCE, state and nonce, the ID
// token it validates itself, userinfo; then a refresh with the client's secret; and RP-Initiated
// Logout through its end-session URL.
// Usage: node oidc-flow.mjs <auth base URL> <issuer> <email> <password>
import * as oidc from "openid-client";
import { browser, checks } from "../better-auth-client/browser.mjs";
import { authorizeInBrowser } from "./authorizing-browser.mjs";

const [authBase, issuer, email, password] = process.argv.slice(2);
const { check, finish } = checks();
const insecure = { execute: [oidc.allowInsecureRequests] };
const redirectUri = "https://app.example.com/oidc/callback";
const signedOutUri = "https://app.example.com/signed-out";

const user = browser(new URL(authBase).origin);
const signedIn = await user(`${authBase}/sign-in/email`, { method: "POST",
  headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
check("the user signs in", signedIn.status === 200, signedIn.status);

const config = await oidc.dynamicClientRegistration(new URL(issuer), {
  client_name: "openid-client e2e", redirect_uris: [redirectUri], grant_types: ["authorization_code", "refresh_token"],
  response_types: ["code"], token_endpoint_auth_method: "client_secret_basic", scope: "openid profile email",
  post_logout_redirect_uris: [signedOutUri],
}, undefined, insecure);
const server = config.serverMetadata();
const client = config.clientMetadata();
check("discovery finds the issuer's metadata, with S256 and RFC 9207 iss", server.issuer === issuer
  && server.code_challenge_methods_supported?.includes("S256")
  && server.authorization_response_iss_parameter_supported === true, server);
check("dynamic registration returns a confidential client with a secret", typeof client.client_id === "string"
  && typeof client.client_secret === "string" && client.token_endpoint_auth_method === "client_secret_basic", client);
client.id_token_signed_response_alg = server.id_token_signing_alg_values_supported[0];

const verifier = oidc.randomPKCECodeVerifier();
const state = oidc.randomState();
const nonce = oidc.randomNonce();
const authorizationUrl = oidc.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: "openid profile email",
  code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", state, nonce });
const callback = await authorizeInBrowser(user, authorizationUrl, authBase);
check("the browser comes back with a code", callback.searchParams.has("code"), callback.href);

const tokens = await oidc.authorizationCodeGrant(config, callback,
  { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
const claims = tokens.claims();
check("the ID token validates (issuer, audience, signature, nonce) and names the user", claims?.iss === issuer
  && claims.aud === client.client_id && claims.nonce === nonce && claims.email === email
  && typeof claims.auth_time === "number", claims);

const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
check("userinfo answers the user's profile and email", info.sub === claims.sub && info.email === email
  && info.email_verified === true && typeof info.name === "string", info);

const introspected = await oidc.tokenIntrospection(config, tokens.access_token);
check("introspection (RFC 7662) by the client says the access token is active, for the user", introspected.active
  === true && introspected.sub === claims.sub && introspected.client_id === client.client_id, introspected);

const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
check("the refresh token, with the client's secret, gives a new access token", typeof refreshed.access_token === "string"
  && refreshed.access_token !== tokens.access_token && refreshed.refresh_token !== tokens.refresh_token, refreshed);

/** What a call that must be refused was refused with; undefined when it was not. */
const refusal = (call) => call.then(() => undefined, (refused) => refused);
const replayed = await refusal(oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier,
  expectedState: state, expectedNonce: nonce }));
check("the code a second time is refused (invalid_grant)", replayed?.error === "invalid_grant", String(replayed));
const afterReplay = await refusal(oidc.refreshTokenGrant(config, refreshed.refresh_token));
check("... and what the code gave ends with it: the refresh token no longer works", afterReplay?.error === "invalid_grant",
  String(afterReplay));

const again = oidc.randomPKCECodeVerifier();
const secondState = oidc.randomState();
const secondCallback = await authorizeInBrowser(user, oidc.buildAuthorizationUrl(config, { redirect_uri: redirectUri,
  scope: "openid email", code_challenge: await oidc.calculatePKCECodeChallenge(again), code_challenge_method: "S256",
  state: secondState }), authBase);
check("a second authorization needs no consent again: straight back with a code", secondCallback.searchParams.has("code"),
  secondCallback.href);
const second = await oidc.authorizationCodeGrant(config, secondCallback, { pkceCodeVerifier: again,
  expectedState: secondState });
await oidc.tokenRevocation(config, second.refresh_token);
const revoked = await refusal(oidc.refreshTokenGrant(config, second.refresh_token));
check("the client revokes its refresh token (RFC 7009) and it no longer works", revoked?.error === "invalid_grant",
  String(revoked));

check("the metadata names the end-session endpoint (RP-Initiated Logout)",
  server.end_session_endpoint === `${authBase}/oauth2/end-session`, server.end_session_endpoint);
const sessionCookies = Object.fromEntries(user.jar);
const sessionOf = async (cookies) => (await browser(new URL(authBase).origin, cookies)(`${authBase}/get-session`)).json();
const asHtml = { headers: { accept: "text/html" } };
const unproven = await user(`${authBase}/oauth2/end-session?client_id=${client.client_id}`, asHtml);
check("without the client's ID token, the user is asked first and stays signed in", unproven.status === 303
  && unproven.headers.get("location").includes("/oauth2/pages/sign-out?")
  && (await sessionOf(sessionCookies))?.user?.email === email, unproven.status);
const elsewhere = await user(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token,
  post_logout_redirect_uri: "https://evil.example.com/signed-out", state: "bye" }).href, asHtml);
check("a post-logout redirect URI the client did not register is refused, not followed", elsewhere.status === 400
  && elsewhere.headers.get("location") === null && (await elsewhere.json()).error === "invalid_request"
  && (await sessionOf(sessionCookies)) !== null, elsewhere.status);
const ended = await user(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token,
  post_logout_redirect_uri: signedOutUri, state: "bye" }).href, asHtml);
check("openid-client's end-session URL with its ID token signs the user out and returns with the state",
  ended.status === 303 && ended.headers.get("location") === `${signedOutUri}?state=bye`, ended.headers.get("location"));
check("... and the session is gone on the server, not only its cookie", (await sessionOf(sessionCookies)) === null
  && ![...user.jar.keys()].some((name) => name.includes("session_token")), [...user.jar.keys()]);
finish();
