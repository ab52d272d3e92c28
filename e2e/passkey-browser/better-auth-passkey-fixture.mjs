// A real better-auth 1.7 server with its passkey plugin on PostgreSQL, as a team runs it before the
// switch: a person signs up and registers a passkey from Chromium's virtual authenticator, on a page
// served by the same server. Prints one JSON line: the person, and the authenticator's credential
// (private key included) so that a later browser can hold the same passkey.
// Usage: node better-auth-passkey-fixture.mjs <postgres URL> <secret>
import { createServer } from "node:http";
import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import pg from "pg";
import { openWithAuthenticator, pageFiles } from "./chromium.mjs";

const [databaseUrl, secret] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl });
const server = createServer();
await new Promise((resolve) => server.listen(0, resolve));
const origin = `http://localhost:${server.address().port}`;
const auth = betterAuth({
  baseURL: origin,
  secret,
  database: pool,
  emailAndPassword: { enabled: true },
  plugins: [passkey({ rpID: "localhost", rpName: "Momentum", origin })],
  rateLimit: { enabled: false },
});
await (await getMigrations(auth.options)).runMigrations();
const files = await pageFiles();
const handler = toNodeHandler(auth);
server.on("request", (request, response) => files(request, response) || handler(request, response));

const person = { name: "Barbara Liskov", email: "barbara@example.com", password: "substitution principle 1987" };
const { browser, page, devtools, authenticatorId } = await openWithAuthenticator(`${origin}/`);
try {
  const registered = await page.evaluate(async (base, person) => {
    window.auth = window.createAuth(base);
    const signedUp = await window.auth.signUp.email(person);
    if (signedUp.error) return { error: signedUp.error };
    const added = await window.auth.passkey.addPasskey({ name: "Barbara's laptop" });
    return { id: signedUp.data.user.id, passkey: added.data, error: added.error };
  }, `${origin}/api/auth`, person);
  if (registered.error || !registered.passkey) throw new Error(`better-auth did not register: ${JSON.stringify(registered)}`);
  const { credentials } = await devtools.send("WebAuthn.getCredentials", { authenticatorId });
  console.log(JSON.stringify({ ...person, id: registered.id, credentialID: registered.passkey.credentialID,
    credential: credentials[0] }));
} finally {
  await browser.close();
  server.close();
  await pool.end();
}
