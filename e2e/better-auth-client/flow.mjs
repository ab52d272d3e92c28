// Drives the Java auth service with better-auth's own client, as a frontend on FRONTEND would.
// Usage: node flow.mjs <auth base URL> <mailbox URL> <frontend origin>
// The mailbox answers GET ?to=<address>&n=<count> with the link of that address's n-th verification mail.
import { createAuthClient } from "better-auth/client";
import { browser, checks } from "./browser.mjs";

const [authBase, mailbox, frontend] = process.argv.slice(2);
const { check, finish } = checks();

async function verificationLink(email, n) {
  const response = await fetch(`${mailbox}?to=${encodeURIComponent(email)}&n=${n}`);
  if (!response.ok) throw new Error(`no verification mail for ${email}: ${response.status}`);
  return response.text();
}

const browserFetch = browser(frontend);
const client = createAuthClient({ baseURL: authBase, fetchOptions: { customFetchImpl: browserFetch } });
const email = `client-${Date.now()}@example.com`;
const password = "correct horse battery staple";

const signUp = await client.signUp.email({ name: "Ada", email, password, callbackURL: `${frontend}/welcome` });
check("sign-up answers the new, unverified user", signUp.error === null && signUp.data.token === null
  && signUp.data.user.email === email && signUp.data.user.emailVerified === false, signUp.error);
check("sign-up parses dates as Date", signUp.data?.user.createdAt instanceof Date);

const duplicate = await client.signUp.email({ name: "Eve", email, password: "another password 1" });
check("duplicate sign-up looks like a new one", duplicate.error === null && duplicate.data.user.id !== signUp.data.user.id);

const early = await client.signIn.email({ email, password });
check("sign-in before verification is refused", early.error?.status === 403 && early.error?.code === "EMAIL_NOT_VERIFIED", early.error);

const link = await verificationLink(email, 1);
const visit = await browserFetch(link);
check("the mailed link signs in and returns to the frontend", visit.status === 302
  && visit.headers.get("location") === `${frontend}/welcome`, visit.status);

const afterLink = await client.getSession();
check("get-session after the link shows the verified user", afterLink.data?.user.email === email
  && afterLink.data?.user.emailVerified === true, afterLink.error);

const signOut = await client.signOut();
check("sign-out succeeds", signOut.data?.success === true, signOut.error);
const afterSignOut = await client.getSession();
check("get-session after sign-out is null", afterSignOut.data === null && afterSignOut.error === null, afterSignOut);

let bearer = null;
const signIn = await client.signIn.email({ email, password }, {
  onSuccess: (context) => { bearer = context.response.headers.get("set-auth-token"); },
});
check("sign-in answers token and user", signIn.error === null && typeof signIn.data.token === "string"
  && signIn.data.user.email === email, signIn.error);
check("sign-in sends set-auth-token", typeof bearer === "string" && bearer.startsWith(signIn.data?.token + "."));

const session = await client.getSession();
check("get-session returns session and user", session.data?.session.userId === signIn.data?.user.id
  && session.data?.session.expiresAt instanceof Date, session.error);

const api = createAuthClient({ baseURL: authBase, fetchOptions: { auth: { type: "Bearer", token: () => bearer } } });
const byBearer = await api.getSession();
check("a bearer client sees the same session", byBearer.data?.user.email === email, byBearer.error);

const phone = createAuthClient({ baseURL: authBase, fetchOptions: { customFetchImpl: browser(frontend) } });
await phone.signIn.email({ email, password });
const listed = await client.listSessions();
const current = session.data?.session.id;
const other = listed.data?.find((entry) => entry.id !== current);
check("list-sessions shows this browser with its token and the phone", listed.data?.length === 2
  && listed.data.some((entry) => entry.id === current && entry.token === signIn.data?.token)
  && other !== undefined && other.expiresAt instanceof Date, listed.error ?? listed.data);
const phoneBefore = await phone.getSession();
check("the phone is signed in", phoneBefore.data?.user.email === email, phoneBefore.error);
const revoked = await client.revokeSession({ token: other?.token });
check("revoke-session with the listed token answers status true", revoked.data?.status === true, revoked.error);
const phoneAfter = await phone.getSession();
check("the revoked phone is signed out at once", phoneAfter.data === null, phoneAfter);

const accounts = await client.listAccounts();
check("list-accounts shows the credential account", accounts.data?.length === 1
  && accounts.data[0].providerId === "credential" && accounts.data[0].password === undefined, accounts.error);

await phone.signIn.email({ email, password });
const others = await client.revokeOtherSessions();
const phoneAgain = await phone.getSession();
const stillHere = await client.getSession();
check("revoke-other-sessions signs the phone out and keeps this browser", others.data?.status === true
  && phoneAgain.data === null && stillHere.data?.user.email === email, others.error);

const wrong = await client.signIn.email({ email, password: "wrong password 1" });
check("wrong password is INVALID_EMAIL_OR_PASSWORD", wrong.error?.status === 401
  && wrong.error?.code === "INVALID_EMAIL_OR_PASSWORD", wrong.error);
const unknown = await client.signIn.email({ email: `nobody-${Date.now()}@example.com`, password });
check("unknown email gets the same answer", unknown.error?.status === 401
  && unknown.error?.code === "INVALID_EMAIL_OR_PASSWORD", unknown.error);
const short = await client.signUp.email({ name: "x", email: `short-${Date.now()}@example.com`, password: "short" });
check("short password is PASSWORD_TOO_SHORT", short.error?.status === 400 && short.error?.code === "PASSWORD_TOO_SHORT", short.error);

const resetAsked = await client.requestPasswordReset({ email, redirectTo: `${frontend}/reset` });
check("request-password-reset answers status true", resetAsked.data?.status === true, resetAsked.error);
const opened = await browserFetch(await verificationLink(email, 2));
const resetToken = new URL(opened.headers.get("location") ?? "http://invalid/").searchParams.get("token");
check("the mailed reset link returns to the frontend with a token", opened.status === 302
  && opened.headers.get("location").startsWith(`${frontend}/reset?token=`) && resetToken !== null, opened.status);
const newPassword = "a brand new passphrase";
const reset = await client.resetPassword({ newPassword, token: resetToken });
check("reset-password answers status true", reset.data?.status === true, reset.error);
const oldPassword = await client.signIn.email({ email, password });
check("the old password no longer signs in", oldPassword.error?.code === "INVALID_EMAIL_OR_PASSWORD", oldPassword.error);
const withNew = await client.signIn.email({ email, password: newPassword });
check("the new password signs in", withNew.data?.user.email === email, withNew.error);
const reused = await client.resetPassword({ newPassword: "yet another passphrase", token: resetToken });
check("a reset link works once", reused.error?.status === 400 && reused.error?.code === "INVALID_TOKEN", reused.error);

const changed = await client.changePassword({ currentPassword: newPassword, newPassword: "changed passphrase 2",
  revokeOtherSessions: true });
check("change-password with revokeOtherSessions answers a new session token", typeof changed.data?.token === "string"
  && changed.data.user.email === email, changed.error);
const afterChange = await client.getSession();
check("the browser keeps a session after change-password", afterChange.data?.user.email === email, afterChange.error);

const renamed = await client.updateUser({ name: "Ada Lovelace" });
const renamedSession = await client.getSession();
check("update-user renames the user", renamed.data?.status === true
  && renamedSession.data?.user.name === "Ada Lovelace", renamed.error);

const mismatch = await client.sendVerificationEmail({ email: `other-${Date.now()}@example.com` });
check("verification mail for another address while signed in is EMAIL_MISMATCH",
  mismatch.error?.status === 400 && mismatch.error?.code === "EMAIL_MISMATCH", mismatch.error);

await client.signOut();
const end = await api.getSession();
check("after sign-out the bearer token is dead too", end.data === null, end);

const resend = await client.sendVerificationEmail({ email: `nobody-${Date.now()}@example.com` });
check("anonymous send-verification-email answers status true", resend.data?.status === true, resend.error);

const leaver = `leaver-${Date.now()}@example.com`;
const moved = `moved-${Date.now()}@example.com`;
await client.signUp.email({ name: "Lea", email: leaver, password });
await browserFetch(await verificationLink(leaver, 1));
const changeAsked = await client.changeEmail({ newEmail: moved, callbackURL: `${frontend}/settings` });
check("change-email answers status true", changeAsked.data?.status === true, changeAsked.error);
const beforeLink = await client.getSession();
check("the address changes only when the new one is verified", beforeLink.data?.user.email === leaver, beforeLink.data);
const changeLink = await browserFetch(await verificationLink(moved, 1));
check("the change link returns to the frontend", changeLink.status === 302
  && changeLink.headers.get("location") === `${frontend}/settings`, changeLink.status);
const movedSession = await client.getSession();
check("after the link the session's user has the new, verified address", movedSession.data?.user.email === moved
  && movedSession.data?.user.emailVerified === true, movedSession.data);

const deleted = await client.deleteUser({ password });
check("delete-user with the password answers User deleted", deleted.data?.success === true
  && deleted.data?.message === "User deleted", deleted.error);
const afterDelete = await client.getSession();
check("after delete-user there is no session", afterDelete.data === null, afterDelete.data);
const ghost = await client.signIn.email({ email: moved, password });
check("a deleted user cannot sign in", ghost.error?.code === "INVALID_EMAIL_OR_PASSWORD", ghost.error);

finish();
