// The extension's own logic, kept free of the `vscode` module so `npm test` runs it in plain Node.

import * as path from "node:path";

/** Where the server binary was found, for the output channel and error messages. */
export type ServerSource = "setting" | "bundled" | "path";

export interface ServerLocation {
  command: string;
  source: ServerSource;
}

export interface ResolveInput {
  /** `copydesk.server.path`, possibly empty or with a leading `~`. */
  setting: string;
  /** The extension's install folder, where a bundled binary lives under `server/`. */
  extensionDir: string;
  /** The first workspace folder: a relative setting is relative to it. */
  workspaceDir?: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  isExecutable: (file: string) => boolean;
}

/** The binary's file name on this platform. */
export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "copydesk.exe" : "copydesk";
}

/**
 * Find the server: the setting wins (and is not second-guessed: a wrong path is an error, not a
 * silent fallback), then the binary bundled in the extension, then `PATH`; an error message when none is found.
 */
export function resolveServer(input: ResolveInput): ServerLocation | { error: string } {
  const setting = input.setting.trim();
  if (setting !== "") {
    let file = setting;
    if (file === "~" || file.startsWith("~/")) {
      file = path.join(input.homeDir, file.slice(1));
    } else if (!path.isAbsolute(file) && input.workspaceDir) {
      file = path.join(input.workspaceDir, file);
    }
    if (input.isExecutable(file)) return { command: file, source: "setting" };
    return { error: `copydesk.server.path is set to "${setting}", but no executable is there.` };
  }
  const name = binaryName(input.platform);
  const bundled = path.join(input.extensionDir, "server", name);
  if (input.isExecutable(bundled)) return { command: bundled, source: "bundled" };
  const sep = input.platform === "win32" ? ";" : ":";
  const pathVar = input.env.PATH ?? input.env.Path ?? "";
  for (const dir of pathVar.split(sep)) {
    if (dir === "") continue;
    const file = path.join(dir, name);
    if (input.isExecutable(file)) return { command: file, source: "path" };
  }
  return {
    error:
      "The copydesk binary was not found: set copydesk.server.path, or put copydesk on PATH " +
      "(cargo install --path . in the copydesk repository).",
  };
}

/** The `copydesk.*` settings as VS Code hands them over. */
export interface ClientSettings {
  referenceDate?: string;
  rules?: Record<string, string>;
  namesFile?: string;
  languages?: string[];
}

/** The server's settings layer (`copydesk.toml` keys); unset keys are left out. */
export interface ServerSettings {
  reference_date?: string;
  names_file?: string;
  languages?: string[];
  rules?: Record<string, string>;
}

const LEVELS = new Set(["off", "hint", "info", "warning", "error"]);

/**
 * Map the editor settings to the server's keys. Empty strings mean "not set here" so the
 * draft's `copydesk.toml` still applies; a relative names file is made absolute, because the
 * server cannot know which folder the user meant.
 */
export function toServerSettings(s: ClientSettings, workspaceDir?: string): ServerSettings {
  const out: ServerSettings = {};
  const date = s.referenceDate?.trim();
  if (date) out.reference_date = date;
  const names = s.namesFile?.trim();
  if (names) {
    out.names_file = !path.isAbsolute(names) && workspaceDir ? path.join(workspaceDir, names) : names;
  }
  if (s.languages && s.languages.length > 0) out.languages = [...s.languages];
  const rules: Record<string, string> = {};
  for (const [code, level] of Object.entries(s.rules ?? {})) {
    const l = String(level).toLowerCase();
    if (LEVELS.has(l)) rules[code] = l;
  }
  if (Object.keys(rules).length > 0) out.rules = rules;
  return out;
}

/** A zero-based line and UTF-16 character, as VS Code and LSP count. */
export interface Position {
  line: number;
  character: number;
}

/** Convert a UTF-8 byte offset (as `copydesk analyze` reports) into a position in `text`. */
export function byteOffsetToPosition(text: string, offset: number): Position {
  let bytes = 0;
  let line = 0;
  let character = 0;
  for (const ch of text) {
    if (bytes >= offset) break;
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (ch === "\n") {
      line += 1;
      character = 0;
    } else {
      character += ch.length;
    }
  }
  return { line, character };
}

/** One row of the "dates and cast" picker. */
export interface StoryItem {
  label: string;
  description: string;
  detail?: string;
  /** UTF-8 byte offset of the first mention, to jump to. */
  offset?: number;
}

interface AnalysisJson {
  reference_date?: { value?: string | null; source?: string; span?: { start: number } | null };
  dates?: { start: number; text: string; value: string; anchored?: boolean }[];
  entities?: { name: string; kind: string; mentions?: { start: number; text: string }[] }[];
}

const KIND_ICON: Record<string, string> = {
  person: "$(person)",
  organization: "$(organization)",
  place: "$(location)",
};

/** Build the picker rows from `copydesk analyze` JSON: the reference date, each date, the cast. */
export function storyItems(analysis: AnalysisJson): StoryItem[] {
  const items: StoryItem[] = [];
  const ref = analysis.reference_date;
  items.push({
    label: `$(calendar) Reference date: ${ref?.value ?? "none"}`,
    description:
      ref?.value && ref.source ? `from ${ref.source.replace(/-/g, " ")}` : "set copydesk.referenceDate or date the draft",
    offset: ref?.span?.start,
  });
  for (const d of analysis.dates ?? []) {
    items.push({
      label: `$(clock) ${d.text}`,
      description: `→ ${d.value}`,
      detail: d.anchored ? "relative to the reference date" : undefined,
      offset: d.start,
    });
  }
  for (const e of analysis.entities ?? []) {
    const mentions = e.mentions ?? [];
    const n = mentions.length;
    items.push({
      label: `${KIND_ICON[e.kind] ?? "$(symbol-misc)"} ${e.name}`,
      description: `${e.kind}, ${n} mention${n === 1 ? "" : "s"}`,
      detail: [...new Set(mentions.map((m) => m.text))].join(" · ") || undefined,
      offset: mentions[0]?.start,
    });
  }
  return items;
}
