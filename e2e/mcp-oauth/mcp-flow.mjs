// The official MCP TypeScript SDK against the service's authorization server: its client's OAuth
// provider discovers the server through an SDK-built MCP server's protected-resource metadata,
// registers itself dynamically, authorizes with PKCE and a resource indicator, exchanges the code,
// calls a tool, refreshes; and what must be refused is.
// Usage: node mcp-flow.mjs <auth base URL> <issuer> <MCP resource> <other MCP resource> <email> <password>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { auth, exchangeAuthorization, refreshAuthorization, startAuthorization, UnauthorizedError }
  from "@modelcontextprotocol/sdk/client/auth.js";
import { authorizeInBrowser } from "./authorizing-browser.mjs";
import { browser, checks } from "../better-auth-client/browser.mjs";
import { BrowserProvider } from "./authorizing-browser.mjs";
import { startMcpServer } from "./mcp-server.mjs";

const [authBase, issuer, resource, otherResource, email, password] = process.argv.slice(2);
const { check, finish } = checks();
const user = browser(new URL(authBase).origin);
const signedIn = await user(`${authBase}/sign-in/email`, { method: "POST",
  headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
check("the user signs in", signedIn.status === 200, signedIn.status);

const servers = [await startMcpServer({ resource, issuer }), await startMcpServer({ resource: otherResource, issuer })];

async function connected(provider, url) {
  const client = new Client({ name: "e2e-mcp-client", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }));
  return client;
}

try {
  const provider = new BrowserProvider(user, authBase);
  let first;
  try {
    await connected(provider, resource);
  } catch (refused) {
    first = refused;
  }
  check("the first call is refused and starts the authorization", first instanceof UnauthorizedError, String(first));
  check("the SDK registered the client dynamically, as a public client",
    typeof provider.saved.client?.client_id === "string" && provider.saved.client.client_secret === undefined,
    provider.saved.client);
  const asked = provider.authorizationUrl;
  check("the authorization request carries PKCE S256 and the MCP server as resource",
    asked?.searchParams.get("code_challenge_method") === "S256" && asked.searchParams.get("resource") === resource
    && asked.href.startsWith(`${authBase}/oauth2/authorize?`), asked?.href);
  const callback = provider.callback;
  check("the browser comes back to the redirect URI with a code, the state and our issuer (RFC 9207)",
    callback?.href.startsWith(provider.redirectUrl) && callback.searchParams.get("code")?.length >= 32
    && callback.searchParams.get("state") === asked.searchParams.get("state")
    && callback.searchParams.get("iss") === issuer, callback?.href);

  const transport = new StreamableHTTPClientTransport(new URL(resource), { authProvider: provider });
  await transport.finishAuth(callback.searchParams.get("code"));
  const issued = provider.saved.tokens;
  check("the code is exchanged for an access token and a refresh token", typeof issued?.access_token === "string"
    && typeof issued.refresh_token === "string" && issued.token_type.toLowerCase() === "bearer", issued);
  const [, payload] = issued.access_token.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
  check("the access token is bound to the MCP server (aud) for this client", claims.aud === resource
    && claims.client_id === provider.saved.client.client_id && claims.iss === issuer, claims);

  const client = await connected(provider, resource);
  const called = await client.callTool({ name: "whoami", arguments: {} });
  const whoami = JSON.parse(called.content[0].text);
  check("the MCP server accepts the token and the tool sees the user", whoami.sub === claims.sub
    && whoami.clientId === claims.client_id, whoami);
  await client.close();

  let elsewhere;
  const accessOnly = { ...provider, redirectUrl: provider.redirectUrl, clientMetadata: provider.clientMetadata,
    tokens: () => ({ access_token: issued.access_token, token_type: "Bearer" }), saveTokens() {},
    clientInformation: () => provider.saved.client, saveCodeVerifier() {}, codeVerifier: () => "unused",
    redirectToAuthorization() { throw new Error("refused, and no new authorization in this test"); } };
  try {
    await connected(accessOnly, otherResource);
  } catch (refused) {
    elsewhere = refused;
  }
  check("another MCP server refuses the token bound to the first", elsewhere !== undefined, String(elsewhere));
  const direct = await fetch(otherResource, { method: "POST", headers: { authorization: `Bearer ${issued.access_token}`,
    "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) });
  check("... with 401 and a challenge naming its resource metadata", direct.status === 401
    && /resource_metadata="[^"]+oauth-protected-resource/.test(direct.headers.get("www-authenticate")),
    direct.headers.get("www-authenticate"));

  const before = provider.saved.tokens;
  const refreshed = await auth(provider, { serverUrl: resource });
  const after = provider.saved.tokens;
  check("the SDK refreshes: a new access token and a new refresh token", refreshed === "AUTHORIZED"
    && after.access_token !== before.access_token && after.refresh_token !== before.refresh_token, after);
  const again = await connected(provider, resource);
  check("the refreshed token calls the tool", JSON.parse((await again.callTool({ name: "whoami", arguments: {} }))
    .content[0].text).sub === claims.sub);
  await again.close();

  const metadata = await (await fetch(new URL("/.well-known/oauth-authorization-server", issuer))).json();
  const refreshRefusal = (refreshToken) => refreshAuthorization(issuer, { metadata,
    clientInformation: provider.saved.client, refreshToken, resource: new URL(resource) })
    .then(() => undefined, (refused) => refused);
  const reuse = await refreshRefusal(before.refresh_token);
  check("a rotated refresh token presented again is refused (invalid_grant)", reuse?.errorCode === "invalid_grant",
    String(reuse));
  const ended = await refreshRefusal(after.refresh_token);
  check("... and ends the grant: its current refresh token stops working too", ended?.errorCode === "invalid_grant",
    String(ended));

  // The SDK's own authorization steps, asking for no scope: a token for the MCP server without its tool scope
  const narrow = await startAuthorization(issuer, { metadata, clientInformation: provider.saved.client,
    redirectUrl: provider.redirectUrl, resource: new URL(resource) });
  const narrowCallback = await authorizeInBrowser(user, narrow.authorizationUrl, authBase);
  const narrowTokens = await exchangeAuthorization(issuer, { metadata, clientInformation: provider.saved.client,
    authorizationCode: narrowCallback.searchParams.get("code"), codeVerifier: narrow.codeVerifier,
    redirectUri: provider.redirectUrl, resource: new URL(resource) });
  const lacking = await fetch(resource, { method: "POST", headers: { authorization: `Bearer ${narrowTokens.access_token}`,
    "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) });
  check("a token for the MCP server without its scope gets 403 insufficient_scope naming the scope",
    lacking.status === 403 && /error="insufficient_scope"/.test(lacking.headers.get("www-authenticate"))
    && /mcp:tools/.test(lacking.headers.get("www-authenticate")), lacking.headers.get("www-authenticate"));
} finally {
  await Promise.all(servers.map((server) => server.close()));
}
finish();
