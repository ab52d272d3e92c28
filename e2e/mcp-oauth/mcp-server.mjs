// An MCP server built from the official SDK and protected by the service's tokens, as a team would
// build one: the SDK's metadata router serves its protected-resource metadata (RFC 9728) and its
// bearer-auth middleware refuses any token that jose cannot verify against the service's JWKS, as
// an access token (typ at+jwt) of the service's issuer for this very resource.
import express from "express";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import {
  getOAuthProtectedResourceMetadataUrl,
  mcpAuthMetadataRouter,
} from "@modelcontextprotocol/sdk/server/auth/router.js";

/** Starts the server at `resource` (http://localhost:<port>/<path>), trusting the issuer's metadata. */
export async function startMcpServer({ resource, issuer, scope = "mcp:tools" }) {
  const resourceUrl = new URL(resource);
  const metadata = await (await fetch(new URL("/.well-known/oauth-authorization-server", issuer))).json();
  const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));
  const verifier = {
    async verifyAccessToken(token) {
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer, audience: resource, typ: "at+jwt" });
        return {
          token,
          clientId: payload.client_id,
          scopes: typeof payload.scope === "string" ? payload.scope.split(" ") : [],
          expiresAt: payload.exp,
          resource: resourceUrl,
          extra: { sub: payload.sub },
        };
      } catch (refused) {
        throw new InvalidTokenError(`token refused: ${refused.code ?? refused.message}`);
      }
    },
  };

  const app = express();
  app.use(express.json());
  app.use(mcpAuthMetadataRouter({ oauthMetadata: metadata, resourceServerUrl: resourceUrl,
    scopesSupported: [scope], resourceName: "e2e MCP server" }));
  const bearer = requireBearerAuth({ verifier, requiredScopes: [scope], expectedResource: resourceUrl,
    resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(resourceUrl) });
  app.post(resourceUrl.pathname, bearer, async (req, res) => {
    const server = new McpServer({ name: "e2e-mcp-server", version: "1.0.0" });
    server.registerTool("whoami", { description: "The user the caller's token was issued for" },
      async (extra) => ({ content: [{ type: "text", text: JSON.stringify({ sub: extra.authInfo?.extra?.sub,
        clientId: extra.authInfo?.clientId, resource: resource }) }] }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on("close", () => { transport.close(); server.close(); });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  const listener = await new Promise((resolve) => {
    const started = app.listen(Number(resourceUrl.port), "127.0.0.1", () => resolve(started));
  });
  return { close: () => new Promise((resolve) => listener.close(resolve)) };
}
