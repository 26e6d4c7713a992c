#!/usr/bin/env python3
"""Run the commands of editors/ci/copydesk.yml and .pre-commit-hooks.yaml against the example
drafts, with a given copydesk binary, and check what GitHub and pre-commit would get.

    COPYDESK_BIN=target/release/copydesk python3 editors/ci/test_workflow.py

The workflow's `run:` steps run as GitHub would run them (bash -e, the workflow's `env:`, from the
repository root), except the install step, which needs the network: the binary under test is
put on PATH instead. Checks: every annotation line is a well-formed workflow command naming a
file that exists; the SARIF file is SARIF 2.1.0 whose results point at files in the repository;
both report the same, non-zero number of findings on the examples (which have mistakes in them);
the pre-commit hooks' entry runs on the example drafts and exits 0 or 1 (findings), never 2.
Standard library only: YAML is read with a parser for the simple shape these two files have.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "editors" / "ci" / "copydesk.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=([^,]+),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$"
)


def unquote(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        return v[1:-1]
    return v


def workflow_env_and_steps(text):
    """The top-level `env:` mapping and each step's name, `if:` and `run:` script."""
    env, steps = {}, []
    lines = text.splitlines()
    i = 0
    section = None
    while i < len(lines):
        line = lines[i]
        stripped = line.split(" #")[0].rstrip() if not line.lstrip().startswith("run:") else line.rstrip()
        if not stripped.strip() or stripped.lstrip().startswith("#"):
            i += 1
            continue
        indent = len(line) - len(line.lstrip())
        if indent == 0:
            section = stripped.rstrip(":")
        elif section == "env" and indent == 2 and ":" in stripped:
            k, v = stripped.strip().split(":", 1)
            env[k] = unquote(v)
        m = re.match(r"^(\s*)- (.*)$", line)
        if m and section == "jobs":
            steps.append({"indent": len(m.group(1)) + 2})
            line = " " * steps[-1]["indent"] + m.group(2)
        if steps and section == "jobs":
            body = line.strip()
            key, _, value = body.partition(":")
            if key == "run":
                value = value.strip()
                if value in ("|", ">"):
                    block = []
                    base = len(line) - len(line.lstrip())
                    while i + 1 < len(lines) and (
                        not lines[i + 1].strip() or len(lines[i + 1]) - len(lines[i + 1].lstrip()) > base
                    ):
                        i += 1
                        block.append(lines[i].strip())
                    value = "\n".join(block)
                steps[-1]["run"] = value
            elif key in ("name", "if", "uses"):
                steps[-1][key] = unquote(value.split(" #")[0])
        i += 1
    return env, steps


def hooks(text):
    """Each hook's id, entry and language."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^(- |  )(\w+):\s*(.*)$", line)
        if not m:
            continue
        if m.group(1) == "- ":
            out.append({})
        out[-1][m.group(2)] = unquote(m.group(3))
    return out


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def check_annotations(stdout):
    lines = [l for l in stdout.splitlines() if l.strip()]
    for line in lines:
        m = ANNOTATION.match(line)
        if not m:
            fail(f"not a workflow command: {line}")
        if not (ROOT / m.group(2)).is_file():
            fail(f"annotation names a file that is not in the repository: {m.group(2)}")
    print(f"  {len(lines)} annotation(s), all well-formed")
    return len(lines)


def check_sarif(path):
    try:
        sarif = json.loads(path.read_text())
    except (OSError, ValueError) as e:
        fail(f"{path.name} is not JSON: {e}")
    if sarif.get("version") != "2.1.0" or not sarif.get("runs"):
        fail("SARIF is not version 2.1.0 with runs")
    run = sarif["runs"][0]
    if run.get("tool", {}).get("driver", {}).get("name") != "copydesk":
        fail("SARIF tool.driver.name is not copydesk")
    results = run.get("results", [])
    for r in results:
        for loc in r.get("locations", []):
            uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            if not (ROOT / uri).is_file():
                fail(f"SARIF result points at {uri}, not a file in the repository")
            if loc["physicalLocation"]["region"].get("startLine", 0) < 1:
                fail(f"SARIF region without a startLine: {loc}")
    print(f"  SARIF 2.1.0, {len(results)} result(s), {len(run['tool']['driver'].get('rules', []))} rule(s)")
    return len(results)


def main():
    bin_path = Path(os.environ.get("COPYDESK_BIN", ROOT / "target" / "release" / "copydesk")).resolve()
    if not os.access(bin_path, os.X_OK):
        fail(f"no copydesk binary at {bin_path} (set COPYDESK_BIN)")
    with tempfile.TemporaryDirectory() as tmp:
        bindir = Path(tmp, "bin")
        bindir.mkdir()
        (bindir / "copydesk").symlink_to(bin_path)
        env_base = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}")

        wf_env, steps = workflow_env_and_steps(WORKFLOW.read_text())
        env = dict(env_base, **wf_env)
        ran = 0
        counts = {}
        for step in steps:
            if "run" not in step:
                continue
            name = step.get("name", step["run"])
            if "cargo install" in step["run"]:
                print(f"- {name}: skipped (the binary under test is on PATH)")
                continue
            print(f"- {name}: {step['run']}")
            p = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                cwd=ROOT, env=env, capture_output=True, text=True,
            )
            if p.returncode not in (0, 1):
                fail(f"exit {p.returncode}: {p.stderr.strip()}")
            if p.returncode == 1 and step.get("if") != "always()" and p.stdout.strip() == "":
                fail(f"failed without output: {p.stderr.strip()}")
            if "--format github" in step["run"]:
                counts["github"] = check_annotations(p.stdout)
            sarif = re.search(r"--format sarif.*>\s*(\S+)", step["run"])
            if sarif:
                if p.returncode != 0:
                    fail("the SARIF step must not fail (it runs with --fail-on never)")
                counts["sarif"] = check_sarif(ROOT / sarif.group(1))
                (ROOT / sarif.group(1)).unlink()
            ran += 1
        if ran < 2 or len(counts) < 2:
            fail(f"expected the annotation and SARIF steps, ran {ran}")
        # The example drafts are written with mistakes in them: both formats must report them all.
        if counts["github"] == 0:
            fail("no annotations on the example drafts")
        if counts["github"] != counts["sarif"]:
            fail(f"{counts['github']} annotations but {counts['sarif']} SARIF results")

        drafts = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").iterdir() if p.suffix in (".md", ".txt"))
        for hook in hooks(HOOKS.read_text()):
            print(f"- pre-commit hook {hook['id']} ({hook['language']}): {hook['entry']} {' '.join(drafts)}")
            p = subprocess.run(hook["entry"].split() + drafts, cwd=ROOT, env=env_base, capture_output=True, text=True)
            if p.returncode not in (0, 1):
                fail(f"hook {hook['id']} exit {p.returncode}: {p.stderr.strip()}")
    print("PASS: workflow and pre-commit commands")


if __name__ == "__main__":
    main()
