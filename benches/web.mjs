// Timings and CPU of the browser version in headless Chromium (software
// WebGL2), for benches/web.sh: BASE/game/ is the game, BASE/baseline/ an
// empty Bevy + bevy_egui app. CPU is summed over every Chromium process on
// the machine (browser, renderer, GPU), so run nothing else meanwhile.
//
//   TOOLS=DIR node benches/web.mjs BASE [--game-only]
//
// --game-only leaves the empty app out (BASE/baseline/ need not exist).

import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const { chromium } = createRequire(`${process.env.TOOLS || "."}/`)("playwright-core");
const base = process.argv[2];
const withBaseline = process.argv[3] !== "--game-only";
const TICKS = 100; // clock ticks a second in /proc/PID/stat

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

/** CPU ticks used so far by every Chromium process. */
function chromiumTicks() {
  let sum = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!/chrom/i.test(name)) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      sum += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return sum;
}

async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return { context, page: await context.newPage() };
}

/** Milliseconds from navigation to the first frame (and to the title). */
async function startup(path, title) {
  const { context, page } = await fresh();
  const started = Date.now();
  const firstFrame = new Promise((resolve, reject) => {
    page.on("console", (m) => /first frame/.test(m.text()) && resolve(Date.now() - started));
    setTimeout(() => reject(new Error(`${path}: no first frame in 120 s`)), 120000);
  });
  await page.goto(`${base}/${path}`);
  const frame = await firstFrame;
  let shown;
  if (title) {
    await page.waitForFunction(
      () => document.body.dataset.screen === "title" && document.body.dataset.content === "ready",
      null,
      { timeout: 120000, polling: 50 },
    );
    shown = Date.now() - started;
  }
  await context.close();
  return { frame, shown };
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Share of one core over `seconds`, after `settle` seconds at `path`. */
async function cpu(path, settle, seconds = 10) {
  const { context, page } = await fresh();
  await page.goto(`${base}/${path}`);
  await page.waitForTimeout(settle * 1000);
  const before = chromiumTicks();
  await page.waitForTimeout(seconds * 1000);
  const used = chromiumTicks() - before;
  await context.close();
  return `${((100 * used) / TICKS / seconds).toFixed(1)} % of a core`;
}

const game = [];
const baseline = [];
for (let i = 0; i < 3; i++) {
  game.push(await startup("game/", true));
  if (withBaseline) baseline.push(await startup("baseline/", false));
}
console.log("");
console.log("| in headless Chromium, median of 3 | first frame | title screen |");
console.log("| --- | --- | --- |");
console.log(`| game | ${median(game.map((r) => r.frame))} ms | ${median(game.map((r) => r.shown))} ms |`);
if (withBaseline) {
  console.log(`| empty Bevy + bevy_egui | ${median(baseline.map((r) => r.frame))} ms | – |`);
}
console.log("");
console.log("| Chromium's CPU over 10 s | share |");
console.log("| --- | --- |");
console.log(`| reading a still line (chief's office) | ${await cpu("game/?lang=de&autostart&start=@ch1_morning", 15)} |`);
console.log(`| the emergency department's monitor | ${await cpu("game/?lang=de&autostart&start=@ch2_emergency", 10)} |`);
console.log(`| a phase running | ${await cpu("game/?lang=de&autostart&start=@ch3_theatre.t_debride_radical", 6)} |`);
if (withBaseline) {
  console.log(`| empty Bevy + bevy_egui, flat out | ${await cpu("baseline/", 10)} |`);
}
await browser.close();
