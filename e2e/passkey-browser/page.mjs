// The frontend under test: better-auth's browser client with its passkeyClient plugin, unchanged,
// bundled by esbuild into the page the test serves.
import { createAuthClient } from "better-auth/client";
import { passkeyClient } from "@better-auth/passkey/client";

window.createAuth = (baseURL) => createAuthClient({ baseURL, plugins: [passkeyClient()] });
