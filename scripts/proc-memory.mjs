// What an app under tauri-driver holds in memory, read from /proc: its process (the one running
// the binary under the driver) and every process under it (WebKit's web and network processes),
// RSS and PSS, with the largest mappings of each. Shared by scripts/measure-app.mjs and
// scripts/measure-team.mjs.

import { mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";

// ---- processes --------------------------------------------------------------------------------

function processes() {
  const all = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      let exe = null;
      try {
        exe = readlinkSync(`/proc/${name}/exe`);
      } catch {
        // Another user's process, or gone.
      }
      all.set(Number(name), { pid: Number(name), comm, ppid, exe });
    } catch {
      // Gone meanwhile.
    }
  }
  return all;
}

function descendants(all, root) {
  const out = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift();
    for (const p of all.values()) {
      if (p.ppid === pid) {
        out.push(p);
        queue.push(p.pid);
      }
    }
  }
  return out;
}

/** kB of `field` in /proc/pid/`file` (VmRSS in status, Pss in smaps_rollup), or null. */
function kb(pid, file, field) {
  try {
    const m = readFileSync(`/proc/${pid}/${file}`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The app's process (the one running `binary` under tauri-driver `driverPid`, if given) and
 * every process under it. */
export function appTree(binary, driverPid = null) {
  const all = processes();
  const under = driverPid ? new Set(descendants(all, driverPid).map((p) => p.pid)) : null;
  const apps = [...all.values()].filter(
    (p) => p.exe !== null && p.exe.replace(/ \(deleted\)$/, "") === binary && (under === null || under.has(p.pid)),
  );
  if (apps.length !== 1) {
    throw new Error(`expected one ${binary} process${driverPid ? ` under tauri-driver (${driverPid})` : ""}, found ${apps.length}`);
  }
  const app = apps[0];
  return { app, children: descendants(all, app.pid) };
}

/** What takes the most resident memory in process `pid`: kB of RSS by mapped file (or [heap],
 * or "anonymous"), the `n` largest. */
function largestMappings(pid, n) {
  const by = new Map();
  let name = null;
  try {
    for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
      const header = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/);
      if (header) {
        name = header[1].trim() || "anonymous";
        continue;
      }
      const rss = line.match(/^Rss:\s+(\d+) kB/);
      if (rss && name !== null) by.set(name, (by.get(name) ?? 0) + Number(rss[1]));
    }
  } catch {
    return [];
  }
  return [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([mapping, kb]) => ({ mapping, rss_kb: kb }));
}

/** With MEASURE_SMAPS set to a folder, every reading also keeps each process's whole
 * /proc/pid/smaps there (`<reading>-<comm>-<pid>.smaps`), for finding where memory sits. */
let readings = 0;
function keepSmaps(procs) {
  const dir = process.env.MEASURE_SMAPS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  readings += 1;
  for (const p of procs) {
    try {
      // Read, not copied: /proc files say they are empty, and a copy would be.
      const smaps = readFileSync(`/proc/${p.pid}/smaps`, "utf8");
      writeFileSync(`${dir}/${String(readings).padStart(2, "0")}-${p.comm.replace(/\W/g, "_")}-${p.pid}.smaps`, smaps);
    } catch {
      // Gone meanwhile.
    }
  }
}

/** The memory of `binary`'s app and the processes under it, in MB, with each process's figures. */
export function memory(binary, driverPid = null) {
  const { app, children } = appTree(binary, driverPid);
  keepSmaps([app, ...children]);
  const read = (p) => ({
    pid: p.pid,
    comm: p.comm,
    rss_kb: kb(p.pid, "status", "VmRSS"),
    pss_kb: kb(p.pid, "smaps_rollup", "Pss"),
    largest: largestMappings(p.pid, 8),
  });
  const mine = read(app);
  const others = children.map(read);
  const sum = (list, field) => list.reduce((s, p) => s + (p[field] ?? 0), 0);
  const webkit = others.filter((p) => p.comm.startsWith("WebKit"));
  const rest = others.filter((p) => !p.comm.startsWith("WebKit"));
  const mb = (k) => Math.round((k / 1024) * 10) / 10;
  return {
    processes: [mine, ...others],
    app_rss_mb: mb(mine.rss_kb ?? 0),
    webkit_rss_mb: mb(sum(webkit, "rss_kb")),
    other_rss_mb: mb(sum(rest, "rss_kb")),
    total_rss_mb: mb((mine.rss_kb ?? 0) + sum(others, "rss_kb")),
    app_pss_mb: mb(mine.pss_kb ?? 0),
    webkit_pss_mb: mb(sum(webkit, "pss_kb")),
    total_pss_mb: mb((mine.pss_kb ?? 0) + sum(others, "pss_kb")),
  };
}
