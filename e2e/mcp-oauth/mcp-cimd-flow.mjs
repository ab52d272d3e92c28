// The official MCP TypeScript SDK with a client ID metadata document instead of registration: the
// client's id is the HTTPS URL of a JSON document it publishes (served here on loopback, with a
// certificate the service was told to trust). The service fetches it, keeps it as long as its
// Cache-Control says, and refuses documents that are not the URL's own or hosts it may not reach.
// Usage: node mcp-cimd-flow.mjs <auth base URL> <issuer> <MCP resource> <email> <password>
//        <PKCS12 file> <its password> <a host:port the service may not fetch from>
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { browser, checks } from "../better-auth-client/browser.mjs";
import { BrowserProvider } from "./authorizing-browser.mjs";
import { startMcpServer } from "./mcp-server.mjs";

const [authBase, issuer, resource, email, password, pfx, passphrase, forbiddenHost] = process.argv.slice(2);
const { check, finish } = checks();
const user = browser(new URL(authBase).origin);
const signedIn = await user(`${authBase}/sign-in/email`, { method: "POST",
  headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
check("the user signs in", signedIn.status === 200, signedIn.status);

const fetchedBy = [];
const documents = createServer({ pfx: readFileSync(pfx), passphrase }, (request, response) => {
  fetchedBy.push(`${request.url} ${request.headers["user-agent"]}`);
  const url = `${origin}${request.url}`;
  const document = { client_name: "MCP SDK CIMD client", redirect_uris: ["http://127.0.0.1:53682/callback"],
    grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none" };
  const ownId = request.url === "/impostor.json" ? `${origin}/mcp-client.json` : url;
  response.writeHead(200, { "content-type": "application/json", "cache-control": "max-age=300", etag: '"1"' });
  response.end(JSON.stringify({ client_id: ownId, ...document }));
});
await new Promise((listening) => documents.listen(0, "127.0.0.1", listening));
const origin = `https://127.0.0.1:${documents.address().port}`;
const clientMetadataUrl = `${origin}/mcp-client.json`;
const server = await startMcpServer({ resource, issuer });

async function connected(provider) {
  const client = new Client({ name: "e2e-mcp-cimd-client", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(resource), { authProvider: provider }));
  return client;
}

/** A client that has not authorized yet: refused, sent through the browser, then the code exchanged. */
async function authorized(provider) {
  let first;
  try {
    await connected(provider);
  } catch (refused) {
    first = refused;
  }
  if (!(first instanceof UnauthorizedError) || !provider.callback) throw first ?? new Error("no authorization");
  const transport = new StreamableHTTPClientTransport(new URL(resource), { authProvider: provider });
  await transport.finishAuth(provider.callback.searchParams.get("code"));
  return provider.saved.tokens;
}

try {
  const metadata = await (await fetch(new URL("/.well-known/oauth-authorization-server", issuer))).json();
  check("the server's metadata says it accepts client ID metadata documents",
    metadata.client_id_metadata_document_supported === true, metadata.client_id_metadata_document_supported);

  const provider = new BrowserProvider(user, authBase, clientMetadataUrl);
  const issued = await authorized(provider);
  check("the SDK used its document's URL as client_id instead of registering",
    provider.saved.client?.client_id === clientMetadataUrl && provider.saved.client.client_secret === undefined
    && provider.authorizationUrl.searchParams.get("client_id") === clientMetadataUrl, provider.saved.client);
  check("the service fetched the document once, as its metadata fetcher",
    fetchedBy.length === 1 && fetchedBy[0] === "/mcp-client.json auth-service client-metadata-fetcher", fetchedBy);
  const claims = JSON.parse(Buffer.from(issued.access_token.split(".")[1], "base64url").toString());
  check("the access token is for that client and bound to the MCP server", claims.client_id === clientMetadataUrl
    && claims.aud === resource && claims.iss === issuer, claims);
  const client = await connected(provider);
  const whoami = JSON.parse((await client.callTool({ name: "whoami", arguments: {} })).content[0].text);
  check("the MCP server accepts the token and the tool sees the user and the client", whoami.sub === claims.sub
    && whoami.clientId === clientMetadataUrl, whoami);
  await client.close();

  const secondSession = new BrowserProvider(user, authBase, clientMetadataUrl);
  await authorized(secondSession);
  check("a second authorization uses the kept copy: max-age=300 has not passed", fetchedBy.length === 1
    && secondSession.saved.tokens?.access_token !== issued.access_token, fetchedBy);

  const refusal = async (clientId) => {
    const asked = new URL(`${authBase}/oauth2/authorize`);
    Object.entries({ client_id: clientId, redirect_uri: "http://127.0.0.1:53682/callback", response_type: "code",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256", state: "s" })
      .forEach(([name, value]) => asked.searchParams.set(name, value));
    const answer = await user(asked.href, { headers: { accept: "application/json" } });
    return { status: answer.status, location: answer.headers.get("location"), body: await answer.json().catch(() => null) };
  };
  const impostor = await refusal(`${origin}/impostor.json`);
  check("a document whose client_id is another URL is refused (invalid_client), not redirected",
    impostor.status === 400 && impostor.location === null && impostor.body?.error === "invalid_client"
    && /client_id is not its URL/.test(impostor.body.error_description), impostor);
  const internal = await refusal(`https://${forbiddenHost}/mcp-client.json`);
  check("a document on an address the service may not reach is refused before any connection",
    internal.status === 400 && internal.body?.error === "invalid_client"
    && /not a public address/.test(internal.body.error_description), internal);
} finally {
  await server.close();
  documents.close();
}
finish();
