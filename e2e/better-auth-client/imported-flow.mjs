// After a better-auth database was imported: better-auth's own client, unchanged, against the Java
// service, with what people held before the switch (better-auth-fixture.mjs's output).
// Usage: node imported-flow.mjs <auth base URL> <frontend origin> <fixture JSON file>
import { readFileSync } from "node:fs";
import { createAuthClient } from "better-auth/client";
import { twoFactorClient } from "better-auth/client/plugins";
import { generate } from "otplib";
import { browser, checks } from "./browser.mjs";

const [authBase, frontend, fixtureFile] = process.argv.slice(2);
const fixture = JSON.parse(readFileSync(fixtureFile, "utf8"));
const { check, finish } = checks();

const clientWith = (fetchImpl, extra = {}) => createAuthClient({ baseURL: authBase,
  fetchOptions: { customFetchImpl: fetchImpl, ...extra }, plugins: [twoFactorClient()] });

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
    check(`${person.email}: with a second factor, the password asks for the code`,
      signedIn.data?.twoFactorRedirect === true && signedIn.data?.token === undefined, signedIn.data ?? signedIn.error);
    // the authenticator app enrolled at better-auth: the secret's UTF-8 bytes are its key
    const code = await generate({ secret: new TextEncoder().encode(person.totpSecret) });
    const verified = await client.twoFactor.verifyTotp({ code });
    check(`${person.email}: the authenticator app from before the switch completes the sign-in`,
      verified.data?.user.id === person.id && verified.data?.user.twoFactorEnabled === true, verified.error);

    const phone = clientWith(browser(frontend));
    await phone.signIn.email({ email: person.email, password: person.password });
    const byBackup = await phone.twoFactor.verifyBackupCode({ code: person.backupCodes[0] });
    check(`${person.email}: a backup code from before the switch signs in`, byBackup.data?.user.id === person.id,
      byBackup.error);
    const tablet = clientWith(browser(frontend));
    await tablet.signIn.email({ email: person.email, password: person.password });
    const again = await tablet.twoFactor.verifyBackupCode({ code: person.backupCodes[0] });
    check(`${person.email}: that backup code is spent`, again.error?.code === "INVALID_BACKUP_CODE", again.error);
  } else {
    check(`${person.email}: the password from before the switch signs in`,
      signedIn.error === null && signedIn.data?.user.id === person.id, signedIn.error);
    const wrong = await clientWith(browser(frontend)).signIn.email({ email: person.email, password: `${person.password}!` });
    check(`${person.email}: a wrong password is refused as before`,
      wrong.error?.status === 401 && wrong.error?.code === "INVALID_EMAIL_OR_PASSWORD", wrong.error);
  }
}

finish();
