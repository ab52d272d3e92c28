// The browser part of an authorization: a user who is signed in (the cookie jar of `browser`) opens
// the authorization URL and accepts on the consent page, through the service's own consent endpoint,
// as a frontend built on better-auth's client would. Answers the URL the client is sent back to.
export async function authorizeInBrowser(browserFetch, authorizationUrl, authBase) {
  let location = String(authorizationUrl);
  for (let hop = 0; hop < 5; hop++) {
    const answer = await browserFetch(location, { headers: { accept: "text/html" } });
    if (answer.status !== 302) {
      throw new Error(`${location} answered ${answer.status}: ${await answer.text()}`);
    }
    location = answer.headers.get("location");
    const page = new URL(location);
    if (page.pathname.endsWith("/consent") && page.searchParams.has("sig")) {
      const accepted = await browserFetch(`${authBase}/oauth2/consent`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ accept: true, oauth_query: page.search.slice(1) }),
      });
      const body = await accepted.json();
      if (!body.redirect) throw new Error(`consent answered ${accepted.status}: ${JSON.stringify(body)}`);
      return new URL(body.url);
    }
    if (!page.href.startsWith(authBase)) return page;
  }
  throw new Error("too many redirects");
}

/**
 * An MCP client's OAuth provider for the SDK, in memory; the authorization happens in the user's
 * browser. With a `clientMetadataUrl`, the SDK uses it as its client id (a client ID metadata
 * document) where the server supports that, instead of registering.
 */
export class BrowserProvider {
  redirectUrl = "http://127.0.0.1:53682/callback";
  clientMetadata = { client_name: "MCP SDK e2e client", redirect_uris: [this.redirectUrl],
    grant_types: ["authorization_code", "refresh_token"], response_types: ["code"],
    token_endpoint_auth_method: "none" };
  saved = {};
  constructor(browserFetch, authBase, clientMetadataUrl) {
    this.browserFetch = browserFetch;
    this.authBase = authBase;
    this.clientMetadataUrl = clientMetadataUrl;
  }
  state() { return "state-" + Math.random().toString(36).slice(2); }
  clientInformation() { return this.saved.client; }
  saveClientInformation(client) { this.saved.client = client; }
  tokens() { return this.saved.tokens; }
  saveTokens(tokens) { this.saved.tokens = tokens; }
  saveCodeVerifier(verifier) { this.saved.verifier = verifier; }
  codeVerifier() { return this.saved.verifier; }
  async redirectToAuthorization(url) {
    this.authorizationUrl = url;
    this.callback = await authorizeInBrowser(this.browserFetch, url, this.authBase);
  }
}
