// After the import: Chromium holds the passkey registered at better-auth (the credential the
// fixture printed, added to a new virtual authenticator), and better-auth's passkeyClient signs in
// with it against the Java service.
// Usage: node imported-passkey-flow.mjs <auth base URL> <page port> <fixture JSON file>
import { readFileSync } from "node:fs";
import { checks } from "../better-auth-client/browser.mjs";
import { openWithAuthenticator, servePage } from "./chromium.mjs";

const [authBase, pagePort, fixtureFile] = process.argv.slice(2);
const fixture = JSON.parse(readFileSync(fixtureFile, "utf8"));
const { check, finish } = checks();

const server = await servePage(pagePort);
const { browser, page, devtools, authenticatorId } = await openWithAuthenticator(`http://localhost:${pagePort}/`);
try {
  await devtools.send("WebAuthn.addCredential", { authenticatorId, credential: fixture.credential });

  const signedIn = await page.evaluate(async (base) => {
    window.auth = window.createAuth(base);
    const result = await window.auth.signIn.passkey();
    return { data: result.data, error: result.error };
  }, authBase);
  check("the passkey registered at better-auth signs in here", signedIn.data?.user?.id === fixture.id
    && signedIn.data?.user?.email === fixture.email, signedIn.error ?? signedIn.data);
  const listed = await page.evaluate(async () => (await window.auth.passkey.listUserPasskeys()).data);
  check("its stored form is better-auth's, and its counter moved on", listed?.length === 1
    && listed[0].credentialID === fixture.credentialID && listed[0].counter > 0, listed);
  const again = await page.evaluate(async () => {
    await window.auth.signOut();
    const result = await window.auth.signIn.passkey();
    return { data: result.data, error: result.error };
  });
  check("and again", again.data?.user?.id === fixture.id, again.error);
} finally {
  await browser.close();
  server.close();
}
finish();
