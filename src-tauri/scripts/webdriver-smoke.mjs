// Drives the real app through tauri-driver with plain W3C WebDriver calls (Node 20, no packages),
// on a fresh sample desk (`copydesk --db FILE demo`, with COPYDESK_DB=FILE given to tauri-driver):
// signs in as the chief, opens the first submitted article with Enter, claims it with the
// workflow button, then signs in as a contributor and shows the core refusing `approve` invoked
// straight from the page. Start Xvfb and tauri-driver first (see src-tauri/README.md); exits
// non-zero on failure.
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

async function waitForText(session, css, wanted, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const id of await waitFor(session, css, timeoutMs)) {
      if ((await text(session, id)).includes(wanted)) return id;
    }
    if (Date.now() > end) throw new Error(`no ${css} says “${wanted}” within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const click = (session, id) => wd("POST", `/session/${session}/element/${id}/click`, {});
const ENTER = "\uE007";

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
  await waitFor(sessionId, ".queue h2 .count");
  const [heading] = await waitFor(sessionId, ".queue h2");
  console.log("queue:", (await text(sessionId, heading)).replace(/\s+/g, " "));
  const items = await wd("POST", `/session/${sessionId}/elements`, { using: "css selector", value: ".queue-list [role=option]" });
  console.log("articles shown across the queues:", items.length);
  const [user] = await waitFor(sessionId, ".user-name");
  console.log("signed in as:", await text(sessionId, user));
  // A command called straight from the page, as the e2e tests will to show the core refusing one.
  const invoke = (command, args) =>
    wd("POST", `/session/${sessionId}/execute/async`, {
      script: `const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(command, args).then((v) => done({ ok: v }), (e) => done({ error: e }));`,
      args: [command, args],
    });
  const status = await invoke("desk_status", {});
  console.log("desk_status invoked from the page says signed in as:", status.ok.user.name);

  // Enter on the first submitted article opens it; the workflow button claims it.
  const [list] = await waitFor(sessionId, ".queue-list");
  await wd("POST", `/session/${sessionId}/element/${list}/value`, { text: ENTER });
  const claim = await waitForText(sessionId, ".workflow button", "Claim for review");
  await click(sessionId, claim);
  await waitForText(sessionId, ".kicker .state", "IN REVIEW");
  console.log("claimed through the workflow panel: the article is in review");
  const shot = await wd("GET", `/session/${sessionId}/screenshot`);
  console.log("screenshot of the article:", Buffer.from(shot, "base64").length, "bytes of PNG");

  // As a contributor: no approve offered, and the core refuses it when invoked directly.
  await click(sessionId, await waitForText(sessionId, "button", "Sign out"));
  await click(sessionId, await waitForText(sessionId, "button.person", "Contributor"));
  await waitFor(sessionId, ".queue h2");
  const own = await invoke("list_articles", {
    query: { state: null, section: null, contributor: null },
    after: null,
    limit: 1,
  });
  const target = own.ok.items[0].id;
  const moves = await invoke("article_moves", { id: target, note: null });
  if (moves.ok.some((m) => m.action === "approve")) throw new Error("a contributor was offered approve");
  const refused = await invoke("move_article", { id: target, action: "approve", note: null });
  if (!refused.error) throw new Error("the core let a contributor approve");
  console.log(`approve from the page as a contributor: refused (${refused.error.code}: ${refused.error.message})`);
  console.log("webdriver smoke: 1 passed, 0 failed");
} finally {
  await wd("DELETE", `/session/${sessionId}`);
}
