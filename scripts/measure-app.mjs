// The desktop app's figures for BENCHMARKS.md ("The desktop app"), measured on the real app
// through tauri-driver: launch to the Desk, resident memory after opening 20 articles, and the
// last keystroke to "Saved". Node 20, no packages; the WebDriver client of the end-to-end tests.
//
// Run through scripts/measure-app.sh, which starts Xvfb and tauri-driver with COPYDESK_DB on a
// copy of the benchmark desk (`copydesk bench --keep`). Figures only: nothing here asserts a
// target, and a step that cannot be done stops the run with what it waited for. The first launch
// starts with empty caches (the wrapper's new XDG_CACHE_HOME) and is reported apart.
//
// TAURI_DRIVER_URL   tauri-driver (default http://127.0.0.1:4444)
// COPYDESK_APP       the app binary (default target/release/copydesk-app)
// MEASURE_DRIVER_PID tauri-driver's pid: the app is looked for among its descendants
// MEASURE_RUNS       launches (default 5), each: launch, sign in, open MEASURE_OPEN articles
// MEASURE_OPEN       articles opened before memory is read (default 20)
// MEASURE_SAMPLES    keystroke-to-saved samples, in the last launch (default 10)
// MEASURE_USER       who signs in (default "Bench Editor")
// MEASURE_JSON       also write the JSON report to this file
// MEASURE_SHOTS      a folder for screenshots of the Desk and the editor (none by default)
// MEASURE_EMPTY_APP  an empty Tauri app (one window, a static page; scripts/measure-app.sh builds
//                    it): measured the same way after each launch of Copydesk, for the ratio
// MEASURE_LONG       in the last launch, go on opening and closing articles up to this many
//                    (say 500), then read memory again, and once more after a minute idle

import { readFileSync, writeFileSync } from "node:fs";
import { ARTICLE_CLOSED, ARTICLE_OPEN, DESK_READY, QUEUES_SHOWN, WAIT_ARMED, armScript } from "./page-timing.mjs";
import { appTree as appTreeOf, memory as memoryOf } from "./proc-memory.mjs";
import { join, resolve } from "node:path";
import { Keys, Session, until } from "../tests/e2e/webdriver.mjs";

const driverUrl = process.env.TAURI_DRIVER_URL ?? "http://127.0.0.1:4444";
const application = resolve(process.env.COPYDESK_APP ?? "target/release/copydesk-app");
const driverPid = Number(process.env.MEASURE_DRIVER_PID ?? 0) || null;
const RUNS = Number(process.env.MEASURE_RUNS ?? 5);
const OPEN = Number(process.env.MEASURE_OPEN ?? 20);
const SAMPLES = Number(process.env.MEASURE_SAMPLES ?? 10);
const USER = process.env.MEASURE_USER ?? "Bench Editor";
const SHOTS = process.env.MEASURE_SHOTS ?? null;
const EMPTY_APP = process.env.MEASURE_EMPTY_APP ? resolve(process.env.MEASURE_EMPTY_APP) : null;
const LONG = Number(process.env.MEASURE_LONG ?? 0);
/** Idle after the long run before memory is read again: WebKit's collector and allocator give back
 * what was garbage within seconds; what is still there after this is kept. */
const IDLE_MS = 60000;
/** The autosave's wait after the last change (ui/src/lib/autosave.ts). */
const DEBOUNCE_MS = 1000;
/** A launch or a page on the 100,000-article desk may be slow; nothing should take this long. */
const WAIT_MS = 120000;

const log = (line) => process.stderr.write(`measure: ${line}\n`);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (x) => Math.round(x * 10) / 10;

/**
 * Waits in the page for the sign-in screen's people, then two frames: when they were seen (or that
 * they were there already when asked), with the page's clock origin and its paint entries.
 */
const WAIT_SIGN_IN = `
  const done = arguments[0];
  const found = () => document.querySelector("button.person") !== null;
  const already = found();
  const finish = () => {
    const seen = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const paint = {};
      for (const e of performance.getEntriesByType("paint")) paint[e.name] = e.startTime;
      const nav = performance.getEntriesByType("navigation")[0];
      done({
        already, seen, painted: performance.now(), timeOrigin: performance.timeOrigin, paint,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        load: nav ? nav.loadEventEnd : null,
      });
    }));
  };
  if (already) finish();
  else {
    const observer = new MutationObserver(() => { if (found()) { observer.disconnect(); finish(); } });
    observer.observe(document.documentElement, { subtree: true, childList: true });
  }`;

// ---- processes ------------------------------------------------------------------------------

const appTree = (binary = application) => appTreeOf(binary, driverPid);
const memory = (binary = application) => memoryOf(binary, driverPid);

/**
 * When the app's process started, in ms since the epoch (from /proc: its start in clock ticks
 * since boot, against /proc/uptime; good to about 10 ms).
 */
function appStartedAt() {
  const { app } = appTree();
  const stat = readFileSync(`/proc/${app.pid}/stat`, "utf8");
  const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  return Date.now() - (uptime - ticks / CLOCK_TICKS) * 1000;
}
/** USER_HZ: 100 on Linux everywhere this runs. */
const CLOCK_TICKS = 100;

/** A variable as WebKit's web process got it (the app sets some itself, src-tauri/src/lib.rs):
 * its value, undefined when unset, or null when the process or its environment is unreadable. */
function webProcessVariable(name) {
  const { children } = appTree();
  const web = children.find((p) => p.comm.startsWith("WebKitWebProces"));
  if (!web) return null;
  try {
    const env = readFileSync(`/proc/${web.pid}/environ`, "utf8").split("\0");
    return env.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1);
  } catch {
    return null;
  }
}

/** The shell's other start settings (src-tauri/src/lib.rs, start_variables), as the web process got them. */
const OTHER_START_VARIABLES = [
  "GDK_GL",
  "WEBKIT_DISABLE_DMABUF_RENDERER",
  "JSC_thresholdForJITAfterWarmUp",
  "JSC_thresholdForJITSoon",
];

/** Whether a switch the web process got is on (set, and not "0" or "false"), or null if
 * unreadable. */
function webProcessSwitch(name) {
  const value = webProcessVariable(name);
  return value === null ? null : value !== undefined && !/^(0|false)$/i.test(value);
}


// ---- one launch -------------------------------------------------------------------------------

/** The 1-minute load average: how busy the machine was (2 cores here). */
const loadavg = () => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

async function launch() {
  const load = loadavg();
  const t0 = Date.now();
  const h0 = performance.now();
  const app = await Session.start(driverUrl, application);
  const sessionMs = performance.now() - h0;
  await app.wd("POST", "/timeouts", { script: WAIT_MS });
  // The page may still be on its way when the session is there: asking again is harmless.
  const signIn = await until(async () => {
    try {
      return await app.executeAsync(WAIT_SIGN_IN);
    } catch (e) {
      if (/javascript error|no such window|unknown error/i.test(e.message)) return undefined;
      throw e;
    }
  }, "the sign-in screen", WAIT_MS);
  const signInClientMs = performance.now() - h0;

  // Choose the user, with the Desk watched from before the click.
  await app.execute(armScript(DESK_READY, ["mousedown", "click"]), ["desk"]);
  await app.execute(armScript(QUEUES_SHOWN, ["mousedown", "click"]), ["queues"]);
  const button = await until(async () => {
    for (const b of await app.find("button.person")) {
      const [label] = await app.findIn(b, ".person-name");
      if (label !== undefined && (await app.text(label)).trim() === USER) return b;
    }
    return undefined;
  }, `the sign-in button for ${USER}`);
  const hClick = performance.now();
  await app.click(button);
  const desk = await app.executeAsync(WAIT_ARMED, ["desk"]);
  const deskClientMs = performance.now() - h0;
  const queues = await app.executeAsync(WAIT_ARMED, ["queues"]);

  const origin = signIn.timeOrigin - t0; // the page's navigation start, after the request
  const processStart = appStartedAt() - t0;
  return {
    app,
    figures: {
      load_average: load,
      session_ms: ms(sessionMs),
      app_process_start_ms: ms(processStart),
      page_origin_ms: ms(origin),
      sign_in_already_there: signIn.already,
      launch_to_sign_in_client_ms: ms(signInClientMs),
      launch_to_sign_in_page_ms: ms(origin + signIn.painted),
      page_to_sign_in_in_dom_ms: ms(signIn.seen),
      page_to_sign_in_ms: ms(signIn.painted),
      first_contentful_paint_ms: signIn.paint["first-contentful-paint"] !== undefined ? ms(signIn.paint["first-contentful-paint"]) : null,
      dom_content_loaded_ms: signIn.domContentLoaded !== null ? ms(signIn.domContentLoaded) : null,
      click_request_ms: ms(hClick - h0),
      sign_in_click_to_queues_shown_ms: ms(queues.painted - queues.trigger),
      sign_in_click_to_desk_in_dom_ms: ms(desk.seen - desk.trigger),
      sign_in_click_to_desk_ms: ms(desk.painted - desk.trigger),
      launch_to_desk_client_ms: ms(deskClientMs),
      launch_to_desk_page_ms: ms(origin + desk.painted),
    },
  };
}

/** The distinct articles listed on the Desk, in order, as [list element id, option element id]. */
async function deskArticles(app, wanted) {
  // More of each queue until there are enough distinct articles.
  for (;;) {
    const listed = await app.execute(`
      const out = [];
      const seen = new Set();
      for (const option of document.querySelectorAll(".desk-home .queue-list [role=option]")) {
        const id = option.id.replace(/^.*-article-/, "");
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ option: option.id, id, queue: option.closest(".queue").querySelector("h2").textContent.trim() });
      }
      return out;`);
    if (listed.length >= wanted) return listed.slice(0, wanted);
    const more = await app.find(".desk-home .queue button.more:not([disabled])");
    if (more.length === 0) return listed;
    await app.click(more[0]);
    await pause(300);
  }
}

/** Opens the article listed as `optionId` (a click highlights it, Enter opens it), then Esc. */
async function openAndClose(app, optionId) {
  const [option] = await app.find(`[id="${optionId}"]`);
  await app.scrollIntoView(option);
  await app.click(option);
  const [list] = await app.wd("POST", `/element/${option}/elements`, { using: "xpath", value: "./ancestor::ul[1]" }).then((found) =>
    found.map((e) => Object.values(e)[0]),
  );
  await app.execute(armScript(ARTICLE_OPEN, ["keydown"]), ["open"]);
  await app.type(list, Keys.ENTER);
  const opened = await app.executeAsync(WAIT_ARMED, ["open"]);
  // The editor puts focus on its back button; Esc there goes back to the Desk.
  await app.execute(armScript(ARTICLE_CLOSED, ["keydown"]), ["close"]);
  await app.pressKeys(Keys.ESCAPE);
  const closed = await app.executeAsync(WAIT_ARMED, ["close"]);
  return { open_ms: ms(opened.painted - opened.trigger), close_ms: ms(closed.painted - closed.trigger) };
}

// ---- keystroke to saved -----------------------------------------------------------------------

const RECORD_TYPING = `
  const r = window.__typing = { keys: [], inputs: [], states: [], frames: [] };
  if (!window.__typingHooked) {
    window.__typingHooked = true;
    document.addEventListener("keydown", () => {
      const at = performance.now();
      window.__typing.keys.push(at);
      // The key's own work (ProseMirror's handlers, the DOM update) runs before the next frame.
      requestAnimationFrame(() => window.__typing.frames.push(performance.now() - at));
    }, true);
    document.addEventListener("input", () => window.__typing.inputs.push(performance.now()), true);
    const note = () => {
      const el = document.querySelector(".save-state");
      const state = el ? el.getAttribute("data-state") : null;
      const states = window.__typing.states;
      if (states.length === 0 || states[states.length - 1].state !== state) states.push({ state, at: performance.now() });
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  }
  const el = document.querySelector(".save-state");
  r.states.push({ state: el ? el.getAttribute("data-state") : null, at: performance.now() });`;

/** Resolves once "saved" follows "saving" after the last key, with what was recorded. */
const WAIT_SAVED = `
  const done = arguments[0];
  const tick = () => {
    const r = window.__typing;
    const last = Math.max(...r.keys);
    const saving = r.states.find((s) => s.at > last && s.state === "saving");
    const saved = saving && r.states.find((s) => s.at > saving.at && s.state === "saved");
    const bad = r.states.find((s) => s.at > last && (s.state === "failed" || s.state === "conflict"));
    if (bad) done({ error: bad.state, states: r.states });
    else if (saved) requestAnimationFrame(() => requestAnimationFrame(() => done({ ...r, painted: performance.now() })));
    else setTimeout(tick, 2);
  };
  tick();`;

const WORDS = ["quietly", "harbour", "ledger", "morning", "pivotal", "granite", "orchard", "lantern", "thimble", "verdict", "compass", "saffron"];

async function keystrokes(app) {
  // An article the editor may edit: one they are reviewing.
  const option = await until(async () => {
    for (const section of await app.find(".desk-home .queue")) {
      const [title] = await app.findIn(section, "h2");
      if (title === undefined || !(await app.text(title)).startsWith("In review: mine")) continue;
      const [first] = await app.findIn(section, ".queue-list [role=option]");
      if (first !== undefined) return first;
    }
    return undefined;
  }, "an article in “In review: mine”");
  await app.click(option);
  const [list] = await app.wd("POST", `/element/${option}/elements`, { using: "xpath", value: "./ancestor::ul[1]" }).then((found) =>
    found.map((e) => Object.values(e)[0]),
  );
  await app.type(list, Keys.ENTER);
  const body = await app.waitFor(".editor-screen .ProseMirror[contenteditable=true]", WAIT_MS);
  await app.waitForAttribute(".save-state", "data-state", "saved", WAIT_MS);
  const words = await app.execute(`return document.querySelector(".editor-counts")?.textContent.trim() ?? ""`);
  await app.click(body);
  if (SHOTS) await app.screenshot(join(SHOTS, "editor.png"));
  const samples = [];
  for (let i = 0; i < SAMPLES; i++) {
    await app.execute(RECORD_TYPING);
    await app.type(body, ` ${WORDS[i % WORDS.length]}`);
    const r = await app.executeAsync(WAIT_SAVED);
    if (r.error) throw new Error(`sample ${i + 1}: the save ended ${r.error}: ${JSON.stringify(r.states)}`);
    const last = Math.max(...r.keys);
    const saving = r.states.find((s) => s.at > last && s.state === "saving");
    const saved = r.states.find((s) => s.at > saving.at && s.state === "saved");
    samples.push({
      keys: r.keys.length,
      typing_ms: ms(last - Math.min(...r.keys)),
      key_to_frame_ms: r.frames.map(ms),
      last_key_to_saved_ms: ms(saved.at - last),
      last_key_to_saved_painted_ms: ms(r.painted - last),
      last_key_to_saving_ms: ms(saving.at - last),
      saving_to_saved_ms: ms(saved.at - saving.at),
      after_debounce_ms: ms(saved.at - last - DEBOUNCE_MS),
    });
    log(`keystroke sample ${i + 1}: ${samples[i].last_key_to_saved_ms} ms (saving → saved ${samples[i].saving_to_saved_ms} ms)`);
    // Let the save's echo (the file watcher's refresh of the queues and the editor) pass.
    await pause(700);
  }
  return { article_words: words, samples };
}

// ---- the run ----------------------------------------------------------------------------------

function stats(values) {
  const v = values.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (v.length === 0) return null;
  const at = (q) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))];
  return { n: v.length, min: v[0], median: at(0.5), max: v[v.length - 1] };
}

/** The empty app, launched as Copydesk is, its memory read once its page is painted and the
 * figure has stopped moving (two readings 2 s apart within 1 MB, at most 30 s). */
async function measureEmpty() {
  const app = await Session.start(driverUrl, EMPTY_APP);
  try {
    await until(async () => {
      try {
        return (await app.execute(`return document.readyState === "complete" && document.body.textContent.includes("Empty") || null;`)) ?? undefined;
      } catch {
        return undefined;
      }
    }, "the empty app's page", WAIT_MS);
    await app.painted();
    return await settledMemory(EMPTY_APP);
  } finally {
    await app.stop();
    await until(() => {
      try {
        appTree(EMPTY_APP);
        return false;
      } catch {
        return true;
      }
    }, "the empty app to exit", 30000);
  }
}

/**
 * Memory read every 2 s until two readings differ by less than 1 MB (at most 30 s): the rule the
 * empty app is read by, and Copydesk's "settled" figure, so the two are compared alike.
 */
async function settledMemory(binary) {
  let last = memory(binary);
  for (let i = 0; i < 15; i++) {
    await pause(2000);
    const now = memory(binary);
    const still = Math.abs(now.total_rss_mb - last.total_rss_mb) < 1;
    last = now;
    if (still) break;
  }
  return last;
}

/** Opens and closes the Desk's `articles` in turn until `total` have been opened in this launch. */
async function openUpTo(app, articles, done, total) {
  const times = [];
  for (let n = done; n < total; n++) times.push(await openAndClose(app, articles[n % articles.length].option));
  return times;
}

async function main() {
  log(`app ${application}, ${RUNS} launches, ${OPEN} articles each, ${SAMPLES} keystroke samples`);
  const launches = [];
  let typing = null;
  for (let run = 1; run <= RUNS; run++) {
    const { app, figures } = await launch();
    try {
      if (SHOTS && run === 1) await app.screenshot(join(SHOTS, "desk.png"));
      const atDesk = memory();
      const compositingOff = webProcessSwitch("WEBKIT_DISABLE_COMPOSITING_MODE");
      const scriptFootprintMode = webProcessSwitch("JSC_forceMiniVMMode");
      const otherVariables = Object.fromEntries(OTHER_START_VARIABLES.map((name) => [name, webProcessVariable(name)]));
      const articles = await deskArticles(app, OPEN);
      if (articles.length < OPEN) throw new Error(`only ${articles.length} articles on the Desk`);
      const opens = [];
      for (const a of articles) opens.push(await openAndClose(app, a.option));
      const mem = memory();
      const settled = await settledMemory(application);
      let long = null;
      if (run === RUNS && LONG > opens.length) {
        // As many distinct articles as the Desk lists (up to 100), opened in turn.
        const many = await deskArticles(app, Math.min(100, LONG));
        await openUpTo(app, many, opens.length, LONG);
        const after = memory();
        await pause(IDLE_MS);
        const idle = memory();
        long = {
          opened: LONG,
          distinct: many.length,
          total_rss_mb: after.total_rss_mb,
          total_pss_mb: after.total_pss_mb,
          after_idle_total_rss_mb: idle.total_rss_mb,
          after_idle_total_pss_mb: idle.total_pss_mb,
          memory: idle,
        };
        log(
          `after ${LONG} articles ${after.total_rss_mb} MB RSS, ${idle.total_rss_mb} MB after ${IDLE_MS / 1000} s idle` +
            " (what of it is kept, not garbage: scripts/measure-heap.sh)",
        );
      }
      launches.push({
        run,
        ...figures,
        webkit_compositing_disabled: compositingOff,
        jsc_footprint_mode: scriptFootprintMode,
        start_variables: otherVariables,
        opened: opens.length,
        open_article_median_ms: stats(opens.map((o) => o.open_ms)).median,
        open_article_max_ms: stats(opens.map((o) => o.open_ms)).max,
        memory_at_desk: { app_rss_mb: atDesk.app_rss_mb, webkit_rss_mb: atDesk.webkit_rss_mb, total_rss_mb: atDesk.total_rss_mb, total_pss_mb: atDesk.total_pss_mb },
        memory: mem,
        memory_settled: settled,
        long,
      });
      log(
        `run ${run} (load ${figures.load_average}): sign-in ${figures.launch_to_sign_in_client_ms} ms, Desk ${figures.launch_to_desk_client_ms} ms after launch; ` +
          `after ${opens.length} articles ${mem.total_rss_mb} MB RSS (app ${mem.app_rss_mb}, WebKit ${mem.webkit_rss_mb})`,
      );
      if (run === RUNS && SAMPLES > 0) typing = await keystrokes(app);
    } finally {
      await app.stop();
    }
    // The app and its WebKit processes are gone before the next launch.
    await until(() => {
      try {
        appTree();
        return false;
      } catch {
        return true;
      }
    }, "the app to exit", 30000);
    if (EMPTY_APP) {
      const empty = await measureEmpty();
      launches[launches.length - 1].empty_app = empty;
      log(`run ${run}: the empty app ${empty.total_rss_mb} MB RSS, ${empty.total_pss_mb} MB PSS`);
    }
  }

  // The first launch of a run starts with empty caches (a new XDG_CACHE_HOME: Mesa's shader
  // cache, WebKit's): it is reported apart, and the launch figures are those of the later ones.
  const pick = (key) => {
    const later = stats(launches.slice(1).map((l) => l[key]));
    return later ? { first: launches[0][key], ...later } : { first: launches[0][key], n: 0 };
  };
  const pickMem = (key) => stats(launches.map((l) => l.memory[key]));
  const pickSettled = (key) => stats(launches.map((l) => l.memory_settled[key]));
  const pickTyping = (key) => (typing ? stats(typing.samples.map((s) => s[key])) : null);
  const summary = {
    launch_to_sign_in_client_ms: pick("launch_to_sign_in_client_ms"),
    launch_to_sign_in_page_ms: pick("launch_to_sign_in_page_ms"),
    app_process_start_ms: pick("app_process_start_ms"),
    page_origin_ms: pick("page_origin_ms"),
    page_to_sign_in_in_dom_ms: pick("page_to_sign_in_in_dom_ms"),
    page_to_sign_in_ms: pick("page_to_sign_in_ms"),
    sign_in_click_to_desk_in_dom_ms: pick("sign_in_click_to_desk_in_dom_ms"),
    sign_in_click_to_desk_ms: pick("sign_in_click_to_desk_ms"),
    launch_to_desk_client_ms: pick("launch_to_desk_client_ms"),
    launch_to_desk_page_ms: pick("launch_to_desk_page_ms"),
    open_article_median_ms: pick("open_article_median_ms"),
    app_rss_mb: pickMem("app_rss_mb"),
    webkit_rss_mb: pickMem("webkit_rss_mb"),
    total_rss_mb: pickMem("total_rss_mb"),
    total_pss_mb: pickMem("total_pss_mb"),
    settled_total_rss_mb: pickSettled("total_rss_mb"),
    settled_total_pss_mb: pickSettled("total_pss_mb"),
    desk_total_rss_mb: stats(launches.map((l) => l.memory_at_desk.total_rss_mb)),
    empty_total_rss_mb: EMPTY_APP ? stats(launches.map((l) => l.empty_app.total_rss_mb)) : null,
    empty_total_pss_mb: EMPTY_APP ? stats(launches.map((l) => l.empty_app.total_pss_mb)) : null,
    last_key_to_saved_ms: pickTyping("last_key_to_saved_ms"),
    last_key_to_saving_ms: pickTyping("last_key_to_saving_ms"),
    saving_to_saved_ms: pickTyping("saving_to_saved_ms"),
    after_debounce_ms: pickTyping("after_debounce_ms"),
    key_to_frame_ms: typing ? stats(typing.samples.flatMap((s) => s.key_to_frame_ms)) : null,
  };
  const report = {
    app: application,
    when: new Date().toISOString(),
    runs: RUNS,
    user: USER,
    load_average_at_end: loadavg(),
    webkit_compositing_disabled: launches.map((l) => l.webkit_compositing_disabled),
    jsc_footprint_mode: launches.map((l) => l.jsc_footprint_mode),
    summary,
    launches,
    typing,
  };

  const rows = [
    ["launch → sign-in painted (client)", summary.launch_to_sign_in_client_ms, "ms"],
    ["launch → sign-in painted (page clock)", summary.launch_to_sign_in_page_ms, "ms"],
    ["  of which launch → app process started", summary.app_process_start_ms, "ms"],
    ["  of which launch → page start", summary.page_origin_ms, "ms"],
    ["  of which page start → sign-in in the DOM", summary.page_to_sign_in_in_dom_ms, "ms"],
    ["  of which page start → sign-in painted", summary.page_to_sign_in_ms, "ms"],
    ["sign-in click → Desk in the DOM (page)", summary.sign_in_click_to_desk_in_dom_ms, "ms"],
    ["sign-in click → Desk painted (page)", summary.sign_in_click_to_desk_ms, "ms"],
    ["launch → Desk painted, click incl. (client)", summary.launch_to_desk_client_ms, "ms"],
    ["launch → Desk painted, click incl. (page clock)", summary.launch_to_desk_page_ms, "ms"],
    [`open an article (median of ${OPEN})`, summary.open_article_median_ms, "ms"],
    ["RSS on the Desk, before opening any: total", summary.desk_total_rss_mb, "MB"],
    [`RSS after ${OPEN} articles: app`, summary.app_rss_mb, "MB"],
    [`RSS after ${OPEN} articles: WebKit`, summary.webkit_rss_mb, "MB"],
    [`RSS after ${OPEN} articles: total`, summary.total_rss_mb, "MB"],
    [`PSS after ${OPEN} articles: total`, summary.total_pss_mb, "MB"],
    [`RSS after ${OPEN} articles, settled as the empty app is: total`, summary.settled_total_rss_mb, "MB"],
    [`PSS after ${OPEN} articles, settled as the empty app is: total`, summary.settled_total_pss_mb, "MB"],
    ["the empty app: RSS total", summary.empty_total_rss_mb, "MB"],
    ["the empty app: PSS total", summary.empty_total_pss_mb, "MB"],
    ["last key → saved", summary.last_key_to_saved_ms, "ms"],
    ["last key → saving (debounce)", summary.last_key_to_saving_ms, "ms"],
    ["saving → saved", summary.saving_to_saved_ms, "ms"],
    [`last key → saved − ${DEBOUNCE_MS} ms`, summary.after_debounce_ms, "ms"],
    ["a key → the next frame (every key typed)", summary.key_to_frame_ms, "ms"],
  ];
  const lines = [
    "figure | first launch | median (min–max) | n",
    "---|---|---|---",
  ];
  for (const [name, s, unit] of rows) {
    if (!s) continue;
    const first = s.first !== undefined ? `${s.first} ${unit}` : "";
    const spread = s.n > 0 ? `${s.median} ${unit} (${s.min}–${s.max})` : "";
    lines.push(`${name} | ${first} | ${spread} | ${s.n}`);
  }
  lines.push("(launch figures: the median is of the launches after the first; the rest: of all)");
  const launchByLaunch = (list, on, off) => list.map((x) => (x === null ? "?" : x ? on : off)).join(", ");
  lines.push(`WebKit compositing: ${launchByLaunch(report.webkit_compositing_disabled, "off", "on")} (launch by launch)`);
  lines.push(`JavaScriptCore footprint mode: ${launchByLaunch(report.jsc_footprint_mode, "on", "off")} (launch by launch)`);
  const variableSets = new Set(
    launches.map((l) =>
      Object.entries(l.start_variables)
        .map(([name, value]) => `${name}=${value === undefined ? "(unset)" : value === null ? "?" : value}`)
        .join(", "),
    ),
  );
  lines.push(`the web process's other start settings: ${[...variableSets].join(" | ")}`);
  if (EMPTY_APP) {
    // Launch by launch, Copydesk after OPEN articles against the empty app measured right after it.
    // Three decimals: against a target of 1.2×, two would print 1.204× as "1.2×".
    const ratio = (reading, key) =>
      stats(launches.map((l) => Math.round((l[reading][key] / l.empty_app[key]) * 1000) / 1000));
    const spread = (s) => `${s.median}× (${s.min}–${s.max})`;
    report.ratio_to_empty = { total_rss: ratio("memory", "total_rss_mb"), total_pss: ratio("memory", "total_pss_mb") };
    report.settled_ratio_to_empty = {
      total_rss: ratio("memory_settled", "total_rss_mb"),
      total_pss: ratio("memory_settled", "total_pss_mb"),
    };
    lines.push(
      `after ${OPEN} articles against the empty app: RSS ${spread(report.ratio_to_empty.total_rss)}, PSS ${spread(report.ratio_to_empty.total_pss)}; ` +
        `settled: RSS ${spread(report.settled_ratio_to_empty.total_rss)}, PSS ${spread(report.settled_ratio_to_empty.total_pss)}`,
    );
  }
  const long = launches.find((l) => l.long)?.long;
  if (long) {
    const base = launches[launches.length - 1].memory;
    lines.push(
      `after ${long.opened} articles (${long.distinct} distinct): ${long.total_rss_mb} MB RSS, ${long.after_idle_total_rss_mb} MB after ${IDLE_MS / 1000} s idle, ` +
        `against ${base.total_rss_mb} MB after ${OPEN} (${Math.round((long.after_idle_total_rss_mb / base.total_rss_mb - 1) * 1000) / 10} %)`,
    );
  }
  console.log(lines.join("\n"));
  console.log(JSON.stringify(report));
  if (process.env.MEASURE_JSON) writeFileSync(process.env.MEASURE_JSON, `${JSON.stringify(report, null, 2)}\n`);
}

await main();
