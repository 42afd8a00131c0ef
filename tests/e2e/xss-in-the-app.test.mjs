// Hostile content in the app (issue 15, item 6, the app's half): every string of
// tests/fixtures/xss/payloads.txt put where the app shows text (headlines, standfirsts, bodies,
// tags, notes, contributors' names, bios and affiliations), a few of them typed into the editor's
// fields, and the whole corpus pasted into a body as HTML and as text (a paste event, as the
// clipboard gives it). A recorder is installed in
// the page first: alert, confirm, prompt and print counted as executions, every
// Content-Security-Policy violation the webview reports, and, on each screen, every element the
// page holds that could run code (a handler attribute, a code-running URL, a script, frame or
// object that is not the app's own). All must stay at 0 while the Desk, the editor, the
// contributors, search and the calendar show the hostile text.
//
// Runs on a desk file of its own (the app's --db), after the working day (files run in name
// order), through scripts/e2e.sh.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Keys, Session, until } from "./webdriver.mjs";

const driverUrl = process.env.TAURI_DRIVER_URL ?? "http://127.0.0.1:4444";
const application = resolve(process.env.COPYDESK_APP ?? "target/debug/copydesk-app");
const output = process.env.E2E_OUTPUT ?? resolve("tests/e2e/output");

const PAYLOADS = readFileSync(resolve("tests/fixtures/xss/payloads.txt"), "utf8")
  .split("\n")
  .filter((line) => line !== "" && !line.startsWith("#"))
  .map((line) => line.replaceAll("\\n", "\n"));
const oneLine = (text) => text.split(/\s+/).filter(Boolean).join(" ");
const CHIEF = "Chief Editor";

/** @type {Session} */
let app;
let dir;

/** The recorder: installed once, on the sign-in screen, before any hostile text is shown. */
const RECORDER = `
  window.__hostile = { executions: [], violations: [] };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => { window.__hostile.executions.push(name + "(" + args.join(",") + ")"); };
  }
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__hostile.violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || ""));
  });
  return true;`;

/** What on the page could run code, and what the recorder saw. */
async function findings(screen) {
  return app.execute(
    `const runs = /^\\s*(javascript|vbscript|data):/i;
     const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcdoc"];
     const own = (el) => el.tagName === "SCRIPT" && el.src !== "" && new URL(el.src, location.href).origin === location.origin;
     const risky = [];
     for (const el of document.querySelectorAll("*")) {
       if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "FRAME", "BASE", "APPLET"].includes(el.tagName) && !own(el)) {
         risky.push(el.tagName.toLowerCase() + ": " + el.outerHTML.slice(0, 120));
       }
       for (const a of el.attributes) {
         if (a.name.startsWith("on") || (urlAttributes.includes(a.name) && runs.test(a.value))) {
           risky.push(el.tagName.toLowerCase() + " " + a.name + "=" + a.value.slice(0, 80));
         }
       }
     }
     const seen = window.__hostile ?? { executions: ["the recorder was lost (the page reloaded)"], violations: [] };
     return { screen: arguments[0], risky, executions: seen.executions, violations: seen.violations };`,
    [screen],
  );
}

async function assertClean(screen) {
  await app.painted();
  const found = await findings(screen);
  assert.deepEqual(
    { risky: found.risky, executions: found.executions, violations: found.violations },
    { risky: [], executions: [], violations: [] },
    `on ${screen}`,
  );
}

describe("hostile text shown, typed and pasted in the app runs nothing", () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-xss-"));
    app = await Session.start(driverUrl, application, ["--db", join(dir, "desk.db")]);
  }, { timeout: 120000 });

  after(async () => {
    await app?.stop().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the hostile desk is filled, the recorder installed, and the Desk shows it", { timeout: 600000 }, async () => {
    await app.waitFor("#desk-name, .desk-name");
    await app.invokeOk("init_desk", {
      desk: { name: "The Hostile Post", timezone: "Europe/Paris", chief_name: CHIEF, chief_passphrase: null },
    });
    for (const [i, payload] of PAYLOADS.entries()) {
      const name = `${oneLine(payload)} ${i}`;
      await app.invokeOk("add_contributor", {
        input: {
          contributor: {
            display_name: name,
            sort_name: null,
            email: null,
            affiliation: payload,
            kind: "guest",
            bio: `A writer. ${payload}`,
            links: [],
            private_notes: payload,
          },
        },
      });
      const article = await app.invokeOk("create_article", {
        input: {
          article: {
            headline: `Piece ${i} ${oneLine(payload)}`.slice(0, 100),
            standfirst: `A standfirst. ${payload}`,
            body: `The first paragraph of the piece.\n\n${payload}\n\nThe last paragraph of the piece.`,
            section: "Opinion",
            tags: [oneLine(payload).slice(0, 60)],
            byline: [{ contributor: name, printed_bio: null }],
          },
        },
      });
      await app.invokeOk("add_note", { input: { article_id: article.id, body: payload, reply_to: null, anchor: null } });
      await app.invokeOk("move_article", { input: { id: article.id, action: "submit" } });
    }
    // Signed out and back in through the sign-in screen: the page is not reloaded, so the
    // recorder sees everything shown from here on.
    await app.invokeOk("sign_out");
    await app.execute("location.reload(); return true;");
    await app.waitFor("button.person");
    assert.equal(await app.execute(RECORDER), true);
    await app.clickText("button.person", CHIEF);
    await app.waitFor(".queue-list [role=option]");
    await shows(`Piece ${PAYLOADS.length - 1} ${oneLine(PAYLOADS[PAYLOADS.length - 1])}`.slice(0, 60));
    await app.screenshot(join(output, "xss-desk.png"));
    await assertClean("the Desk");
  });

  it("ten hostile pieces opened in the editor run nothing", { timeout: 600000 }, async () => {
    // The queue's first page holds ten.
    for (let k = 0; k < 10; k++) {
      await openDraft(k);
      await assertClean(`the editor on the Submitted queue's piece ${k + 1}`);
    }
    await app.screenshot(join(output, "xss-editor.png"));
  });

  it("hostile text typed into the headline and pasted into the body runs nothing", { timeout: 600000 }, async () => {
    await openDraft(0);
    const field = await app.waitFor("#headline");
    await app.clear(field);
    await app.type(field, PAYLOADS[17].slice(0, 90));
    const body = await app.waitFor(".ProseMirror");
    await app.click(body);
    await app.type(body, Keys.END);
    await app.type(body, ` ${PAYLOADS[30]} ${PAYLOADS[47]}`);
    const pasted = await app.execute(
      `const [html, text] = arguments;
       const data = new DataTransfer();
       data.setData("text/html", html);
       data.setData("text/plain", text);
       const editor = document.querySelector(".ProseMirror");
       const before = editor.textContent.length;
       editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
       return editor.textContent.length - before;`,
      [PAYLOADS.join("<br>\n"), PAYLOADS.join("\n")],
    );
    assert.ok(pasted > 0, "the paste reached the editor");
    await until(async () => (await app.texts(".save-state")).some((t) => t.includes("Saved")) || undefined, "the pasted text to be saved");
    await app.screenshot(join(output, "xss-pasted.png"));
    await assertClean("the editor after typing and pasting");
  });

  it("the contributors, search and the calendar show the hostile names and run nothing", { timeout: 600000 }, async () => {
    await app.goTo("Contributors");
    const names = PAYLOADS.map((payload, i) => `${oneLine(payload)} ${i}`);
    await until(
      () => app.execute("return arguments[0].some((n) => document.body.innerText.includes(n)) || null;", [names]),
      "the contributors' hostile names to show",
    );
    await assertClean("the contributors");
    await app.clickOn(".search-button");
    const input = await app.waitFor("#search-input");
    await app.type(input, "script alert");
    await until(async () => (await app.find("#search-results [role=option]")).length > 0 || undefined, "search results");
    await assertClean("search results");
    await app.type(input, Keys.ESCAPE);
    await app.goTo("Calendar");
    await assertClean("the calendar");
  });
});

/** Waits until the page's text holds `text`: the hostile strings are shown, as text. */
function shows(text) {
  return until(
    () => app.execute("return document.body.innerText.includes(arguments[0]) || null;", [text]),
    `the page to show ${JSON.stringify(text)}`,
  );
}

/** Opens the `k`th piece of the Desk's Submitted queue (a click highlights it, Enter opens it). */
async function openDraft(k) {
  await app.goTo("Desk");
  await until(async () => {
    for (const section of await app.find(".queue")) {
      const [title] = await app.findIn(section, "h2");
      if (title === undefined || !(await app.text(title)).startsWith("Submitted")) continue;
      const [list] = await app.findIn(section, ".queue-list");
      const options = await app.findIn(section, ".queue-list [role=option]");
      if (options.length <= k) return undefined;
      await app.click(options[k]);
      await app.type(list, Keys.ENTER);
      return true;
    }
    return undefined;
  }, `the Submitted queue's piece ${k + 1} to open`);
  await app.waitFor("#headline");
  await app.waitFor(".workflow .moves > li, .workflow > p.muted, .workflow > p.error");
  await shows("The first paragraph of the piece.");
}
