// The service we replace, for comparison: better-auth 1.7 with its jwt plugin on Node's http server,
// in-memory storage, email and password without verification. Benchmark baseline only.
// Usage: node better-auth-server.mjs <port>
import { createServer } from "node:http";
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { toNodeHandler } from "better-auth/node";
import { jwt } from "better-auth/plugins";

const port = Number(process.argv[2] ?? 3102);
const auth = betterAuth({
  baseURL: `http://localhost:${port}`,
  secret: "bench-secret-0123456789-abcdefghijklmnop",
  database: memoryAdapter({ user: [], session: [], account: [], verification: [], jwks: [] }),
  emailAndPassword: { enabled: true },
  plugins: [jwt()],
  rateLimit: { enabled: false },
});
createServer(toNodeHandler(auth)).listen(port, () => console.log(`better-auth listening on ${port}`));
