import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import {
  byteOffsetToPosition,
  resolveServer,
  storyItems,
  toServerSettings,
} from "../src/logic";

function resolver(executables: string[], over: Partial<Parameters<typeof resolveServer>[0]> = {}) {
  const set = new Set(executables);
  return resolveServer({
    setting: "",
    extensionDir: "/ext",
    workspaceDir: "/ws",
    platform: "linux",
    env: { PATH: "/usr/local/bin:/usr/bin" },
    homeDir: "/home/ed",
    isExecutable: (f) => set.has(f),
    ...over,
  });
}

test("the setting wins over the bundled binary and PATH", () => {
  const all = ["/opt/cd/copydesk", "/ext/server/copydesk", "/usr/bin/copydesk"];
  assert.deepEqual(resolver(all, { setting: "/opt/cd/copydesk" }), {
    command: "/opt/cd/copydesk",
    source: "setting",
  });
});

test("a setting with ~ or a relative path is expanded", () => {
  assert.deepEqual(resolver(["/home/ed/bin/copydesk"], { setting: "~/bin/copydesk" }), {
    command: "/home/ed/bin/copydesk",
    source: "setting",
  });
  assert.deepEqual(resolver(["/ws/target/release/copydesk"], { setting: "target/release/copydesk" }), {
    command: "/ws/target/release/copydesk",
    source: "setting",
  });
});

test("a wrong setting is an error, not a silent fallback to PATH", () => {
  const r = resolver(["/usr/bin/copydesk"], { setting: "/nowhere/copydesk" });
  assert.ok("error" in r);
  assert.match(r.error, /\/nowhere\/copydesk/);
});

test("the bundled binary comes before PATH", () => {
  assert.deepEqual(resolver(["/ext/server/copydesk", "/usr/bin/copydesk"]), {
    command: "/ext/server/copydesk",
    source: "bundled",
  });
});

test("PATH is searched in order, skipping empty entries", () => {
  const r = resolver(["/usr/bin/copydesk"], { env: { PATH: "::/usr/local/bin:/usr/bin" } });
  assert.deepEqual(r, { command: "/usr/bin/copydesk", source: "path" });
});

test("on Windows the binary is copydesk.exe and PATH is split on ;", () => {
  const exe = path.join("C:\\tools", "copydesk.exe");
  const r = resolver([exe], { platform: "win32", env: { Path: "C:\\tools" }, extensionDir: "C:\\ext" });
  assert.deepEqual(r, { command: exe, source: "path" });
});

test("nothing found gives a message that says what to do", () => {
  const r = resolver([]);
  assert.ok("error" in r);
  assert.match(r.error, /copydesk\.server\.path/);
});

test("settings map to the server's copydesk.toml keys, leaving unset ones out", () => {
  assert.deepEqual(toServerSettings({ referenceDate: "", namesFile: "  ", rules: {}, languages: [] }), {});
  assert.deepEqual(
    toServerSettings(
      {
        referenceDate: " 2023-03-08 ",
        namesFile: "desk/names.toml",
        languages: ["markdown"],
        rules: { "relative-date": "Error", "unknown-level": "loud", "weekday-mismatch": "off" },
      },
      "/ws",
    ),
    {
      reference_date: "2023-03-08",
      names_file: path.join("/ws", "desk/names.toml"),
      languages: ["markdown"],
      rules: { "relative-date": "error", "weekday-mismatch": "off" },
    },
  );
});

test("an absolute names file is kept as is", () => {
  assert.equal(toServerSettings({ namesFile: "/srv/names.csv" }, "/ws").names_file, "/srv/names.csv");
});

test("byte offsets become UTF-16 positions across lines and non-ASCII text", () => {
  const text = "Zoë said\n王毅 met 😀 Tokayev";
  assert.deepEqual(byteOffsetToPosition(text, 0), { line: 0, character: 0 });
  assert.deepEqual(byteOffsetToPosition(text, Buffer.byteLength("Zoë ")), { line: 0, character: 4 });
  const tokayev = Buffer.byteLength("Zoë said\n王毅 met 😀 ");
  assert.deepEqual(byteOffsetToPosition(text, tokayev), { line: 1, character: 10 });
  assert.deepEqual(byteOffsetToPosition(text, 10_000), { line: 1, character: 17 });
});

test("the story picker lists the reference date, dates and cast with offsets", () => {
  const items = storyItems({
    reference_date: { value: "2023-03-08", source: "front-matter", span: { start: 10 } },
    dates: [{ start: 40, text: "yesterday", value: "2023-03-07", anchored: true }],
    entities: [
      {
        name: "Helena Duarte Costa",
        kind: "person",
        mentions: [
          { start: 60, text: "Helena Duarte Costa" },
          { start: 90, text: "Costa" },
          { start: 120, text: "Costa" },
        ],
      },
    ],
  });
  assert.deepEqual(items, [
    { label: "$(calendar) Reference date: 2023-03-08", description: "from front matter", offset: 10 },
    {
      label: "$(clock) yesterday",
      description: "→ 2023-03-07",
      detail: "relative to the reference date",
      offset: 40,
    },
    {
      label: "$(person) Helena Duarte Costa",
      description: "person, 3 mentions",
      detail: "Helena Duarte Costa · Costa",
      offset: 60,
    },
  ]);
});

test("a draft without a reference date still gets a first row", () => {
  assert.deepEqual(storyItems({ reference_date: { value: null, source: "none", span: null } }), [
    { label: "$(calendar) Reference date: none", description: "set copydesk.referenceDate or date the draft", offset: undefined },
  ]);
});
