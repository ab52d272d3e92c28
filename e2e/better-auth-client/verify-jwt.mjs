// Verifies JWTs the way a Node backend or MCP server would: jose's createRemoteJWKSet on our JWKS URL.
// Usage: node verify-jwt.mjs <jwks URL> <issuer> <audience> <token>...
// Prints one line per token: "valid <sub>" or "invalid <jose error code>".
import { createRemoteJWKSet, jwtVerify } from "jose";

const [jwksUrl, issuer, audience, ...tokens] = process.argv.slice(2);
const jwks = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 0 });
for (const token of tokens) {
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer, audience });
    console.log(`valid ${payload.sub}`);
  } catch (error) {
    console.log(`invalid ${error.code ?? error.name}`);
  }
}
