// End-to-end test in real VS Code: code-server 4.100.3 (Code 1.100.3) driven by Playwright and
// Debian's Chromium. Installs the .vsix (which bundles the copydesk binary), opens
// editors/testdata/ferry.md, and checks, as a user would see it:
//   1. the Problems panel lists unattributed-quote and relative-date at their exact positions;
//   2. hovering "Solberg" shows Ingrid Solberg's card;
//   3. the relative-date quick fix rewrites "yesterday" to "Tuesday", and the finding goes away;
//   4. "Disable unattributed-quote on this line" adds the comment, and that finding goes away;
// and the extension's own commands: the story's dates and cast, and explaining a rule.
// Screenshots land in $COPYDESK_E2E_ARTIFACTS (default editors/vscode/test-results/).
//
//   CODE_SERVER=.../code-server/out/node/entry.js VSIX=copydesk.vsix node e2e/run.mjs

import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const extDir = path.resolve(here, "..");
const draftSrc = path.resolve(extDir, "../testdata/ferry.md");
const codeServer = process.env.CODE_SERVER;
const vsix = path.resolve(process.env.VSIX ?? path.join(extDir, "copydesk.vsix"));
const browserPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const artifacts = path.resolve(process.env.COPYDESK_E2E_ARTIFACTS ?? path.join(extDir, "test-results"));
const STEP = 60_000;

if (!codeServer) throw new Error("set CODE_SERVER to code-server's out/node/entry.js");

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-e2e-"));
const userData = path.join(tmp, "user-data");
const extensions = path.join(tmp, "extensions");
const workspace = path.join(tmp, "newsroom");
fs.mkdirSync(path.join(userData, "User"), { recursive: true });
fs.mkdirSync(workspace, { recursive: true });
fs.mkdirSync(artifacts, { recursive: true });
for (const f of fs.readdirSync(artifacts)) if (f.endsWith(".png")) fs.rmSync(path.join(artifacts, f));
fs.copyFileSync(draftSrc, path.join(workspace, "ferry.md"));
fs.writeFileSync(
  path.join(userData, "User", "settings.json"),
  JSON.stringify({
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "security.workspace.trust.enabled": false,
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "telemetry.telemetryLevel": "off",
    "editor.hover.delay": 200,
    "window.commandCenter": false,
    "chat.commandCenter.enabled": false,
    "workbench.colorTheme": "Default Light Modern",
  }),
);

const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, "config"), XDG_DATA_HOME: path.join(tmp, "data") };
const common = ["--user-data-dir", userData, "--extensions-dir", extensions];

/** Zero-based line and UTF-16 column of the nth occurrence of `needle` in the draft. */
function locate(needle, nth = 1) {
  const lines = fs.readFileSync(draftSrc, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    let from = 0;
    for (;;) {
      const at = lines[i].indexOf(needle, from);
      if (at < 0) break;
      if (--nth === 0) return { line: i, col: at };
      from = at + 1;
    }
  }
  throw new Error(`not in the draft: ${needle}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

let server;
let browser;
let page;
let shot = 0;
async function screenshot(name) {
  const file = path.join(artifacts, `${String(++shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
}

/** Move the cursor with Go to Line/Column (1-based line and column). */
async function goTo({ line, col }) {
  const input = page.locator(".quick-input-widget input");
  // Right after a webview tab closes (the rule's explanation), the keys can go nowhere: seen in
  // a run where Ctrl+G opened nothing for a minute and the next step's worked at once. Put the
  // focus back in the text, as a user would click, and ask again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press("Control+g");
    try {
      await input.waitFor({ state: "visible", timeout: STEP / 4 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      console.log("go to line: no input yet, focusing the editor and asking again");
      await page.keyboard.press("Escape");
      await page.locator(".monaco-editor .view-lines").first().click();
    }
  }
  await input.fill(`:${line + 1}:${col + 1}`);
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: STEP });
}

async function editorText() {
  return (await page.locator(".monaco-editor .view-lines").first().innerText()).replace(/\u00a0/g, " ");
}

/** Install the extension, start code-server and the browser, open the draft and Problems. */
async function main() {
  console.log(`installing ${vsix}`);
  execFileSync(process.execPath, [codeServer, ...common, "--install-extension", vsix], { env, stdio: "inherit" });

  const port = await freePort();
  const log = fs.openSync(path.join(artifacts, "code-server.log"), "w");
  server = spawn(
    process.execPath,
    [
      codeServer,
      ...common,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      workspace,
    ],
    { env, stdio: ["ignore", log, log], detached: true },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/healthz`, STEP);

  browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Playwright gives the browser a fresh temporary profile of its own.
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: STEP });

  // Open the draft with Quick Open.
  await page.locator(".monaco-workbench").click({ position: { x: 700, y: 400 } });
  await page.keyboard.press("Control+p");
  const quickOpen = page.locator(".quick-input-widget input");
  await quickOpen.waitFor({ state: "visible", timeout: STEP });
  await quickOpen.fill("ferry.md");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "ferry.md" }).first().waitFor({ timeout: STEP });
  await page.keyboard.press("Enter");
  await page.locator(".monaco-editor .view-lines", { hasText: "Kessel Sound" }).first().waitFor({ timeout: STEP });

  await page.keyboard.press("Control+Shift+m");
}

const QUOTE = '"Every crossing this weekend is already full."';
const problemRow = (code) => page.locator(".markers-panel .monaco-list-row", { hasText: code }).first();

/** The Problems panel lists `code` exactly where `needle` starts. */
async function expectProblem(code, needle) {
  const row = problemRow(code);
  await row.waitFor({ timeout: STEP });
  const at = locate(needle);
  const text = (await row.innerText()).replace(/\s+/g, " ");
  console.log(`problem: ${text}`);
  if (!text.includes(`[Ln ${at.line + 1}, Col ${at.col + 1}]`)) {
    throw new Error(`${code} is not at Ln ${at.line + 1}, Col ${at.col + 1}: ${text}`);
  }
}

/** Run a command by its title from the command palette. */
async function runCommand(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: STEP });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: STEP });
  await page.keyboard.press("Enter");
}

/** Open the code actions on `needle` and pick the first entry `title` matches. */
async function codeAction(needle, title, shotName) {
  const at = locate(needle);
  const rows = page.locator(".action-widget .monaco-list-row.action");
  // Right after an edit, the light bulb's request for the old cursor place can be the one the
  // editor shows ("No code actions available", seen in traces where the server answered the
  // new request in full): ask again, as a user would, rather than wait on that answer.
  for (let attempt = 1; ; attempt++) {
    await goTo({ line: at.line, col: at.col + 2 });
    await page.keyboard.press("Control+.");
    try {
      await rows.filter({ hasText: title }).first().waitFor({ state: "visible", timeout: STEP / 4 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(`code actions at "${needle}": no "${title}" yet, asking again`);
      await page.keyboard.press("Escape");
    }
  }
  await screenshot(shotName);
  // The menu takes keys, not clicks (an overlay catches the pointer): walk down to the entry.
  const titles = await rows.allInnerTexts();
  const index = titles.findIndex((t) => (typeof title === "string" ? t.includes(title) : title.test(t)));
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

// Each step is checked on its own, so one missing feature does not hide the others.
const steps = [
  ["Problems: unattributed quote", async () => {
    await expectProblem("unattributed-quote", QUOTE);
    await screenshot("problems");
  }],
  ["Problems: relative date", () => expectProblem("relative-date", "yesterday")],
  ["hover: entity card", async () => {
    const at = locate("Solberg", 2);
    await goTo({ line: at.line, col: at.col + 2 });
    await page.keyboard.press("Control+k");
    await page.keyboard.press("Control+i");
    const hover = page.locator(".monaco-hover", { hasText: "Ingrid Solberg" }).first();
    await hover.waitFor({ state: "visible", timeout: STEP });
    console.log(`hover: ${(await hover.innerText()).replace(/\s+/g, " ").slice(0, 160)}`);
    await page.waitForTimeout(500); // let the fade-in finish before the screenshot
    await screenshot("hover");
  }],
  ["command: show the story's dates and cast", async () => {
    await runCommand("copydesk: Show the Story's Dates and Cast");
    const rows = page.locator(".quick-input-list .monaco-list-row");
    await rows.filter({ hasText: "Ingrid Solberg" }).first().waitFor({ timeout: STEP });
    const text = (await rows.allInnerTexts()).join(" | ").replace(/\s+/g, " ");
    console.log(`story: ${text.slice(0, 200)}`);
    if (!text.includes("Reference date: 2024-05-15")) throw new Error(`no reference date in: ${text}`);
    await screenshot("story");
  }],
  ["command: explain the rule under the cursor", async () => {
    const at = locate(QUOTE);
    await goTo({ line: at.line, col: at.col + 2 });
    await runCommand("copydesk: Explain a Rule");
    await page.locator(".tabs-container .tab", { hasText: "unattributed-quote" }).first().waitFor({ timeout: STEP });
    await page.waitForTimeout(1000); // the preview renders in a webview
    await screenshot("explain");
    await page.keyboard.press("Control+w");
  }],
  ["quick fix: relative date", async () => {
    await codeAction("yesterday", /^(?!\s*(Disable|Fix all))/, "relative-date-fix-menu");
    await page.waitForFunction(
      () => {
        const t = document.querySelector(".monaco-editor .view-lines")?.textContent ?? "";
        return t.includes("Tuesday") && !t.includes("yesterday");
      },
      null,
      { timeout: STEP },
    );
    console.log(`after the fix: ${(await editorText()).split("\n").find((l) => l.includes("Tuesday"))}`);
    await problemRow("relative-date").waitFor({ state: "detached", timeout: STEP });
    await screenshot("relative-date-fixed");
  }],
  ["code action: disable unattributed quote", async () => {
    await codeAction(QUOTE, "Disable unattributed-quote on this line", "quote-action-menu");
    await page.locator(".monaco-editor .view-lines", { hasText: "copydesk" }).first().waitFor({ timeout: STEP });
    await problemRow("unattributed-quote").waitFor({ state: "detached", timeout: STEP });
    await screenshot("quote-disabled");
  }],
];

let failed = 0;
try {
  await main();
  for (const [name, step] of steps) {
    try {
      await step();
      console.log(`ok   ${name}`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${name}: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
      await screenshot(`failed-${name.replace(/\W+/g, "-")}`).catch(() => {});
    }
    await page.keyboard.press("Escape");
  }
} catch (e) {
  failed += 1;
  console.error(`FAIL: ${e instanceof Error ? e.stack : e}`);
  if (page) await screenshot("failure").catch(() => {});
} finally {
  await browser?.close().catch(() => {});
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(failed ? `FAIL: VS Code end-to-end, ${failed} step(s) failed` : "PASS: VS Code end-to-end");
process.exit(failed ? 1 : 0);
