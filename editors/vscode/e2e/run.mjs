// End-to-end test in real VS Code: code-server 4.100.3 (Code 1.100.3) driven by Playwright and
// Debian's Chromium. Installs the .vsix (which bundles the copydesk binary), opens
// editors/testdata/ferry.md, and checks, as a user would see it:
//   1. the Problems panel lists the relative-date finding on "yesterday";
//   2. hovering "Solberg" shows Ingrid Solberg's card;
//   3. the quick fix rewrites "yesterday" to the weekday and the finding goes away.
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
  await page.keyboard.press("Control+g");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: STEP });
  await input.fill(`:${line + 1}:${col + 1}`);
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: STEP });
}

async function editorText() {
  return (await page.locator(".monaco-editor .view-lines").first().innerText()).replace(/\u00a0/g, " ");
}

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

  // 1. The Problems panel shows the finding on "yesterday", on its line.
  await page.keyboard.press("Control+Shift+m");
  const problems = page.locator(".markers-panel");
  const row = problems.locator(".monaco-list-row", { hasText: "relative-date" }).first();
  await row.waitFor({ timeout: STEP });
  const yesterday = locate("yesterday");
  const rowText = await row.innerText();
  console.log(`problem: ${rowText.replace(/\s+/g, " ")}`);
  if (!rowText.includes(`[Ln ${yesterday.line + 1}, Col ${yesterday.col + 1}]`)) {
    throw new Error(`relative-date is not at Ln ${yesterday.line + 1}, Col ${yesterday.col + 1}: ${rowText}`);
  }
  await screenshot("problems");

  // 2. Hover on the second "Solberg": Ingrid Solberg's card.
  await goTo({ ...locate("Solberg", 2), col: locate("Solberg", 2).col + 2 });
  await page.keyboard.press("Control+k");
  await page.keyboard.press("Control+i");
  const hover = page.locator(".monaco-hover", { hasText: "Ingrid Solberg" }).first();
  await hover.waitFor({ state: "visible", timeout: STEP });
  console.log(`hover: ${(await hover.innerText()).replace(/\s+/g, " ").slice(0, 160)}`);
  await screenshot("hover");
  await page.keyboard.press("Escape");

  // 3. The quick fix on "yesterday" names the weekday; the finding goes away.
  await goTo({ ...yesterday, col: yesterday.col + 2 });
  await page.keyboard.press("Control+.");
  const fix = page
    .locator(".action-widget .monaco-list-row.action")
    .filter({ hasNotText: /^\s*(Disable|Fix all)/ })
    .first();
  await fix.waitFor({ state: "visible", timeout: STEP });
  await screenshot("quick-fix-menu");
  await fix.click();
  await page.waitForFunction(
    () => {
      const t = document.querySelector(".monaco-editor .view-lines")?.textContent ?? "";
      return t.includes("Tuesday") && !t.includes("yesterday");
    },
    null,
    { timeout: STEP },
  );
  console.log(`after the fix: ${(await editorText()).split("\n").find((l) => l.includes("Tuesday"))}`);
  await problems.locator(".monaco-list-row", { hasText: "relative-date" }).first().waitFor({ state: "detached", timeout: STEP });
  await screenshot("fixed");
  console.log("PASS: VS Code end-to-end");
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
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
process.exit(failed ? 1 : 0);
