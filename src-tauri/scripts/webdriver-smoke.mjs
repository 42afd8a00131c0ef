// Drives the real app through tauri-driver with plain W3C WebDriver calls (Node 20, no packages):
// waits for the sign-in screen, signs in as the first person listed, and waits for the Submitted
// queue. Start Xvfb and tauri-driver first (see src-tauri/README.md); exits non-zero on failure.
//
//   node src-tauri/scripts/webdriver-smoke.mjs [path/to/copydesk-app]

import { resolve } from "node:path";

const DRIVER = process.env.TAURI_DRIVER_URL ?? "http://127.0.0.1:4444";
const application = resolve(process.argv[2] ?? "src-tauri/target/debug/copydesk-app");
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function wd(method, path, body) {
  const response = await fetch(`${DRIVER}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

async function waitFor(session, css, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await wd("POST", `/session/${session}/elements`, { using: "css selector", value: css });
    if (found.length > 0) return found.map((e) => e[ELEMENT]);
    if (Date.now() > end) throw new Error(`nothing matched ${css} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const text = (session, id) => wd("GET", `/session/${session}/element/${id}/text`);

// No browserName: WebKitWebDriver refuses a session that names one it does not know.
const { sessionId } = await wd("POST", "/session", {
  capabilities: { alwaysMatch: { "tauri:options": { application } } },
});
try {
  const [desk] = await waitFor(sessionId, ".desk-name");
  console.log("desk:", await text(sessionId, desk));
  const people = await waitFor(sessionId, "button.person");
  console.log("people:", people.length);
  await wd("POST", `/session/${sessionId}/element/${people[0]}/click`, {});
  const [heading] = await waitFor(sessionId, ".queue h2");
  console.log("queue:", (await text(sessionId, heading)).replace(/\s+/g, " "));
  const items = await wd("POST", `/session/${sessionId}/elements`, { using: "css selector", value: ".queue-list [role=option]" });
  console.log("submitted items shown:", items.length);
  const [user] = await waitFor(sessionId, ".user-name");
  console.log("signed in as:", await text(sessionId, user));
  // A command called straight from the page, as the e2e tests will to show the core refusing one.
  const direct = await wd("POST", `/session/${sessionId}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke("desk_status").then((s) => done(s.user.name), (e) => done(e));`,
    args: [],
  });
  console.log("desk_status invoked from the page says signed in as:", direct);
  console.log("webdriver smoke: 1 passed, 0 failed");
} finally {
  await wd("DELETE", `/session/${sessionId}`);
}
