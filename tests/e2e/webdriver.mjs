// A small W3C WebDriver client for driving the real app through tauri-driver: Node 20's `fetch`,
// no packages. Every wait polls until a deadline and fails with a message that says what it was
// waiting for; nothing sleeps to let time pass.
//
// tauri-driver facts this relies on (see src-tauri/README.md):
// - a session is `POST /session` with `tauri:options.application` and NO `browserName`
//   (WebKitWebDriver refuses a session naming a browser it does not know);
// - the app inherits tauri-driver's environment (COPYDESK_DB, DISPLAY, NO_AT_BRIDGE);
// - `DELETE /session/{id}` closes the app.

import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** WebDriver key codes. */
export const Keys = {
  ENTER: "\uE007",
  ESCAPE: "\uE00C",
  TAB: "\uE004",
  BACKSPACE: "\uE003",
  CONTROL: "\uE009",
  END: "\uE010",
  /** Releases the modifier keys pressed earlier in the same sequence. */
  NULL: "\uE000",
};

/** How long a wait lasts unless told otherwise: generous, since CI machines are slow. */
export const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 30000);
const POLL_MS = 100;

/** Whether `text` has `wanted`: a string it includes, or a RegExp it matches. */
export const says = (text, wanted) => (wanted instanceof RegExp ? wanted.test(text) : text.includes(wanted));

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Errors a moment later may not have: the page re-rendered under us, or is still laying out. */
const TRANSIENT = new Set([
  // The page is being unloaded (a reload the test asked for): its frame is back once it loads.
  "no such frame",
  "stale element reference",
  "no such element",
  "element not interactable",
  "element click intercepted",
]);

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path} → ${status} ${value?.error ?? ""}: ${value?.message ?? JSON.stringify(value)}`);
    this.error = value?.error;
  }
}

/** Polls `probe` until it returns something other than undefined/false/null. */
export async function until(probe, what, timeoutMs = TIMEOUT_MS) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false && value !== null) return value;
      last = undefined;
    } catch (e) {
      if (!(e instanceof WebDriverError && TRANSIENT.has(e.error))) throw e;
      last = e;
    }
    if (Date.now() > end) {
      throw new Error(`waited ${timeoutMs / 1000} s for ${what}${last ? ` (last: ${last.message})` : ""}`);
    }
    await pause(POLL_MS);
  }
}

export class Session {
  constructor(driverUrl, id) {
    this.driverUrl = driverUrl;
    this.id = id;
  }

  /** Starts the app at `application` and returns its session. */
  /** Starts `application` (with its command-line `args`, if any) in a new session. */
  static async start(driverUrl, application, args = []) {
    const options = args.length > 0 ? { application, args } : { application };
    const value = await request(driverUrl, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": options } },
    });
    return new Session(driverUrl, value.sessionId);
  }

  /** Closes the app. */
  async stop() {
    await this.wd("DELETE", "");
  }

  wd(method, path, body) {
    return request(this.driverUrl, method, `/session/${this.id}${path}`, body);
  }

  // ---- finding --------------------------------------------------------------------------------

  async find(css) {
    const found = await this.wd("POST", "/elements", { using: "css selector", value: css });
    return found.map((e) => e[ELEMENT]);
  }

  /** The elements matching `css` inside element `parent`. */
  async findIn(parent, css) {
    const found = await this.wd("POST", `/element/${parent}/elements`, { using: "css selector", value: css });
    return found.map((e) => e[ELEMENT]);
  }

  /** Every element matching `css`, once there is at least one. */
  waitForAll(css, timeoutMs) {
    return until(async () => {
      const ids = await this.find(css);
      return ids.length > 0 ? ids : undefined;
    }, `something matching ${css}`, timeoutMs);
  }

  async waitFor(css, timeoutMs) {
    return (await this.waitForAll(css, timeoutMs))[0];
  }

  /** Waits until nothing matches `css` (a form closed, a button went away). */
  waitForNone(css, timeoutMs) {
    return until(async () => (await this.find(css)).length === 0, `nothing to match ${css}`, timeoutMs);
  }

  /** The first element matching `css` whose visible text has `wanted` (a string in it, or a RegExp). */
  waitForText(css, wanted, timeoutMs) {
    return until(async () => {
      for (const id of await this.find(css)) {
        if (says(await this.text(id), wanted)) return id;
      }
      return undefined;
    }, `a ${css} saying “${wanted}”`, timeoutMs);
  }

  /** The texts of every element matching `css` (possibly none). */
  async texts(css) {
    const out = [];
    for (const id of await this.find(css)) out.push(await this.text(id));
    return out;
  }

  // ---- reading --------------------------------------------------------------------------------

  text(id) {
    return this.wd("GET", `/element/${id}/text`);
  }

  attribute(id, name) {
    return this.wd("GET", `/element/${id}/attribute/${encodeURIComponent(name)}`);
  }

  property(id, name) {
    return this.wd("GET", `/element/${id}/property/${encodeURIComponent(name)}`);
  }

  enabled(id) {
    return this.wd("GET", `/element/${id}/enabled`);
  }

  /** Waits until the `name` attribute of the first `css` match is `wanted`; returns the element. */
  waitForAttribute(css, name, wanted, timeoutMs) {
    return until(async () => {
      const [id] = await this.find(css);
      if (id === undefined) return undefined;
      return (await this.attribute(id, name)) === wanted ? id : undefined;
    }, `${css} with ${name}="${wanted}"`, timeoutMs);
  }

  // ---- acting ---------------------------------------------------------------------------------

  click(id) {
    return this.wd("POST", `/element/${id}/click`, {});
  }

  /** Finds the first enabled `css` saying `wanted` and clicks it, again if the page re-renders. */
  clickText(css, wanted, timeoutMs) {
    return until(async () => {
      for (const id of await this.find(css)) {
        if (!says(await this.text(id), wanted)) continue;
        if (!(await this.enabled(id))) continue;
        await this.click(id);
        return id;
      }
      return undefined;
    }, `an enabled ${css} saying “${wanted}” to click`, timeoutMs);
  }

  /** Clicks the first `css` match, waiting for it to exist and to take the click. */
  clickOn(css, timeoutMs) {
    return until(async () => {
      const [id] = await this.find(css);
      if (id === undefined) return undefined;
      await this.click(id);
      return id;
    }, `${css} to click`, timeoutMs);
  }

  /** Types `text` into the element (real key events: input handlers fire). */
  type(id, text) {
    return this.wd("POST", `/element/${id}/value`, { text });
  }

  clear(id) {
    return this.wd("POST", `/element/${id}/clear`, {});
  }

  /**
   * Waits for the field, empties it and types `text` into it; again if the field then holds
   * something else (the page refilled it meanwhile).
   */
  fill(css, text, timeoutMs) {
    return until(async () => {
      const [id] = await this.find(css);
      if (id === undefined) return undefined;
      await this.clear(id);
      await this.type(id, text);
      return (await this.property(id, "value")) === text ? id : undefined;
    }, `${css} to hold “${text}”`, timeoutMs);
  }

  /**
   * Drags with the mouse from (x, y), in the window's coordinates, by (dx, dy) pixels, in small
   * moves as a hand would, so that libraries waiting for a drag threshold see one.
   */
  async drag(x, y, dx, dy) {
    const steps = 8;
    const at = (i) => ({
      type: "pointerMove",
      duration: 40,
      origin: "viewport",
      x: Math.round(x + (dx * i) / steps),
      y: Math.round(y + (dy * i) / steps),
    });
    const moves = [];
    for (let i = 1; i <= steps; i++) moves.push(at(i));
    await this.wd("POST", "/actions", {
      actions: [
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [
            { ...at(0), duration: 0 },
            { type: "pointerDown", button: 0 },
            { type: "pause", duration: 100 },
            ...moves,
            { type: "pause", duration: 100 },
            { type: "pointerUp", button: 0 },
          ],
        },
      ],
    });
    await this.wd("DELETE", "/actions");
  }

  /** Presses keys on whatever has focus (a page-wide shortcut, say). */
  async pressKeys(text) {
    const actions = [];
    for (const key of text) actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
    await this.wd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.wd("DELETE", "/actions");
  }

  // ---- the page -------------------------------------------------------------------------------

  execute(script, args = []) {
    return this.wd("POST", "/execute/sync", { script, args });
  }

  executeAsync(script, args = []) {
    return this.wd("POST", "/execute/async", { script, args });
  }

  /**
   * Calls an app command straight from the page, as any script in it could: `{ ok: value }` or
   * `{ error: { code, message } }`.
   */
  invoke(command, args = {}) {
    return this.executeAsync(
      `const [command, args, done] = arguments;
       window.__TAURI_INTERNALS__.invoke(command, args).then((v) => done({ ok: v ?? null }), (e) => done({ error: e }));`,
      [command, args],
    );
  }

  /** Like `invoke`, but a refusal throws, naming the command. */
  async invokeOk(command, args = {}) {
    const result = await this.invoke(command, args);
    if (result.error !== undefined) {
      throw new Error(`${command} was refused: ${JSON.stringify(result.error)}`);
    }
    return result.ok;
  }

  /** Scrolls element `id` into the middle of the window. */
  scrollIntoView(id) {
    return this.execute(`arguments[0].scrollIntoView({ block: "center" });`, [{ [ELEMENT]: id }]);
  }

  /** Scrolls the page back to its top. */
  scrollToTop() {
    return this.execute(`document.scrollingElement?.scrollTo(0, 0);`);
  }

  /** Resolves once what is on the page has been painted (a screenshot at once may be blank). */
  painted() {
    return this.executeAsync(
      `const done = arguments[0];
       document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(null))));`,
    );
  }

  // ---- the app's own screens -------------------------------------------------------------------

  /** Waits for the editor's bar to show `label` as the article's state (CSS upper-cases it). */
  waitForState(label) {
    return until(async () => {
      for (const text of await this.texts(".editor-bar .state")) {
        if (text.toLowerCase().includes(label.toLowerCase())) return true;
      }
      return false;
    }, `the article's state to read “${label}”`);
  }

  /** Goes to a screen of the masthead's ("Desk", "Calendar"…). */
  goTo(screen) {
    return this.clickText("nav button, nav a", screen);
  }

  /** `headline`'s line in the Desk queue titled `queue` (its title starts so): the list and line. */
  queueItem(queue, headline) {
    return until(async () => {
      for (const section of await this.find(".queue")) {
        const [title] = await this.findIn(section, "h2");
        if (title === undefined || !(await this.text(title)).startsWith(queue)) continue;
        const [list] = await this.findIn(section, ".queue-list");
        for (const option of await this.findIn(section, ".queue-list [role=option]")) {
          if ((await this.text(option)).includes(headline)) return { list, option };
        }
      }
      return undefined;
    }, `“${headline}” in the Desk's “${queue}” queue`);
  }

  /** Opens `headline` from the Desk queue titled `queue` (a click highlights it, Enter opens
   * it), and waits for the editor and its workflow panel to have loaded. */
  async openFromQueue(queue, headline) {
    await this.goTo("Desk");
    await until(async () => {
      const { list, option } = await this.queueItem(queue, headline);
      await this.click(option);
      await this.type(list, Keys.ENTER);
      return true;
    }, `“${headline}” to open from the “${queue}” queue`);
    await until(async () => {
      const [field] = await this.find("#headline");
      return field !== undefined && (await this.property(field, "value")) === headline;
    }, `the editor to open “${headline}”`);
    await this.waitFor(".workflow .moves > li, .workflow > p.muted, .workflow > p.error");
    const problems = await this.texts(".workflow > p.error");
    if (problems.length > 0) throw new Error(`the workflow panel shows an error: ${problems.join("; ")}`);
  }

  /** Starts a new article from the Desk: `n` asks for a headline (pressed again if the Desk was
   * not listening yet), Enter opens the draft; answers the body's editor. */
  async newArticle(headline) {
    await until(async () => {
      if ((await this.find("#new-headline")).length > 0) return true;
      await this.pressKeys("n");
      return false;
    }, "`n` to open the new article form");
    await this.fill("#new-headline", headline);
    await this.type(await this.waitFor("#new-headline"), Keys.ENTER);
    return this.waitFor(".ProseMirror");
  }

  /** Saves a PNG of the window to `path`. */
  async screenshot(path) {
    await this.painted();
    // WebKit takes the screenshot at the page's next paint. Without accelerated compositing (the
    // app's choice without a GPU, as under Xvfb) a page with nothing changing paints no more, and
    // the request would wait for ever: an invisible pixel is added and removed until it is taken.
    await this.execute(`
      const dot = document.createElement("div");
      dot.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;pointer-events:none";
      const timer = setInterval(() => (dot.isConnected ? dot.remove() : document.body.append(dot)), 50);
      window.__e2eStopNudge = () => { clearInterval(timer); dot.remove(); };`);
    let png;
    try {
      png = await this.wd("GET", "/screenshot");
    } finally {
      await this.execute("window.__e2eStopNudge?.();");
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.from(png, "base64"));
    return path;
  }
}

async function request(driverUrl, method, path, body) {
  let response;
  try {
    response = await fetch(`${driverUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new Error(`${method} ${path}: tauri-driver at ${driverUrl} did not answer (${e.cause?.code ?? e.message})`);
  }
  const raw = await response.text();
  let json;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${method} ${path} → ${response.status}: not JSON: ${raw.slice(0, 300)}`);
  }
  if (!response.ok) {
    throw new WebDriverError(method, path, response.status, json.value);
  }
  return json.value;
}
