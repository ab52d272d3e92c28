// Passkeys in a real browser: Chromium, headless, with the DevTools WebAuthn virtual authenticator,
// on a page that uses better-auth's own client and passkeyClient against the Java service.
// Usage: node passkey-flow.mjs <auth base URL> <page port> <email> <password>
// The page is served from http://localhost:<page port>, which the service must trust (FRONTEND_URL).
import { checks } from "../better-auth-client/browser.mjs";
import { openWithAuthenticator, servePage } from "./chromium.mjs";

const [authBase, pagePort, email, password] = process.argv.slice(2);
const { check, finish } = checks();

const server = await servePage(pagePort);

const { browser, page, devtools, authenticatorId } = await openWithAuthenticator(`http://localhost:${pagePort}/`);
try {
  const inPage = (code, ...args) => page.evaluate(code, ...args);
  const plain = (result) => ({ data: result?.data ?? null, error: result?.error ?? null });

  const signedIn = await inPage(async (base, email, password) => {
    window.auth = window.createAuth(base);
    const result = await window.auth.signIn.email({ email, password });
    return { data: result.data, error: result.error };
  }, authBase, email, password);
  check("the page signs in with the password", signedIn.data?.user?.email === email, signedIn.error);

  const added = plain(await inPage(async () => {
    const result = await window.auth.passkey.addPasskey({ name: "Laptop" });
    return { data: result.data, error: result.error };
  }));
  check("passkeyClient registers a passkey through the virtual authenticator", added.data?.name === "Laptop"
    && typeof added.data?.credentialID === "string" && added.data?.deviceType !== undefined, added.error);
  const { credentials } = await devtools.send("WebAuthn.getCredentials", { authenticatorId });
  check("the authenticator holds one discoverable credential, the one the service stored", credentials.length === 1
    && credentials[0].isResidentCredential
    && credentials[0].credentialId.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") === added.data?.credentialID,
    credentials.map((credential) => credential.credentialId));

  const listed = plain(await inPage(async () => window.auth.passkey.listUserPasskeys()));
  check("list-user-passkeys shows it", listed.data?.length === 1 && listed.data[0].id === added.data?.id, listed);

  await inPage(async () => window.auth.signOut());
  const signedOut = await inPage(async () => (await window.auth.getSession()).data);
  check("signed out", signedOut === null, signedOut);

  const byPasskey = plain(await inPage(async () => window.auth.signIn.passkey()));
  check("signIn.passkey signs in with the discoverable passkey", byPasskey.data?.user?.email === email
    && typeof byPasskey.data?.session?.token === "string", byPasskey.error);
  const session = await inPage(async () => (await window.auth.getSession()).data);
  check("get-session shows the user", session?.user?.email === email, session);
  const counted = plain(await inPage(async () => window.auth.passkey.listUserPasskeys()));
  check("the signature counter moved on", counted.data?.[0]?.counter > added.data?.counter, counted.data);

  await inPage(async () => window.auth.signOut());
  const autofill = await inPage(async () => {
    const pending = window.auth.signIn.passkey({ autoFill: true }).then((result) => ({ data: result.data, error: result.error }));
    const timeout = new Promise((resolve) => setTimeout(() => resolve({ timedOut: true }), 10000));
    return Promise.race([pending, timeout]);
  });
  check("autofill (conditional UI) signs in with the passkey", autofill.data?.user?.email === email, autofill);

  const forged = await inPage(async (base) => {
    await fetch(`${base}/passkey/generate-authenticate-options`, { credentials: "include" });
    const response = await fetch(`${base}/passkey/verify-authentication`, { method: "POST", credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response: { id: "AAAA", rawId: "AAAA", type: "public-key",
        response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "AAAA" }, clientExtensionResults: {} } }) });
    return { status: response.status, body: await response.json() };
  }, authBase);
  check("a forged assertion: a 4xx with a code, no session", forged.status === 401
    && forged.body.code === "PASSKEY_NOT_FOUND", forged);
  const noChallenge = await inPage(async (base) => {
    const response = await fetch(`${base}/passkey/verify-authentication`, { method: "POST", credentials: "omit",
      headers: { "content-type": "application/json" }, body: JSON.stringify({ response: { id: "AAAA" } }) });
    return { status: response.status, body: await response.json() };
  }, authBase);
  check("no challenge cookie: 400 CHALLENGE_NOT_FOUND", noChallenge.status === 400
    && noChallenge.body.code === "CHALLENGE_NOT_FOUND", noChallenge);

  const renamed = plain(await inPage(async (id) => window.auth.passkey.updatePasskey({ id, name: "Work laptop" }),
    added.data?.id));
  check("update-passkey renames it", renamed.data?.passkey?.name === "Work laptop", renamed);
  const deleted = plain(await inPage(async (id) => window.auth.passkey.deletePasskey({ id }), added.data?.id));
  check("delete-passkey answers status true", deleted.data?.status === true, deleted);
  await inPage(async () => window.auth.signOut());
  const afterDelete = plain(await inPage(async () => window.auth.signIn.passkey()));
  check("a deleted passkey no longer signs in: 401 PASSKEY_NOT_FOUND", afterDelete.error?.status === 401
    && afterDelete.error?.code === "PASSKEY_NOT_FOUND", afterDelete);
} finally {
  await browser.close();
  server.close();
}
finish();
