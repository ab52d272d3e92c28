// A real better-auth 1.7 deployment on PostgreSQL, as a team runs it before switching to the Java
// service: its migrator creates the tables, then people sign up, verify, sign in (sessions, bearer
// tokens, JWTs from its jwt plugin) and one enables an authenticator app (twoFactor plugin).
// Usage: node better-auth-fixture.mjs <postgres URL> <secret>
// Prints one JSON object: what each person holds (password, signed cookie, bearer token, ids), a
// JWT, and the issuer it was signed for. The server stops when it is done; the database stays.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { betterAuth } from "better-auth";
import { createAuthClient } from "better-auth/client";
import { twoFactorClient } from "better-auth/client/plugins";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import { bearer, jwt, twoFactor } from "better-auth/plugins";
import pg from "pg";
import { browser } from "./browser.mjs";

const [databaseUrl, secret] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl });
const server = createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseURL = `http://localhost:${server.address().port}`;
const links = new Map();
const auth = betterAuth({
  baseURL,
  secret,
  database: pool,
  emailAndPassword: { enabled: true, requireEmailVerification: true },
  emailVerification: { sendVerificationEmail: async ({ user, url }) => links.set(user.email, url) },
  plugins: [jwt(), bearer(), twoFactor({ issuer: "Momentum" })],
  rateLimit: { enabled: false },
});
await (await getMigrations(auth.options)).runMigrations();
server.on("request", toNodeHandler(auth));

function clientOf(fetcher) {
  return createAuthClient({ baseURL: `${baseURL}/api/auth`, plugins: [twoFactorClient()],
    fetchOptions: { customFetchImpl: fetcher } });
}

function must(result, what) {
  if (result.error) throw new Error(`${what}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** RFC 6238 as better-auth's createOTP computes it: HMAC-SHA1 keyed with the secret's bytes. */
function totp(secretBytes, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)));
  const mac = createHmac("sha1", secretBytes).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e6).padStart(6, "0");
}

function base32Decode(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  return Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
}

/** Answers the new user's id. */
async function signUpAndVerify(name, email, password) {
  const fetcher = browser(baseURL);
  const signedUp = must(await clientOf(fetcher).signUp.email({ name, email, password }), `sign-up ${email}`);
  const verified = await fetcher(links.get(email));
  if (verified.status >= 400) throw new Error(`verification of ${email}: ${verified.status}`);
  return signedUp.user.id;
}

async function signIn(email, password) {
  const fetcher = browser(baseURL);
  const data = must(await clientOf(fetcher).signIn.email({ email, password }), `sign-in ${email}`);
  return { fetcher, data, bearer: fetcher.last.headers.get("set-auth-token") };
}

const people = [];
for (const [name, email, password, sessions] of [
  ["Ada Lovelace", "ada@example.com", "correct horse battery staple", 2],
  ["Grace Hopper", "grace@example.com", "ﬁrst compiler 1952", 1],
  ["Edsger Dijkstra", "edsger@example.com", "goto considered harmful", 0],
]) {
  const person = { name, email, password, sessions: [], id: await signUpAndVerify(name, email, password) };
  for (let i = 0; i < sessions; i++) {
    const signedIn = await signIn(email, password);
    const session = must(await clientOf(signedIn.fetcher).getSession(), "get-session");
    person.sessions.push({ cookie: signedIn.fetcher.jar.get("better-auth.session_token"), bearer: signedIn.bearer,
      id: session.session.id });
  }
  people.push(person);
}

// a JWT from the jwt plugin, as a backend got it before the switch
const ada = people[0];
const tokenAnswer = await fetch(`${baseURL}/api/auth/token`, {
  headers: { cookie: `better-auth.session_token=${ada.sessions[0].cookie}` },
});
const jwtBeforeTheSwitch = (await tokenAnswer.json()).token;

// an authenticator app: enable, then the first code makes it count
const linus = { name: "Linus Torvalds", email: "linus@example.com", password: "just for fun 1991", sessions: [] };
linus.id = await signUpAndVerify(linus.name, linus.email, linus.password);
const linusIn = await signIn(linus.email, linus.password);
const linusClient = clientOf(linusIn.fetcher);
const enabled = must(await linusClient.twoFactor.enable({ password: linus.password }), "two-factor enable");
const totpSecret = base32Decode(new URL(enabled.totpURI).searchParams.get("secret"));
must(await linusClient.twoFactor.verifyTotp({ code: totp(totpSecret) }), "verify-totp");
const afterEnabling = await signIn(linus.email, linus.password);
if (!afterEnabling.data.twoFactorRedirect) throw new Error("better-auth did not ask linus for his second factor");
linus.backupCodes = enabled.backupCodes;
linus.totpSecret = totpSecret.toString("utf8");
people.push(linus);

server.close();
await pool.end();
console.log(JSON.stringify({ issuer: baseURL, jwt: jwtBeforeTheSwitch, people }));
