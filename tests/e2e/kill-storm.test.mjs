// A kill storm while typing (issue 15, item 2): the real app, an article typed into at a human
// pace (a word every 150–250 ms), killed with SIGKILL at a random instant, again and again, while
// the CLI autosaves another article of the same desk file every 200 ms. After each kill the CLI's
// `check` must pass on the desk file, and, once the app is started again (and the text it kept on
// this computer restored, as an editor would), every word typed more than one second before the
// kill must be in the article. Counts the kills, the checks passed and the words lost.
//
// `make test` runs KILL_STORM_KILLS (3 by default); `make soak` runs 200 (scripts/soak-kill-storm.sh).
// Runs on a desk file of its own (the app's --db), through scripts/e2e.sh.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Keys, Session, until } from "./webdriver.mjs";

const driverUrl = process.env.TAURI_DRIVER_URL ?? "http://127.0.0.1:4444";
const application = resolve(process.env.COPYDESK_APP ?? "target/debug/copydesk-app");
const cli = resolve(process.env.COPYDESK_CLI ?? "target/debug/copydesk");
const output = process.env.E2E_OUTPUT ?? resolve("tests/e2e/output");
const KILLS = Number(process.env.KILL_STORM_KILLS ?? 3);
// A seeded generator: a failing storm can be run again exactly (KILL_STORM_SEED).
let seed = Number(process.env.KILL_STORM_SEED ?? 20261206);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const CHIEF = "Chief Editor";
const HEADLINE = "The harbour wall, typed through a storm";
const OTHER = "The other piece the CLI keeps saving";
const WORDS = "tide harbour wall council storm ferry quay pier salt gull rope anchor".split(" ");

/** @type {Session} */
let app;
let dir;
let desk;
let articleId;
let otherId;
let cliWriter;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The app's processes started on this storm's desk file (their command line names it). */
function appPids() {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.includes("copydesk-app") && cmdline.includes(desk)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

function runCli(args) {
  return execFileSync(cli, ["--db", desk, "--as", CHIEF, "--json", ...args], { encoding: "utf8" });
}

/** The CLI's answer, without blocking the event loop (the typing's pace must not stall). */
function cliAsync(args) {
  return new Promise((done) => {
    const child = spawn(cli, ["--db", desk, "--as", CHIEF, "--json", ...args]);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", () => done({ code: -1, out }));
    child.on("close", (code) => done({ code, out }));
  });
}

/** Autosaves the other article from the CLI every 200 ms until stopped: a writer beside the app.
 * A save refused (the desk file busy past the CLI's wait, a version moved on) is counted and the
 * next one made on the version the desk has. */
function startCliWriter() {
  let stopped = false;
  let saves = 0;
  let refusals = 0;
  const version = async () => {
    const shown = await cliAsync(["article", "show", otherId]);
    return shown.code === 0 ? JSON.parse(shown.out).version : null;
  };
  const loop = async () => {
    let base = await version();
    while (!stopped) {
      const result =
        base === null
          ? { code: 1, out: "" }
          : await cliAsync(["article", "edit", otherId, "--base-version", String(base),
              "--standfirst", `Saved by the CLI, ${saves + 1} times.`, "--autosave"]);
      if (result.code === 0) {
        base = JSON.parse(result.out).version;
        saves += 1;
      } else {
        refusals += 1;
        base = await version();
      }
      await sleep(200);
    }
  };
  const running = loop().catch((error) => (refusals += 1, console.error(`the CLI writer stopped: ${error}`)));
  return { stop: async () => ((stopped = true), await running, { saves, refusals }) };
}

/** Starts the app on the storm's desk, signs the chief in, restores any text kept on this
 * computer, and opens the article; answers its body as the desk holds it. */
async function startAndOpen() {
  app = await Session.start(driverUrl, application, ["--db", desk]);
  await until(async () => {
    for (const button of await app.find("button.person")) {
      if ((await app.text(button)).includes(CHIEF)) {
        await app.click(button);
        return true;
      }
    }
    return undefined;
  }, "the chief's sign-in button");
  await app.waitFor(".user-name");
  const kept = await app.invokeOk("journal_list");
  if (kept.length > 0) {
    await app.clickText(".kept-list button", HEADLINE);
    // Offered as a restore on the version it was typed on, or on top of a newer one (a save that
    // reached the desk but not the window before the kill); none when the desk has the text.
    const offered = await app.waitFor(".kept-offer", 10000).then(() => true, () => false);
    if (offered) {
      await app.clickText(".kept-offer button", /^\s*(Restore|Put mine on top)\s*$/);
      await app.waitForNone(".kept-offer");
      await app.waitForText(".save-state", "Saved");
    }
    await app.goTo("Desk");
  }
  await app.openFromQueue("In review: mine", HEADLINE);
  return (await app.invokeOk("get_article", { input: { id: articleId } })).body;
}

describe("a kill storm while typing loses no word typed a second before the kill", () => {
  const tally = { kills: 0, checks: 0, lost: 0, typed: 0 };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-storm-"));
    desk = join(dir, "desk.db");
    execFileSync(cli, ["--db", desk, "init", "--desk", "The Storm Desk", "--tz", "Europe/London", "--chief", CHIEF]);
    runCli(["contributor", "add", "Jane Roe", "--bio", "Jane Roe writes about harbours."]);
    const bodyFile = join(dir, "body.md");
    writeFileSync(bodyFile, "The harbour wall was built in 1887.\n\nIt has held ever since.\n");
    const piece = (headline) =>
      JSON.parse(runCli(["article", "new", "--headline", headline, "--section", "Opinion", "--byline", "Jane Roe", "--body-file", bodyFile])).id;
    articleId = piece(HEADLINE);
    otherId = piece(OTHER);
    for (const id of [articleId, otherId]) {
      runCli(["article", "move", id, "submit"]);
      runCli(["article", "move", id, "claim"]);
    }
    cliWriter = startCliWriter();
  }, { timeout: 120000 });

  after(async () => {
    const writer = await cliWriter?.stop();
    await app?.stop().catch(() => {});
    for (const pid of appPids()) process.kill(pid, "SIGKILL");
    const report = { ...tally, cli_saves: writer?.saves, cli_refusals: writer?.refusals };
    console.log(`kill storm: ${JSON.stringify(report)}`);
    writeFileSync(join(output, "kill-storm.json"), JSON.stringify(report, null, 2));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`${KILLS} kills at random instants while typing`, { timeout: 120000 + KILLS * 60000 }, async () => {
    let expected = null;
    const losses = [];
    for (let round = 0; round <= KILLS; round++) {
      const body = await startAndOpen();
      if (expected !== null) {
        // Counted, and the storm goes on: the soak reports every word lost, not the first.
        const words = new Set(body.split(/[^A-Za-z0-9]+/));
        const missing = expected.filter((word) => !words.has(word));
        tally.lost += missing.length;
        if (missing.length > 0) losses.push(`after kill ${round}: ${missing.join(" ")}`);
      }
      if (round === KILLS) break;

      // Typing at a human pace at the end of the body; killed after 1.5–6 s.
      const editor = await app.waitFor(".ProseMirror");
      await app.click(editor);
      // Ctrl+End: the end of the whole body, not of the line clicked.
      await app.type(editor, `${Keys.CONTROL}${Keys.END}${Keys.NULL}`);
      const killAt = Date.now() + 1500 + random() * 4500;
      const typed = [];
      let n = 0;
      while (Date.now() < killAt) {
        const word = `${WORDS[n % WORDS.length]}${round}x${n}`;
        await app.type(editor, ` ${word}`);
        typed.push({ word, at: Date.now() });
        n += 1;
        await sleep(150 + random() * 100);
      }
      const pids = appPids();
      assert.ok(pids.length > 0, "the app's process is found");
      const killedAt = Date.now();
      for (const pid of pids) process.kill(pid, "SIGKILL");
      tally.kills += 1;
      tally.typed += typed.length;
      // The session died with the app: ended without waiting for the driver to notice.
      await Promise.race([app.stop().catch(() => {}), sleep(5000)]);
      await until(() => appPids().length === 0 || undefined, "the app to be gone");

      execFileSync(cli, ["--db", desk, "check"], { encoding: "utf8" });
      tally.checks += 1;
      expected = typed.filter((t) => t.at <= killedAt - 1000).map((t) => t.word);
    }
    assert.equal(tally.kills, KILLS);
    assert.equal(tally.checks, KILLS);
    assert.deepEqual(losses, [], "words typed more than a second before a kill were lost");
  });
});
