// VS Code client for `copydesk lsp`: starts the server, mirrors the `copydesk.*` settings to it,
// and adds three commands (restart, explain a rule, show the story's dates and cast).

import * as vscode from "vscode";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import {
  ClientSettings,
  ServerLocation,
  byteOffsetToPosition,
  resolveServer,
  storyItems,
  toServerSettings,
} from "./logic";

const EXPLAIN_SCHEME = "copydesk-explain";

let client: LanguageClient | undefined;
let server: ServerLocation | undefined;
let output: vscode.OutputChannel;

function workspaceDir(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function clientSettings(): ClientSettings {
  const c = vscode.workspace.getConfiguration("copydesk");
  return {
    referenceDate: c.get<string>("referenceDate"),
    rules: c.get<Record<string, string>>("rules"),
    namesFile: c.get<string>("namesFile"),
    languages: c.get<string[]>("languages"),
  };
}

function serverSettings() {
  return toServerSettings(clientSettings(), workspaceDir());
}

function locateServer(context: vscode.ExtensionContext): ServerLocation | undefined {
  const found = resolveServer({
    setting: vscode.workspace.getConfiguration("copydesk").get<string>("server.path") ?? "",
    extensionDir: context.extensionPath,
    workspaceDir: workspaceDir(),
    platform: process.platform,
    env: process.env,
    homeDir: os.homedir(),
    isExecutable,
  });
  if ("error" in found) {
    output.appendLine(found.error);
    void vscode.window
      .showErrorMessage(found.error, "Open Settings")
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.server.path");
      });
    return undefined;
  }
  output.appendLine(`Using ${found.command} (${found.source}).`);
  return found;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  server = locateServer(context);
  if (!server) return;
  const run = { command: server.command, args: ["lsp"] };
  const serverOptions: ServerOptions = { run, debug: run };
  const languages = clientSettings().languages ?? ["markdown", "plaintext"];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    initializationOptions: serverSettings(),
    outputChannel: output,
    middleware: {
      workspace: {
        // Answer `workspace/configuration` for our section with the server's own keys.
        configuration: async (params, token, next) => {
          const raw = await next(params, token);
          if (!Array.isArray(raw)) return raw;
          return params.items.map((item, i) =>
            item.section === "copydesk" ? serverSettings() : raw[i],
          );
        },
      },
    },
  };
  client = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`copydesk: the server failed to start: ${e}`);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) await c.stop();
}

function runServerBinary(args: string[], input?: string, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!server) {
      reject(new Error("no copydesk binary"));
      return;
    }
    const child = execFile(
      server.command,
      args,
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve(stdout)),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Explain the rule under the cursor, or one picked from `copydesk rules`. */
async function explainRule(code?: string): Promise<void> {
  if (typeof code !== "string") {
    const editor = vscode.window.activeTextEditor;
    const here = editor
      ? vscode.languages
          .getDiagnostics(editor.document.uri)
          .find((d) => d.source === "copydesk" && d.range.contains(editor.selection.active))
      : undefined;
    const hereCode = typeof here?.code === "object" ? here.code.value : here?.code;
    code = hereCode !== undefined ? String(hereCode) : undefined;
  }
  if (code === undefined) {
    const rules = JSON.parse(await runServerBinary(["rules", "--format", "json"])) as {
      code: string;
      summary: string;
      category: string;
    }[];
    const pick = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.code, description: r.category, detail: r.summary })),
      { placeHolder: "Which rule?", matchOnDetail: true },
    );
    if (!pick) return;
    code = pick.label;
  }
  const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${code}.md` });
  await vscode.commands.executeCommand("markdown.showPreview", uri);
}

/** Show the reference date, every resolved date and the cast of the active draft. */
async function showStory(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage("copydesk: open a draft first.");
    return;
  }
  const doc = editor.document;
  const args = ["analyze", "-", "--syntax", doc.languageId === "markdown" ? "markdown" : "plain"];
  const date = serverSettings().reference_date;
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) args.push("--date", date);
  const dir = doc.uri.scheme === "file" ? path.dirname(doc.uri.fsPath) : workspaceDir();
  const text = doc.getText();
  const items = storyItems(JSON.parse(await runServerBinary(args, text, dir)));
  const pick = await vscode.window.showQuickPick(items, {
    placeHolder: "The story's dates and cast",
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (pick?.offset !== undefined) {
    const p = byteOffsetToPosition(text, pick.offset);
    const pos = new vscode.Position(p.line, p.character);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  }
}

function guarded(f: (...args: unknown[]) => Promise<void>) {
  return async (...args: unknown[]) => {
    try {
      await f(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(`copydesk: ${e instanceof Error ? e.message : e}`);
    }
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("copydesk");
  context.subscriptions.push(
    output,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, {
      provideTextDocumentContent: (uri) =>
        runServerBinary(["explain", path.posix.basename(uri.path, ".md")]),
    }),
    vscode.commands.registerCommand(
      "copydesk.restartServer",
      guarded(async () => {
        await stopClient();
        await startClient(context);
      }),
    ),
    vscode.commands.registerCommand(
      "copydesk.explainRule",
      guarded((code) => explainRule(typeof code === "string" ? code : undefined)),
    ),
    vscode.commands.registerCommand("copydesk.showStory", guarded(showStory)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("copydesk")) return;
      if (e.affectsConfiguration("copydesk.server.path") || e.affectsConfiguration("copydesk.languages")) {
        await stopClient();
        await startClient(context);
      } else if (client?.isRunning()) {
        await client.sendNotification("workspace/didChangeConfiguration", {
          settings: { copydesk: serverSettings() },
        });
      }
    }),
    { dispose: () => void stopClient() },
  );
  await startClient(context);
}

export function deactivate(): Promise<void> | undefined {
  return client ? stopClient() : undefined;
}
