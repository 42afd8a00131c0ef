// The app on a team desk, through the real app (tauri-driver, WebKitWebDriver, Xvfb) against one
// `copydesk serve` on a PostgreSQL schema of its own (the cluster scripts/with-postgres.sh starts,
// COPYDESK_TEST_PG). The app is started on the server (`--server URL`); a contributor signs in
// with her passphrase, writes a draft and submits it; an editor elsewhere (the CLI, through the
// same server) claims it, and her open editor shows it in review without her doing anything; a
// move that is not hers, invoked from her page, is refused by the server. An editor signs in in
// a second window (a second tauri-driver: two app processes, two WebDriver sessions): her next
// submission reaches his Desk by itself, marked new; he opens it and her Desk shows "Open by"
// him; he sends it back with a note, which she reads in her window before resubmitting. Then the
// server is
// stopped while she types: the window says it is offline and typing goes on; the app is started
// again while the server is still away, the server comes back, she signs in, and every word
// typed arrives on the server (read back through the CLI). Screenshots of the team sign-in, the
// desk chooser, the team Desk and the offline editor go to tests/e2e/output/.
//
// Run through scripts/e2e.sh under scripts/with-postgres.sh (make test does). The steps share one
// app session and run in order; after a failed step the rest are skipped.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { startSecondDriver } from "./second-driver.mjs";
import { Keys, Session, until } from "./webdriver.mjs";

const driverUrl = process.env.TAURI_DRIVER_URL ?? "http://127.0.0.1:4444";
const application = resolve(process.env.COPYDESK_APP ?? "target/debug/copydesk-app");
const cli = resolve(process.env.COPYDESK_CLI ?? "target/debug/copydesk");
const output = process.env.E2E_OUTPUT ?? resolve("tests/e2e/output");

const CHIEF = { name: "Claire Chief", passphrase: "chief passphrase for the team" };
const EDITOR = { name: "Eddie Editor", passphrase: "editor passphrase for the team" };
const AUTHOR = { name: "jane", passphrase: "jane's passphrase for the team" };
const HEADLINE = "The harbour wall needs a plan";
const BODY = "The wall has stood for a century. It will not stand another winter without repair.";
const FERRY_HEADLINE = "The ferry timetable is a promise";
const FERRY_BODY = "Islanders plan their week around the ferry.";
const CHANGES_NOTE = "Name the operator in the first paragraph, please.";
const FOG_HEADLINE = "Sea fog closes the harbour";
const FOG_FIRST = "Fog rolled in before dawn.";
const FOG_LATER = " It lifted by noon, and the ferries ran again.";

let app;
/** The editor's window, on a second driver, and that driver. */
let editorApp;
let second;
let server;
let serverUrl;
let work;
let brokenAt = null;

const STEP_MS = 120000;

function step(name, body) {
  it(name, { timeout: STEP_MS + 30000 }, async (t) => {
    if (brokenAt) {
      t.skip(`skipped: “${brokenAt}” failed`);
      return;
    }
    brokenAt = name;
    try {
      await body(t);
      brokenAt = null;
    } catch (error) {
      let shot = "";
      try {
        shot = `\n  screenshot: ${await app.screenshot(join(output, `failed-team-${name.slice(0, 40).replace(/\W+/g, "-")}.png`))}`;
      } catch {
        // The app may be gone; the message still names the step.
      }
      error.message = `step “${name}” failed: ${error.message}${shot}`;
      throw error;
    }
  });
}


/** This environment without a desk file named in it: the CLI works on the server. */
function cliEnv(more = {}) {
  const env = { ...process.env, ...more };
  delete env.COPYDESK_DB;
  return env;
}

/** The CLI on the team desk as `who`, with a config folder of their own (their session). */
function copydesk(who, args, extraEnv = {}) {
  return execFileSync(cli, ["--server", serverUrl, ...args], {
    env: cliEnv({ XDG_CONFIG_HOME: join(work, `config-${who.name}`), ...extraEnv }),
    encoding: "utf8",
  });
}

function login(who) {
  copydesk(who, ["login", "--as", who.name], { COPYDESK_PASSPHRASE: who.passphrase });
}

let database;

/** `copydesk serve` on `listen`; its address once it says it is serving. */
async function startServer(db, listen) {
  server = spawn(cli, ["serve", "--database", db, "--listen", listen, "--publish-folder", join(work, "site")], {
    env: cliEnv(),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  server.stderr.on("data", (chunk) => (log += chunk));
  return until(() => log.match(/serving the team desk at (http:\/\/[0-9.:]+)/)?.[1], "the server to start", 30000);
}

/** Stops the server as a machine taken down does (the app is not told). */
async function stopServer() {
  const stopped = new Promise((done) => server.once("exit", done));
  server.kill("SIGTERM");
  await stopped;
  server = null;
}

/** A team desk on a schema of its own, its people, and a server for it. */
async function serveTeamDesk() {
  const base = process.env.COPYDESK_TEST_PG;
  if (!base) throw new Error("the team desk test needs PostgreSQL: run it through scripts/with-postgres.sh (make test does)");
  const schema = `e2e_team_${process.pid}`;
  execFileSync("psql", [base, "-qAtc", `CREATE SCHEMA ${schema}`]);
  database = `${base} options='-csearch_path=${schema},public'`;
  execFileSync(cli, ["init", "--database", database, "--desk", "The Meridian", "--tz", "Europe/Paris", "--chief", CHIEF.name], {
    env: cliEnv({ COPYDESK_NEW_PASSPHRASE: CHIEF.passphrase }),
  });
  serverUrl = await startServer(database, "127.0.0.1:0");
  login(CHIEF);
  copydesk(CHIEF, ["contributor", "add", "Jane Roe", "--guest", "--bio", "Jane Roe writes about the coast."]);
  copydesk(CHIEF, ["user", "add", AUTHOR.name, "--role", "contributor", "--contributor", "Jane Roe"], {
    COPYDESK_NEW_PASSPHRASE: AUTHOR.passphrase,
  });
  copydesk(CHIEF, ["user", "add", EDITOR.name, "--role", "editor"], { COPYDESK_NEW_PASSPHRASE: EDITOR.passphrase });
  login(EDITOR);
}

describe("the app on a team desk", () => {
  before(
    async () => {
      work = mkdtempSync(join(tmpdir(), "copydesk-team-e2e-"));
      await serveTeamDesk();
      app = await Session.start(driverUrl, application, ["--server", serverUrl]);
    },
    { timeout: 120000 },
  );

  after(async () => {
    await editorApp?.stop().catch(() => {});
    await second?.stop().catch(() => {});
    await app?.stop().catch(() => {});
    server?.kill("SIGTERM");
    if (work) rmSync(work, { recursive: true, force: true });
  });

  let articleId;

  step("the app opens on the team desk's sign-in and a wrong passphrase is said next to the field", async () => {
    await app.waitForText("h1", `Sign in to the team desk at ${serverUrl}`);
    // Where else it could go: the desk chooser, for the screenshot.
    await app.clickText("button", "Use another desk…");
    await app.waitFor("#other-desks");
    await app.screenshot(join(output, "team-desk-chooser.png"));
    await app.fill("#team-name", AUTHOR.name);
    await app.fill("#team-passphrase", "not her passphrase");
    await app.clickText("button", "Sign in");
    await app.waitFor("#team-passphrase-problem, #team-sign-in-problem");
    await app.screenshot(join(output, "team-sign-in.png"));
  });

  step("the contributor signs in with her passphrase and writes a draft through the server", async () => {
    await app.fill("#team-passphrase", AUTHOR.passphrase);
    await app.clickText("button", "Sign in");
    await app.waitForText(".user-name", AUTHOR.name);
    await app.waitFor(".queue h2");
    const body = await app.newArticle(HEADLINE);
    await app.click(body);
    await app.type(body, BODY);
    // Saved on the server: read back through the CLI, as the editor.
    const saved = await until(() => {
      const found = JSON.parse(copydesk(EDITOR, ["--json", "article", "list", "--state", "draft"]));
      const piece = (found.items ?? found).find((a) => a.headline === HEADLINE);
      return piece ? piece : undefined;
    }, "the draft on the server");
    articleId = saved.id;
    await until(async () => {
      const shown = JSON.parse(copydesk(EDITOR, ["--json", "article", "show", articleId]));
      return shown.body.includes("another winter") || undefined;
    }, "every word typed to reach the server");
  });

  step("she submits it, and the editor's claim elsewhere shows in her window by itself", async () => {
    await app.clickText(".workflow button", "Submit");
    await app.waitForState("Submitted");
    copydesk(EDITOR, ["article", "move", articleId, "claim"]);
    // Nothing clicked here: the server's event stream brings the change.
    await app.waitForState("In review");
    await app.screenshot(join(output, "team-editor.png"));
  });

  step("a move that is not hers, invoked from her page, is refused by the server", async () => {
    const refused = await app.invoke("move_article", { input: { id: articleId, action: "approve", args: {} } });
    assert.equal(refused.error?.code, "forbidden", JSON.stringify(refused));
    const shown = JSON.parse(copydesk(EDITOR, ["--json", "article", "show", articleId]));
    assert.equal(shown.state, "in_review", "nothing moved");
    await app.pressKeys(Keys.ESCAPE);
    await app.waitFor(".queue h2");
    await app.screenshot(join(output, "team-desk.png"));
  });

  step("an editor signs in in a second window, and her next submission reaches his Desk by itself, marked new", async () => {
    second = await startSecondDriver(join(work, "second"));
    editorApp = await Session.start(second.url, application, ["--server", serverUrl]);
    await editorApp.waitForText("h1", "Sign in to the team desk");
    await editorApp.fill("#team-name", EDITOR.name);
    await editorApp.fill("#team-passphrase", EDITOR.passphrase);
    await editorApp.clickText("button", "Sign in");
    await editorApp.waitFor(".queue h2");

    const body = await app.newArticle(FERRY_HEADLINE);
    await app.click(body);
    await app.type(body, FERRY_BODY);
    await app.waitForText(".save-state", "Saved");
    await app.clickText(".workflow button", /^Submit$/);
    await app.waitForState("Submitted");
    await app.pressKeys(Keys.ESCAPE);
    await app.waitFor(".queue h2");

    // Nothing done in his window: the server's stream brings it, marked new.
    const { option } = await editorApp.queueItem("Submitted", FERRY_HEADLINE);
    assert.match(await editorApp.text(option), /\bnew\b/i, "marked new on his Desk");
  });

  step("he opens it, and her Desk shows that he has it open", async () => {
    await editorApp.openFromQueue("Submitted", FERRY_HEADLINE);
    await until(async () => {
      const { option } = await app.queueItem("Submitted", FERRY_HEADLINE);
      return (await app.text(option)).includes(`Open by ${EDITOR.name}`) || undefined;
    }, "her Desk to show who has the piece open");
    await app.screenshot(join(output, "team-presence.png"));
  });

  step("he sends it back with a note; she reads the note in her window and resubmits", async () => {
    await editorApp.clickText(".workflow button", /^Claim for review$/);
    await editorApp.waitForState("In review");
    await editorApp.fill("#move-note", CHANGES_NOTE);
    await editorApp.clickText(".workflow button", /^Request changes$/);
    await editorApp.waitForState("Changes requested");
    await app.openFromQueue("Changes requested", FERRY_HEADLINE);
    await app.waitForText("body", CHANGES_NOTE);
    await app.clickText(".workflow button", /^Resubmit$/);
    await app.waitForState("Submitted");
    await app.pressKeys(Keys.ESCAPE);
    await app.waitFor(".queue h2");
    // His window: back in Submitted, by itself.
    await editorApp.pressKeys(Keys.ESCAPE);
    await editorApp.queueItem("Submitted", FERRY_HEADLINE);
    await editorApp.stop();
    editorApp = null;
    await second.stop();
    second = null;
  });

  step("the server stops while she types: the window says it is offline, and typing goes on", async () => {
    await app.waitFor(".queue h2");
    const body = await app.newArticle(FOG_HEADLINE);
    await app.click(body);
    await app.type(body, FOG_FIRST);
    await app.waitForText(".save-state", "Saved");
    await stopServer();
    await app.type(body, FOG_LATER);
    // The autosave fails, the window hears the server is away, the words stay on this computer.
    await app.waitFor('.reach[data-reach="offline"]');
    await app.waitForText(".save-box[data-offline=\"true\"] .save-state", "Offline — kept on this computer");
    await app.waitFor("#moves-offline");
    const moves = await app.execute(`return [...document.querySelectorAll(".workflow .moves button")].every((b) => b.disabled);`);
    assert.equal(moves, true, "moves wait for the server");
    await app.screenshot(join(output, "team-offline.png"));
  });

  step("started again while still offline, she signs in once the server is back and every word arrives", async () => {
    // The app ends as a crash would; the words are in the journal on this computer.
    await app.stop();
    app = await Session.start(driverUrl, application, ["--server", serverUrl]);
    await app.waitForText("h1", "Sign in to the team desk");
    const address = new URL(serverUrl);
    serverUrl = await startServer(database, address.host);
    await app.fill("#team-name", AUTHOR.name);
    await app.fill("#team-passphrase", AUTHOR.passphrase);
    await app.clickText("button", "Sign in");
    await app.waitForText(".user-name", AUTHOR.name);
    // Sent by itself after signing in: read back on the server, as the editor.
    const arrived = await until(() => {
      const found = JSON.parse(copydesk(EDITOR, ["--json", "article", "list", "--state", "draft", "--contributor", "Jane Roe"]));
      const piece = (found.items ?? found).find((a) => a.headline === FOG_HEADLINE);
      if (!piece) return undefined;
      const shown = JSON.parse(copydesk(EDITOR, ["--json", "article", "show", piece.id]));
      return shown.body.includes(FOG_LATER.trim()) ? shown : undefined;
    }, "every word typed offline to reach the server");
    assert.ok(arrived.body.includes(FOG_FIRST), `the whole text: ${JSON.stringify(arrived.body)}`);
    assert.deepEqual(await app.invokeOk("journal_list"), [], "nothing is left waiting on this computer");
  });
});
