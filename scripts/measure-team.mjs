// The app on a team desk, for BENCHMARKS.md ("The app on a team desk"): launch → Desk, an edit
// made in one window seen in another, and memory after 20 articles, on the release app against a
// `copydesk serve`. Run through scripts/measure-team.sh, which serves a copy of a benchmark desk
// on a throwaway PostgreSQL cluster and starts Xvfb and the first tauri-driver; the second window
// gets a driver of its own (tests/e2e/second-driver.mjs). Figures only: nothing here asserts a
// target.
//
// TAURI_DRIVER_URL, COPYDESK_APP, MEASURE_DRIVER_PID   as for measure-app.mjs
// MEASURE_SERVER     the team desk's address
// MEASURE_PASSPHRASE the passphrase of "Bench Chief" and "Bench Editor"
// MEASURE_RUNS       launches of the editor's window (default 3)
// MEASURE_EDITS      edits made in the chief's window and watched for in the editor's (default 50)
// MEASURE_OPEN       articles opened before memory is read (default 20)
// MEASURE_JSON       also write the JSON report to this file

import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { startSecondDriver } from "../tests/e2e/second-driver.mjs";
import { Keys, Session, until } from "../tests/e2e/webdriver.mjs";
import { ARTICLE_CLOSED, ARTICLE_OPEN, DESK_READY, WAIT_ARMED, armScript } from "./page-timing.mjs";
import { memory } from "./proc-memory.mjs";

const driverUrl = process.env.TAURI_DRIVER_URL ?? "http://127.0.0.1:4444";
const application = resolve(process.env.COPYDESK_APP ?? "target/release/copydesk-app");
const driverPid = Number(process.env.MEASURE_DRIVER_PID ?? 0) || null;
const server = process.env.MEASURE_SERVER;
const passphrase = process.env.MEASURE_PASSPHRASE;
const RUNS = Number(process.env.MEASURE_RUNS ?? 3);
const EDITS = Number(process.env.MEASURE_EDITS ?? 50);
const OPEN = Number(process.env.MEASURE_OPEN ?? 20);
const WAIT_MS = 60000;

const log = (line) => process.stderr.write(`measure-team: ${line}\n`);
const ms = (x) => Math.round(x * 10) / 10;

function stats(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, min: sorted[0], median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** Launches the app on the team desk through `url` and signs `name` in: the timings. */
async function launch(url, name) {
  const t0 = performance.now();
  const app = await Session.start(url, application, ["--server", server]);
  await app.wd("POST", "/timeouts", { script: WAIT_MS });
  await until(async () => {
    try {
      return (await app.find("#team-name")).length > 0 || undefined;
    } catch {
      return undefined;
    }
  }, "the team sign-in", WAIT_MS);
  const signInShown = performance.now() - t0;
  await app.fill("#team-name", name);
  await app.fill("#team-passphrase", passphrase);
  await app.execute(armScript(DESK_READY, ["mousedown", "click"]), ["desk"]);
  const [button] = await app.find("form button[type=submit]");
  await app.click(button);
  const desk = await app.executeAsync(WAIT_ARMED, ["desk"]);
  const clickToDesk = desk.painted - desk.trigger;
  return {
    app,
    figures: {
      launch_to_sign_in_ms: ms(signInShown),
      sign_in_click_to_desk_ms: ms(clickToDesk),
      // Launch → Desk without the person's typing of name and passphrase.
      launch_to_desk_ms: ms(signInShown + clickToDesk),
    },
  };
}

/** Opens and closes the Desk's first `count` articles in turn (Enter, then Esc). */
async function openArticles(app, count) {
  const ids = await app.execute(
    `return [...new Set([...document.querySelectorAll(".desk-home .queue-list [role=option]")].map((o) => o.id))];`,
  );
  for (let i = 0; i < count; i++) {
    const id = ids[i % ids.length];
    const [option] = await app.find(`[id="${id}"]`);
    await app.scrollIntoView(option);
    await app.click(option);
    await app.execute(armScript(ARTICLE_OPEN, ["keydown"]), ["open"]);
    await app.pressKeys(Keys.ENTER);
    await app.executeAsync(WAIT_ARMED, ["open"]);
    await app.execute(armScript(ARTICLE_CLOSED, ["keydown"]), ["close"]);
    await app.pressKeys(Keys.ESCAPE);
    await app.executeAsync(WAIT_ARMED, ["close"]);
  }
  return ids.length;
}

/** Makes `EDITS` headline edits in `writer`'s window and times each until `reader` shows it. */
async function edits(writer, reader) {
  // A piece on the reader's Desk the chief may edit: the first in Submitted or In review.
  const target = await reader.execute(`
    for (const section of document.querySelectorAll(".desk-home .queue")) {
      const title = section.querySelector("h2")?.textContent ?? "";
      if (!/^(Submitted|In review)/.test(title)) continue;
      const option = section.querySelector("[role=option]");
      if (option) return option.id.replace(/^.*-article-/, "");
    }
    return null;`);
  if (!target) throw new Error("no submitted or in-review piece on the editor's Desk to edit");
  const seen = [];
  for (let i = 1; i <= EDITS; i++) {
    const headline = `Bench edit ${i}: the harbour wall`;
    await reader.execute(
      `const wanted = arguments[0];
       window.__seen = null;
       const check = () => {
         if (window.__seen === null && document.body.textContent.includes(wanted)) {
           window.__seen = performance.timeOrigin + performance.now();
           observer.disconnect();
         }
       };
       const observer = new MutationObserver(check);
       observer.observe(document.body, { subtree: true, childList: true, characterData: true });
       check();`,
      [headline],
    );
    // The edit, as the chief's window makes it: a save through its IPC, to the server.
    const made = await writer.executeAsync(
      `const [id, headline, done] = arguments;
       const invoke = window.__TAURI_INTERNALS__.invoke;
       invoke("get_article", { input: { id } }).then((a) => {
         const at = performance.timeOrigin + performance.now();
         return invoke("save_article", { input: { id, base_version: a.version, edit: { headline }, autosave: false } })
           .then(() => done({ at }));
       }).catch((e) => done({ error: JSON.stringify(e) }));`,
      [target, headline],
    );
    if (made.error) throw new Error(`the edit was refused: ${made.error}`);
    const at = await until(() => reader.execute("return window.__seen;"), `edit ${i} in the editor's window`, WAIT_MS);
    seen.push(ms(at - made.at));
  }
  return seen;
}

async function main() {
  if (!server || !passphrase) throw new Error("run through scripts/measure-team.sh (MEASURE_SERVER, MEASURE_PASSPHRASE)");
  log(`app ${application} on ${server}: ${RUNS} launches, ${EDITS} edits, ${OPEN} articles`);
  const launches = [];
  let latencies = [];
  const folder = mkdtempSync(join(tmpdir(), "copydesk-measure-team-"));
  let second = null;
  try {
    for (let run = 1; run <= RUNS; run++) {
      const { app, figures } = await launch(driverUrl, "Bench Editor");
      try {
        // Memory first, as measure-app.mjs reads it on a desk file: after 20 articles.
        const opened = await openArticles(app, OPEN);
        const mem = memory(application, driverPid);
        launches.push({ run, ...figures, total_rss_mb: mem.total_rss_mb, total_pss_mb: mem.total_pss_mb, memory: mem });
        log(
          `run ${run}: sign-in ${figures.launch_to_sign_in_ms} ms, Desk ${figures.launch_to_desk_ms} ms after launch; ` +
            `after ${OPEN} articles (${opened} listed) ${mem.total_rss_mb} MB RSS, ${mem.total_pss_mb} MB PSS`,
        );
        if (run === RUNS) {
          // The chief in a second window edits; the editor's Desk shows each edit (the watching
          // itself costs the page memory: it comes after the memory is read).
          second = await startSecondDriver(join(folder, "second"));
          const chief = await launch(second.url, "Bench Chief");
          try {
            latencies = await edits(chief.app, app);
            log(`edits seen in the other window: ${JSON.stringify(stats(latencies))} ms`);
          } finally {
            await chief.app.stop().catch(() => {});
          }
        }
      } finally {
        await app.stop();
      }
      await until(() => {
        try {
          memory(application, driverPid);
          return false;
        } catch {
          return true;
        }
      }, "the app to exit", 30000);
    }
  } finally {
    await second?.stop().catch(() => {});
    rmSync(folder, { recursive: true, force: true });
  }
  const pick = (key) => {
    const later = stats(launches.slice(1).map((l) => l[key]));
    return { first: launches[0][key], ...(later ?? { n: 0 }) };
  };
  const report = {
    app: application,
    server,
    when: new Date().toISOString(),
    summary: {
      launch_to_sign_in_ms: pick("launch_to_sign_in_ms"),
      sign_in_click_to_desk_ms: pick("sign_in_click_to_desk_ms"),
      launch_to_desk_ms: pick("launch_to_desk_ms"),
      edit_seen_in_other_window_ms: stats(latencies),
      total_rss_mb_after_articles: stats(launches.map((l) => l.total_rss_mb)),
      total_pss_mb_after_articles: stats(launches.map((l) => l.total_pss_mb)),
    },
    launches,
    latencies,
  };
  console.log(JSON.stringify(report.summary, null, 2));
  console.log(JSON.stringify(report));
  if (process.env.MEASURE_JSON) writeFileSync(process.env.MEASURE_JSON, `${JSON.stringify(report, null, 2)}\n`);
}

await main();
