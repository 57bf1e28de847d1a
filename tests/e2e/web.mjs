// The browser version in a real browser: Debian's Chromium, driven by
// playwright-core, with software WebGL2 (SwiftShader). Plays as a person
// would: waits for the title screen, switches the language, starts a game,
// reads on, makes a choice, quicksaves with F5, reloads, finds the language
// kept and Continue first on the title, takes it with Enter and finds the
// saved line on screen again (by its id and by its pixels), exports the
// save as a file and imports it into a slot; then the
// same on a phone, by touch, upright and on its side; then two whole
// games, to her death (the last option nearly everywhere) and to her
// recovery (the first everywhere), each with the end box, the case review
// and the flowchart, and after the first chapter select on the title,
// which plays a chapter again. Screenshots go to OUTDIR; any console error
// or uncaught exception fails the run.
//
//   TOOLS=DIR node tests/e2e/web.mjs URL OUTDIR
//
// with playwright-core installed under DIR/node_modules (`./dev web` puts
// it there, outside the clone).
// The game tells its state in attributes on <body> (src/web.rs):
// data-content, data-screen, data-lang, data-beat, data-page.

import { createRequire } from "node:module";

const { chromium } = createRequire(`${process.env.TOOLS || "."}/`)("playwright-core");

const [url, out] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: node tests/e2e/web.mjs URL OUTDIR");
  process.exit(2);
}

const problems = [];
const timings = {};

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
    "--autoplay-policy=user-gesture-required",
  ],
});

function step(text) {
  console.log(`web: ${text}`);
}

/** A page that reports console errors and crashes as problems. */
async function open(context, name) {
  const page = await context.newPage();
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error") problems.push(`${name}: console error: ${text}`);
    if (/panicked at/.test(text)) problems.push(`${name}: panic: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`${name}: uncaught: ${error.message}`));
  page.on("crash", () => problems.push(`${name}: the page crashed`));
  return page;
}

const body = (page, name) => page.evaluate((n) => document.body.dataset[n] ?? "", name);

/** Waits until `predicate(arg)` holds in the page; fails naming `what`. */
async function until(page, what, predicate, seconds = 60, arg = null) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: seconds * 1000, polling: 100 });
  } catch {
    const state = await page.evaluate(() => JSON.stringify(document.body.dataset));
    throw new Error(`${what} did not happen within ${seconds} s (page state ${state})`);
  }
}

/** Loads the page (at `address`) and waits for the title screen with its
 * story ready. */
async function toTitle(page, address = url) {
  const started = Date.now();
  let firstFrame;
  page.on("console", (message) => {
    if (firstFrame === undefined && /first frame/.test(message.text())) {
      firstFrame = Date.now() - started;
    }
  });
  await page.goto(address);
  await until(
    page,
    "the title screen",
    () => document.body.dataset.screen === "title" && document.body.dataset.content === "ready",
    120,
  );
  return { firstFrame, title: Date.now() - started };
}

/** Presses `key` until the beat is no longer `beat`. */
async function pressUntilBeatChanges(page, key, beat) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
    if ((await body(page, "beat")) !== beat) return;
  }
  throw new Error(`${key} did not move the story on from ${beat}`);
}

/** Presses `key` and waits until the beat is no longer `beat`, pressing
 * again only while it still stays after a wait (the software renderer
 * draws slowly; a second press must not land on the next beat). */
async function moveOn(page, key, beat) {
  for (let i = 0; i < 15; i++) {
    if ((await body(page, "beat")) !== beat) return;
    await page.keyboard.press(key);
    try {
      await page.waitForFunction((b) => document.body.dataset.beat !== b, beat, { timeout: 2000, polling: 25 });
      return;
    } catch {
      // Not yet: look again, and press again if it still stands.
    }
  }
  throw new Error(`${key} did not move the story on from ${beat}`);
}

/** Plays on to an ending: Space at lines and phases, and at a choice the
 * option `pick(scene, options)` names (by id, from `data-beat`); returns
 * the ending and how many choices were made. */
async function playToEnd(page, pick) {
  let choices = 0;
  for (let beats = 0; beats < 3000; beats++) {
    const beat = await body(page, "beat");
    if (beat.startsWith("ended ")) return { ending: beat.slice("ended ".length), choices };
    if (beat.startsWith("choices ")) {
      const [, at, ids] = beat.split(" ");
      const options = ids.split(",");
      const number = options.indexOf(pick(at.split(".")[0], options)) + 1;
      await moveOn(page, `Digit${number}`, beat);
      choices++;
    } else {
      await moveOn(page, "Space", beat);
    }
  }
  throw new Error("no ending after 3000 beats");
}

/** Presses `keys` one after another, a little apart. */
async function press(page, ...keys) {
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
  }
}

/** Opens the title's item that opens `name` (a menu page), counting from
 * the first: Continue comes first only when there is a game to go on
 * with, so the page that opens tells which item the keys reached. */
async function openFromTitle(page, name, downs) {
  await press(page, ...Array(downs).fill("ArrowDown"), "Enter");
  await until(page, "a page", () => document.body.dataset.page !== "none", 10);
  if ((await body(page, "page")) !== name) {
    await press(page, "Escape");
    await until(page, "the title again", () => document.body.dataset.page === "none", 10);
    await press(page, "ArrowDown", "Enter");
  }
  await until(page, `the ${name} page`, (n) => document.body.dataset.page === n, 10, name);
}

/** Reads on (Space, or a tap at `tap`) until a choice is open. */
async function readToChoice(page, tap) {
  for (let lines = 0; lines < 80; lines++) {
    const beat = await body(page, "beat");
    if (beat.startsWith("choices ")) return beat;
    if (!beat.startsWith("line ")) throw new Error(`no line and no choice but ${beat}`);
    if (tap) {
      for (let i = 0; i < 20 && (await body(page, "beat")) === beat; i++) {
        await page.touchscreen.tap(tap.x, tap.y);
        await page.waitForTimeout(150);
      }
      if ((await body(page, "beat")) === beat) throw new Error(`tapping did not move on from ${beat}`);
    } else {
      await pressUntilBeatChanges(page, "Space", beat);
    }
  }
  throw new Error("no choice after 80 lines");
}

/** The dialogue box at 1280×720: 1100×190 at the bottom centre. */
const BOX = { x: 110, y: 526, width: 1060, height: 150 };
/** On the Load screen at 1280×720 with an autosave and a quicksave: the
 * quicksave's export button and the import button. */
const QUICKSAVE_EXPORT = { x: 463, y: 333 };
const IMPORT = { x: 418, y: 695 };
/** Milliseconds for a line to be typed out. */
const TYPED_OUT = 6000;

/** Goes on (Space at a line, 1 at a choice) until a line is shown. */
async function toLine(page) {
  for (let i = 0; i < 40; i++) {
    const beat = await body(page, "beat");
    if (beat.startsWith("line ")) return beat;
    await pressUntilBeatChanges(page, beat.startsWith("choices ") ? "Digit1" : "Space", beat);
  }
  throw new Error("no line within 40 beats");
}

/** How many pixels of two PNGs (base64) differ by more than a little; runs
 * in the page, which can decode pictures. */
async function pixelsDiffering([a, b]) {
  const pixels = async (data) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height).data;
  };
  const [one, two] = [await pixels(a), await pixels(b)];
  let differing = 0;
  for (let i = 0; i < one.length; i += 4) {
    const most = Math.max(...[0, 1, 2].map((c) => Math.abs(one[i + c] - two[i + c])));
    if (most > 32) differing++;
  }
  return differing;
}

async function shot(page, name) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`web: ${name}.png`);
}

try {
  // The desktop size, with a mouse and keyboard.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  let page = await open(desk, "1280x720");
  step("loading the page");
  const times = await toTitle(page);
  timings.firstFrame = times.firstFrame;
  timings.title = times.title;
  step(`title screen after ${times.title} ms (first frame after ${times.firstFrame} ms)`);
  await shot(page, "title");

  const before = await body(page, "lang");
  const target = before === "de" ? "en" : "de";
  // The language row of the title screen (new game, load, settings, then
  // the languages): Deutsch | English.
  const at = target === "en" ? { x: 746, y: 471 } : { x: 636, y: 471 };
  step(`switching the language from ${before} to ${target}`);
  await page.mouse.click(at.x, at.y);
  await until(page, `the language ${target}`, (t) => document.body.dataset.lang === t, 10, target);
  await shot(page, "title-switched");

  step("starting a game with Enter");
  await page.keyboard.press("Enter");
  await until(page, "the first line", () => document.body.dataset.beat.startsWith("line "), 30);
  await shot(page, "line");
  const first = await body(page, "beat");
  step(`reading on from ${first}`);
  await pressUntilBeatChanges(page, "Space", first);
  const choice = await readToChoice(page);
  await shot(page, "choice");
  step(`choosing option 1 at ${choice}`);
  await pressUntilBeatChanges(page, "Digit1", choice);
  step(`the story went on to ${await body(page, "beat")}`);

  // F5 saves into localStorage: after a reload the title's first button is
  // Continue, Enter takes it, and the same line is on screen again.
  const saved = await toLine(page);
  await page.waitForTimeout(TYPED_OUT);
  step(`quicksaving at ${saved} with F5`);
  await page.keyboard.press("F5");
  await until(page, "the quicksave in localStorage", () => localStorage.getItem("famulant.save.quick.ron") !== null, 10);
  const savedBox = await page.screenshot({ clip: BOX });

  step("reloading the page");
  await page.reload();
  await until(
    page,
    "the title screen after the reload",
    () => document.body.dataset.screen === "title" && document.body.dataset.content === "ready",
    120,
  );
  const kept = await body(page, "lang");
  if (kept !== target) problems.push(`the language was not kept: ${kept} after a reload, not ${target}`);
  step(`after the reload the language is ${kept}`);
  await shot(page, "title-continue");
  step("taking Continue with Enter");
  await page.keyboard.press("Enter");
  await until(page, `the saved line ${saved}`, (b) => document.body.dataset.beat === b, 30, saved);
  await page.waitForTimeout(TYPED_OUT);
  const continuedBox = await page.screenshot({ clip: BOX });
  const differing = await page.evaluate(pixelsDiffering, [savedBox.toString("base64"), continuedBox.toString("base64")]);
  step(`continued at ${await body(page, "beat")}: ${differing} pixels of the dialogue box differ from when it was saved`);
  if (differing > 1500) problems.push(`Continue did not bring back the saved line: ${differing} pixels differ`);
  await shot(page, "continued");

  // The Load screen (the pause menu's third item) exports the quicksave as
  // a file and imports it again into the first empty slot.
  for (const key of ["Escape", "ArrowDown", "ArrowDown", "Enter"]) {
    await page.keyboard.press(key);
    await page.waitForTimeout(400);
  }
  await shot(page, "load-page");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 10000 }),
    page.mouse.click(QUICKSAVE_EXPORT.x, QUICKSAVE_EXPORT.y),
  ]);
  const exported = await (await import("node:fs/promises")).readFile(await download.path(), "utf8");
  step(`exported ${download.suggestedFilename()}: ${exported.length} characters`);
  if (exported !== (await page.evaluate(() => localStorage.getItem("famulant.save.quick.ron")))) {
    problems.push("the exported file is not the quicksave");
  }
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser", { timeout: 10000 }),
    page.mouse.click(IMPORT.x, IMPORT.y),
  ]);
  await chooser.setFiles({ name: download.suggestedFilename(), mimeType: "text/plain", buffer: Buffer.from(exported) });
  await until(page, "the import into slot 1", () => localStorage.getItem("famulant.save.slot-01.ron") !== null, 10);
  step("imported it into slot 1");
  await shot(page, "load-page-imported");
  await desk.close();

  // A phone, upright and on its side: touch only. Where its "New game"
  // button and the first option of a two-option choice stand.
  for (const [name, viewport, newGame, firstOption] of [
    ["phone", { width: 390, height: 844 }, { x: 195, y: 380 }, { x: 195, y: 722 }],
    ["phone-landscape", { width: 844, height: 390 }, { x: 422, y: 160 }, { x: 228, y: 297 }],
  ]) {
    const phone = await browser.newContext({
      viewport,
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 1,
    });
    page = await open(phone, name);
    step(`${name}: loading the page at ${viewport.width}x${viewport.height}`);
    await toTitle(page);
    await shot(page, `${name}-title`);
    await page.touchscreen.tap(newGame.x, newGame.y);
    await until(page, "the first line", () => document.body.dataset.beat.startsWith("line "), 30);
    await shot(page, `${name}-line`);
    // Tapping the dialogue box reads on.
    const tap = { x: viewport.width / 2, y: viewport.height - 40 };
    const phoneChoice = await readToChoice(page, tap);
    await shot(page, `${name}-choice`);
    step(`${name}: reached ${phoneChoice} by tapping; tapping its first option`);
    await page.touchscreen.tap(firstOption.x, firstOption.y);
    await until(page, "a choice by tapping", (c) => document.body.dataset.beat !== c, 10, phoneChoice);
    step(`${name}: the story went on to ${await body(page, "beat")}`);
    await phone.close();
  }

  // Whole games to an ending (each about a minute and a half with lines
  // shown whole), each on the patient of its own seed: the one who gives
  // way to her refusal (the last option nearly everywhere, staying on at
  // the farewell) sees her die; the careful player (the first option
  // everywhere) sees her recover. Then the end box, the case review, and
  // the flowchart opened from it; after the first, chapter select on the
  // title plays a chapter again.
  for (const [ending, seed, pick] of [
    ["death", 1, (scene, options) => (scene === "ch5_farewell" ? options[0] : options[options.length - 1])],
    ["recovered", 3, (_scene, options) => options[0]],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // Lines appear whole (the player's setting "reduced motion"), so that
    // one key reads on.
    await context.addInitScript(() => localStorage.setItem("famulant.settings", "(reduced_motion: true)"));
    page = await open(context, ending);
    step(`${ending}: a whole game on the patient of seed ${seed}`);
    await toTitle(page, `${url}?lang=de&seed=${seed}`);
    await page.keyboard.press("Enter");
    await until(page, "the first line", () => document.body.dataset.beat.startsWith("line "), 30);
    const started = Date.now();
    const played = await playToEnd(page, pick);
    const seconds = Math.round((Date.now() - started) / 1000);
    timings[`${ending}Game`] = seconds * 1000;
    step(`${ending}: the ending ${played.ending} after ${played.choices} choices and ${seconds} s`);
    if (played.ending !== ending) throw new Error(`the game meant to end in ${ending} ended in ${played.ending}`);
    await shot(page, `${ending}-ending`);
    await page.keyboard.press("Enter");
    await until(page, "the case review", () => document.body.dataset.screen === "review", 10);
    await shot(page, `${ending}-review`);
    // The review's buttons: the way to the title is lit, the flowchart's
    // stands before it.
    await press(page, "ArrowUp", "Enter");
    await until(page, "the flowchart", () => document.body.dataset.page === "flowchart", 10);
    await shot(page, `${ending}-flowchart`);
    await press(page, "Escape");
    await until(page, "the review again", () => document.body.dataset.page === "none", 10);
    if (ending === "death") {
      // Back on the review the flowchart's button is still lit: the one
      // after it leads to the title.
      await press(page, "ArrowDown", "Enter");
      await until(page, "the title after the review", () => document.body.dataset.screen === "title", 10);
      // New game, Load, Chapters (after Continue, if there is one).
      await openFromTitle(page, "chapters", 2);
      await shot(page, "chapters");
      // The third chapter: the morning meeting, opened by every game.
      await press(page, "ArrowDown", "ArrowDown", "Enter");
      await until(page, "a chapter playing", () => document.body.dataset.screen === "playing", 10);
      const chapter = await body(page, "beat");
      step(`chapter select played ${chapter}`);
      if (!/^(line|choices) ch1_meeting\./.test(chapter)) problems.push(`chapter select did not play the meeting: ${chapter}`);
      await shot(page, "chapter-played");
    }
    await context.close();
  }
} catch (error) {
  problems.push(String(error.stack || error));
} finally {
  await browser.close();
}

console.log(`web: timings ${JSON.stringify(timings)}`);
if (problems.length) {
  for (const problem of problems) console.error(`web: FAILED: ${problem}`);
  process.exit(1);
}
console.log("web: passed");
