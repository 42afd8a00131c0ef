// A second tauri-driver on the display scripts/e2e.sh started, for a test with two windows at
// once (two people on one team desk): WebKitWebDriver takes one session at a time, so each
// window needs a driver of its own. Its app gets folders of its own (config, data, cache), as a
// second computer would. `stop` ends the driver and everything it started.

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { until } from "./webdriver.mjs";

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** The processes of session `sid` (the driver's: it leads a session of its own). */
function inSession(sid) {
  const out = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[3]) === sid) out.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** Starts a driver whose app keeps its folders under `folder`; answers its URL and `stop`. */
export async function startSecondDriver(folder) {
  const driver = process.env.E2E_TAURI_DRIVER;
  const display = process.env.E2E_X_DISPLAY;
  if (!driver || !display) throw new Error("a second window needs scripts/e2e.sh (E2E_TAURI_DRIVER, E2E_X_DISPLAY)");
  const [port, nativePort] = [await freePort(), await freePort()];
  for (const sub of ["config", "data", "cache"]) mkdirSync(join(folder, sub), { recursive: true });
  const env = { ...process.env, DISPLAY: display, GDK_BACKEND: "x11", NO_AT_BRIDGE: "1" };
  for (const name of ["DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY", "COPYDESK_DB", "COPYDESK_CLOCK_FILE"]) delete env[name];
  Object.assign(env, {
    XDG_CONFIG_HOME: join(folder, "config"),
    XDG_DATA_HOME: join(folder, "data"),
    XDG_CACHE_HOME: join(folder, "cache"),
    // Two windows on one team desk are two instances of the app.
    COPYDESK_INSTANCE: "second",
  });
  // Detached: a session of its own, so that stopping it stops everything it started.
  const child = spawn(driver, ["--port", String(port), "--native-port", String(nativePort)], {
    env,
    detached: true,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await until(async () => {
    try {
      return (await fetch(`${url}/status`)).ok || undefined;
    } catch {
      return undefined;
    }
  }, `the second tauri-driver on ${url}`);
  return {
    url,
    async stop() {
      for (const pid of inSession(child.pid)) {
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // Gone meanwhile.
        }
      }
      await until(() => inSession(child.pid).length === 0 || undefined, "the second driver's processes to end", 10000).catch(() => {
        for (const pid of inSession(child.pid)) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // Gone meanwhile.
          }
        }
      });
    },
  };
}
