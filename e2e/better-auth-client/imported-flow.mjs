// After a better-auth database was imported: better-auth's own client, unchanged, against the Java
// service, with what people held before the switch (better-auth-fixture.mjs's output).
// Usage: node imported-flow.mjs <auth base URL> <frontend origin> <fixture JSON file>
import { readFileSync } from "node:fs";
import { createAuthClient } from "better-auth/client";
import { browser, checks } from "./browser.mjs";

const [authBase, frontend, fixtureFile] = process.argv.slice(2);
const fixture = JSON.parse(readFileSync(fixtureFile, "utf8"));
const { check, finish } = checks();

const clientWith = (fetchImpl, extra = {}) =>
  createAuthClient({ baseURL: authBase, fetchOptions: { customFetchImpl: fetchImpl, ...extra } });

for (const person of fixture.people) {
  for (const session of person.sessions) {
    const cookieClient = clientWith(browser(frontend, { "better-auth.session_token": session.cookie }));
    const viaCookie = await cookieClient.getSession();
    check(`${person.email}: the cookie better-auth set returns the same user and session`,
      viaCookie.data?.user.id === person.id && viaCookie.data?.session.id === session.id
        && viaCookie.data?.user.email === person.email && viaCookie.data?.user.name === person.name, viaCookie);

    const bearerClient = clientWith(browser(frontend), { auth: { type: "Bearer", token: session.bearer } });
    const viaBearer = await bearerClient.getSession();
    check(`${person.email}: the bearer token better-auth gave returns the same session`,
      viaBearer.data?.session.id === session.id, viaBearer);
  }
}

for (const person of fixture.people) {
  const client = clientWith(browser(frontend));
  const signedIn = await client.signIn.email({ email: person.email, password: person.password });
  if (person.totpSecret) {
    check(`${person.email}: with a second factor, a password alone is refused with a code`,
      signedIn.error?.status === 403 && signedIn.error?.code === "TWO_FACTOR_NOT_SUPPORTED"
        && signedIn.data === null, signedIn.error);
  } else {
    check(`${person.email}: the password from before the switch signs in`,
      signedIn.error === null && signedIn.data?.user.id === person.id, signedIn.error);
    const wrong = await clientWith(browser(frontend)).signIn.email({ email: person.email, password: `${person.password}!` });
    check(`${person.email}: a wrong password is refused as before`,
      wrong.error?.status === 401 && wrong.error?.code === "INVALID_EMAIL_OR_PASSWORD", wrong.error);
  }
}

finish();
