// The screenshots in README.md and docs/screens.md: the real app (debug build, under Xvfb) on the
// sample desk, at 1400×900, signed in as the sample's chief. Not a test: run it through the
// end-to-end harness, which starts Xvfb, tauri-driver and a new desk file:
//
//   scripts/e2e.sh scripts/screenshots.mjs        # writes docs/screenshots/*.png
//
// SHOTS_DIR  where the PNGs go (default docs/screenshots)
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { Session, until } from "../tests/e2e/webdriver.mjs";

const out = resolve(process.env.SHOTS_DIR ?? "docs/screenshots");
const cli = resolve(process.env.COPYDESK_CLI ?? "target/debug/copydesk");
let app;

/** The page has drawn what it was asked for: two animation frames after the last change. */
const settled = () => app.painted();

async function goTo(screen) {
  await app.clickText("nav button, nav a", screen);
  await settled();
}

describe("screenshots of the sample desk", () => {
  before(
    async () => {
      execFileSync(cli, ["--db", process.env.E2E_DESK, "demo"]);
      app = await Session.start(process.env.TAURI_DRIVER_URL, resolve(process.env.COPYDESK_APP));
    },
    { timeout: 120000 },
  );
  after(async () => {
    await app?.stop().catch(() => {});
  });

  it("Desk, calendar and editor", { timeout: 300000 }, async () => {
    await app.wd("POST", "/window/rect", { width: 1400, height: 900, x: 0, y: 0 }).catch(() => {});
    await until(async () => {
      for (const b of await app.find("button.person")) {
        if ((await app.text(b)).includes("Chief Editor")) {
          await app.click(b);
          return true;
        }
      }
      return undefined;
    }, "the sample's chief on the sign-in screen");
    await app.waitFor(".queue h2");
    await app.waitForNone("[aria-busy=true]");
    await settled();
    await app.screenshot(join(out, "desk.png"));

    await goTo("Calendar");
    await app.waitFor(".calendar-frame[aria-busy=false]");
    await app.waitFor(".calendar-tray");
    await settled();
    await app.screenshot(join(out, "calendar.png"));
    await app.clickText(".ec-button, .ec-toolbar button", "Week");
    await settled();
    await app.screenshot(join(out, "calendar-week.png"));

    // A piece in review: the workflow panel with what approval still needs.
    await goTo("Desk");
    const inReview = await app.invokeOk("list_articles", { input: { filter: { state: "in_review" }, after: null, limit: 1 } });
    const piece = inReview.items[0];
    if (!piece) throw new Error("the sample desk has no piece in review");
    // Opened as an editor does: a double click on its line in the Desk.
    await until(
      () =>
        app.execute(
          `if (document.querySelector(".workflow")) return true;
           const line = [...document.querySelectorAll(".queue-list [role=option]")].find((o) => o.textContent.includes(arguments[0]));
           line?.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
           return null;`,
          [piece.headline],
        ),
      "the editor to open on a piece in review",
    );
    await settled();
    await app.screenshot(join(out, "editor.png"));
  });
});
