// Benchmark helper (bench/second-factor.sh): signs one user in with a passkey again and again from
// Chromium's virtual authenticator, and prints the time of each whole sign-in as the page sees it
// (options, the authenticator, verification), in milliseconds, one per line.
// Usage: node passkey-bench.mjs <auth base URL> <page port> <email> <password> <rounds>
import { openWithAuthenticator, servePage } from "./chromium.mjs";

const [authBase, pagePort, email, password, rounds] = process.argv.slice(2);
const server = await servePage(pagePort);
const { browser, page } = await openWithAuthenticator(`http://localhost:${pagePort}/`);
try {
  const times = await page.evaluate(async (base, email, password, rounds) => {
    window.auth = window.createAuth(base);
    await window.auth.signIn.email({ email, password });
    const added = await window.auth.passkey.addPasskey({ name: "bench" });
    if (added.error) throw new Error(JSON.stringify(added.error));
    const times = [];
    for (let i = 0; i < rounds; i++) {
      await window.auth.signOut();
      const started = performance.now();
      const signedIn = await window.auth.signIn.passkey();
      times.push(performance.now() - started);
      if (signedIn.error) throw new Error(JSON.stringify(signedIn.error));
    }
    return times;
  }, authBase, email, password, Number(rounds));
  times.forEach((time) => console.log(time.toFixed(1)));
} finally {
  await browser.close();
  server.close();
}
