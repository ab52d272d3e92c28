// What the passkey scripts share: the page that loads better-auth's client with passkeyClient, and
// Chromium, headless, with a DevTools virtual authenticator (a platform authenticator that keeps
// discoverable credentials and verifies its user).
import { createServer } from "node:http";
import { build } from "esbuild";
import puppeteer from "puppeteer-core";

const PAGE = `<!doctype html><html><body>
  <input id="username" autocomplete="username webauthn"><script src="/bundle.js"></script></body></html>`;

/** The page's two files, for a server to answer; other paths are left to the caller. */
export async function pageFiles() {
  const bundle = (await build({ entryPoints: [new URL("./page.mjs", import.meta.url).pathname], bundle: true,
    format: "iife", platform: "browser", write: false })).outputFiles[0].text;
  return (request, response) => {
    if (request.url === "/bundle.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
      return true;
    }
    if (request.url === "/" || request.url.startsWith("/?")) {
      response.writeHead(200, { "content-type": "text/html" }).end(PAGE);
      return true;
    }
    return false;
  };
}

/** Serves the page alone on this port (every interface, so that localhost resolves either way). */
export async function servePage(port) {
  const files = await pageFiles();
  const server = createServer((request, response) => files(request, response) || response.writeHead(404).end());
  await new Promise((listening) => server.listen(Number(port), listening));
  return server;
}

/** Opens the page in Chromium with a virtual authenticator; answers the page, its DevTools session and the authenticator. */
export async function openWithAuthenticator(url) {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  const page = await browser.newPage();
  await page.goto(url);
  const devtools = await page.createCDPSession();
  await devtools.send("WebAuthn.enable");
  const { authenticatorId } = await devtools.send("WebAuthn.addVirtualAuthenticator", { options: {
    protocol: "ctap2", ctap2Version: "ctap2_1", transport: "internal", hasResidentKey: true,
    hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true } });
  return { browser, page, devtools, authenticatorId };
}
