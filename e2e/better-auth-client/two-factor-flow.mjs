// Drives the Java auth service's second factor with better-auth's own client and its twoFactorClient
// plugin, as a frontend on FRONTEND would; an independent authenticator (otplib) computes the codes.
// Usage: node two-factor-flow.mjs <auth base URL> <mailbox URL> <frontend origin>
import { createAuthClient } from "better-auth/client";
import { TWO_FACTOR_ERROR_CODES, twoFactorClient } from "better-auth/client/plugins";
import { generate } from "otplib";
import { browser, checks } from "./browser.mjs";

const [authBase, mailbox, frontend] = process.argv.slice(2);
const { check, finish } = checks();
let mailsTo = 0;

/** The next mail to the address: the link (verification) or the sign-in code it carries. */
async function nextMail(email, kind) {
  mailsTo++;
  const response = await fetch(`${mailbox.replace(/\/link$/, `/${kind}`)}?to=${encodeURIComponent(email)}&n=${mailsTo}`);
  if (!response.ok) throw new Error(`no mail ${mailsTo} to ${email}: ${await response.text()}`);
  return response.text();
}

function clientIn(browserFetch, redirects = []) {
  return createAuthClient({
    baseURL: authBase,
    fetchOptions: { customFetchImpl: browserFetch },
    plugins: [twoFactorClient({ onTwoFactorRedirect: (context) => redirects.push(context) })],
  });
}

/** What an authenticator app shows now, or a step later (within the server's drift window). */
function codeOf(totpURI, stepsAhead = 0) {
  const secret = new URL(totpURI).searchParams.get("secret");
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

const laptopFetch = browser(frontend);
const redirects = [];
const laptop = clientIn(laptopFetch, redirects);
const email = `second-factor-${Date.now()}@example.com`;
const password = "correct horse battery staple";

await laptop.signUp.email({ name: "Grace", email, password });
await laptopFetch(await nextMail(email, "link"));
const signedUp = await laptop.getSession();
check("signed in through the mailed link, no second factor yet", signedUp.data?.user.twoFactorEnabled === false,
  signedUp.data?.user);

const wrongPassword = await laptop.twoFactor.enable({ password: "not my password" });
check("enable with a wrong password: 400 INVALID_PASSWORD", wrongPassword.error?.status === 400
  && wrongPassword.error?.code === "INVALID_PASSWORD", wrongPassword.error);

const enabled = await laptop.twoFactor.enable({ password, issuer: "Acme" });
const totpURI = enabled.data?.totpURI ?? "";
check("enable answers the otpauth URI and ten backup codes", totpURI.startsWith("otpauth://totp/Acme:")
  && enabled.data?.backupCodes.length === 10 && enabled.data.backupCodes.every((code) => /^\w{5}-\w{5}$/.test(code)),
  enabled.data ?? enabled.error);
const uriAgain = await laptop.twoFactor.getTotpUri({ password });
check("get-totp-uri answers the same secret", uriAgain.data?.totpURI
  && new URL(uriAgain.data.totpURI).searchParams.get("secret") === new URL(totpURI).searchParams.get("secret"),
  uriAgain.error);
const notYet = await laptop.getSession();
check("the factor is not enabled before a first code", notYet.data?.user.twoFactorEnabled === false);

const firstCode = await codeOf(totpURI);
const confirmed = await laptop.twoFactor.verifyTotp({ code: firstCode });
check("verify-totp with the app's code enables the factor", confirmed.data?.user.twoFactorEnabled === true
  && typeof confirmed.data?.token === "string", confirmed.error);
const afterEnable = await laptop.getSession();
check("the session goes on, rotated, with twoFactorEnabled", afterEnable.data?.user.twoFactorEnabled === true,
  afterEnable.error);

await laptop.signOut();
const challenged = await laptop.signIn.email({ email, password, rememberMe: false });
check("sign-in answers twoFactorRedirect with the methods, no token", challenged.data?.twoFactorRedirect === true
  && JSON.stringify(challenged.data?.twoFactorMethods) === '["totp","otp"]' && challenged.data?.token === undefined,
  challenged.data ?? challenged.error);
check("twoFactorClient calls onTwoFactorRedirect", redirects.length === 1
  && redirects[0].twoFactorMethods?.[0] === "totp", redirects);
check("the browser holds the two_factor cookie and no session", laptopFetch.jar.has("better-auth.two_factor")
  && !laptopFetch.jar.has("better-auth.session_token"), [...laptopFetch.jar.keys()]);
const pending = await laptop.getSession();
check("get-session is null while the code is pending", pending.data === null, pending);

const malformed = await laptop.twoFactor.verifyTotp({ code: "12ab56" });
check("a malformed code: 401 INVALID_CODE in better-auth's words", malformed.error?.status === 401
  && malformed.error?.code === "INVALID_CODE" && malformed.error?.message === TWO_FACTOR_ERROR_CODES.INVALID_CODE.message,
  malformed.error);
const wrong = await laptop.twoFactor.verifyTotp({ code: "000000" });
check("a wrong code: 401 INVALID_CODE", wrong.error?.status === 401 && wrong.error?.code === "INVALID_CODE",
  wrong.error);
const replayed = await laptop.twoFactor.verifyTotp({ code: firstCode });
check("the code already accepted is refused within its window", replayed.error?.code === "INVALID_CODE",
  replayed.error ?? replayed.data);

const challengeCookie = laptopFetch.jar.get("better-auth.two_factor");
const completed = await laptop.twoFactor.verifyTotp({ code: await codeOf(totpURI, 1), trustDevice: true });
check("verify-totp completes the sign-in", completed.data?.user.email === email
  && typeof completed.data?.token === "string", completed.error);
check("the browser now holds the session and the trust_device cookie", laptopFetch.jar.has("better-auth.session_token")
  && laptopFetch.jar.has("better-auth.trust_device") && !laptopFetch.jar.has("better-auth.two_factor"),
  [...laptopFetch.jar.keys()]);
const signedIn = await laptop.getSession();
check("get-session shows the user", signedIn.data?.user.email === email, signedIn.error);

const thiefFetch = browser(frontend, { "better-auth.two_factor": challengeCookie });
const replay = await clientIn(thiefFetch).twoFactor.verifyTotp({ code: await codeOf(totpURI, 1) });
check("the challenge cookie replayed after success: 401 INVALID_TWO_FACTOR_COOKIE", replay.error?.status === 401
  && replay.error?.code === "INVALID_TWO_FACTOR_COOKIE", replay.error ?? replay.data);

const trustBefore = laptopFetch.jar.get("better-auth.trust_device");
await laptop.signOut();
const trusted = await laptop.signIn.email({ email, password });
check("a trusted browser signs in without a code", trusted.data?.twoFactorRedirect === undefined
  && typeof trusted.data?.token === "string", trusted.data ?? trusted.error);
check("its trust_device cookie is rotated", laptopFetch.jar.get("better-auth.trust_device") !== trustBefore);

const phoneFetch = browser(frontend);
const phone = clientIn(phoneFetch);
await phone.signIn.email({ email, password });
const backupCode = enabled.data?.backupCodes[0];
const byBackup = await phone.twoFactor.verifyBackupCode({ code: backupCode });
check("a backup code completes a sign-in", byBackup.data?.user.email === email, byBackup.error);
const tabletFetch = browser(frontend);
const tablet = clientIn(tabletFetch);
await tablet.signIn.email({ email, password });
const backupAgain = await tablet.twoFactor.verifyBackupCode({ code: backupCode });
check("the same backup code a second time: 401 INVALID_BACKUP_CODE", backupAgain.error?.status === 401
  && backupAgain.error?.code === "INVALID_BACKUP_CODE", backupAgain.error ?? backupAgain.data);
const noCookie = await clientIn(browser(frontend)).twoFactor.verifyTotp({ code: "123456" });
check("a code without a challenge or session: 401 INVALID_TWO_FACTOR_COOKIE",
  noCookie.error?.code === "INVALID_TWO_FACTOR_COOKIE", noCookie.error);

const regenerated = await laptop.twoFactor.generateBackupCodes({ password });
check("generate-backup-codes answers ten new codes", regenerated.data?.status === true
  && regenerated.data.backupCodes.length === 10 && !regenerated.data.backupCodes.includes(enabled.data?.backupCodes[1]),
  regenerated.error);
const oldCode = await tablet.twoFactor.verifyBackupCode({ code: enabled.data?.backupCodes[1] });
check("an old backup code stops working", oldCode.error?.code === "INVALID_BACKUP_CODE", oldCode.error ?? oldCode.data);
const newCode = await tablet.twoFactor.verifyBackupCode({ code: regenerated.data?.backupCodes[0] });
check("a new one works", newCode.data?.user.email === email, newCode.error);

const mailFetch = browser(frontend);
const byMail = clientIn(mailFetch);
await byMail.signIn.email({ email, password });
const sent = await byMail.twoFactor.sendOtp();
check("send-otp with the challenge answers status true", sent.data?.status === true, sent.error);
const mailedCode = await nextMail(email, "code");
const wrongMailed = await byMail.twoFactor.verifyOtp({ code: mailedCode === "000000" ? "000001" : "000000" });
check("a wrong mailed code: 401 INVALID_CODE", wrongMailed.error?.code === "INVALID_CODE", wrongMailed.error);
const viaMail = await byMail.twoFactor.verifyOtp({ code: mailedCode });
check("the code from the real SMTP server completes the sign-in", viaMail.data?.user.email === email, viaMail.error);
const anotherBrowser = clientIn(browser(frontend));
await anotherBrowser.signIn.email({ email, password });
const mailedAgain = await anotherBrowser.twoFactor.verifyOtp({ code: mailedCode });
check("that code does not complete another sign-in", mailedAgain.error?.code === "INVALID_CODE",
  mailedAgain.error ?? mailedAgain.data);

const disabled = await laptop.twoFactor.disable({ password });
check("disable answers status true", disabled.data?.status === true, disabled.error);
const afterDisable = await laptop.getSession();
check("the session goes on without the factor", afterDisable.data?.user.twoFactorEnabled === false, afterDisable.error);
check("the trust_device cookie is gone", !laptopFetch.jar.has("better-auth.trust_device"));
await laptop.signOut();
const plain = await laptop.signIn.email({ email, password });
check("sign-in needs no code once disabled", typeof plain.data?.token === "string"
  && plain.data?.user.twoFactorEnabled === false, plain.data ?? plain.error);

const otpEnabled = await laptop.twoFactor.enable({ password, method: "otp" });
check("enable with method otp answers method otp", otpEnabled.data?.method === "otp", otpEnabled.error);
await laptop.signOut();
const otpOnly = await laptop.signIn.email({ email, password });
check("with codes by mail only, sign-in offers otp", JSON.stringify(otpOnly.data?.twoFactorMethods) === '["otp"]',
  otpOnly.data ?? otpOnly.error);
await laptop.twoFactor.sendOtp();
const otpSignIn = await laptop.twoFactor.verifyOtp({ code: await nextMail(email, "code") });
check("a mailed code completes it", otpSignIn.data?.user.twoFactorEnabled === true, otpSignIn.error);

finish();
