#!/usr/bin/env python3
"""Runs the commands of docs/ci/plugin-checks.yml and the pre-commit hook, as they are
written, on a real git checkout of the sample repository with a pull request in it, against
the real plugin-studio and its built-in plugins (`serve`) on loopback."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid",
                    "-c", "init.defaultBranch=main", *args],
                   cwd=cwd, check=True, capture_output=True)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def workflow_steps(path):
    with open(path, encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    steps = next(iter(workflow["jobs"].values()))["steps"]
    # The install step fetches the package; here the built plugin-studio is on PATH instead.
    return [s for s in steps if "run" in s and not s.get("name", "").startswith("Install")]


def run_step(step, cwd, env):
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout, result.stderr


def edit_index(path, change):
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)
    change({e.get("id"): e for e in entries})
    with open(path, "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=2)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--studio", required=True)
    parser.add_argument("--source", required=True, help="the project's source folder")
    args = parser.parse_args()
    samples = os.path.join(args.source, "samples")

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=os.path.join(tmp, "data"),
                   PLUGIN_STUDIO_SAMPLES=samples, MAX_P95_MS="5000")
        bin_dir = os.path.join(tmp, "bin")
        os.mkdir(bin_dir)
        os.symlink(os.path.abspath(args.studio), os.path.join(bin_dir, "plugin-studio"))
        env["PATH"] = bin_dir + os.pathsep + env["PATH"]

        serve = subprocess.Popen(["plugin-studio", "serve", "--port", "0", "--quiet"], env=env,
                                 stdout=subprocess.PIPE, text=True)
        try:
            base_url = serve.stdout.readline().strip()
            expect(base_url.startswith("http://127.0.0.1:"), "serve printed " + repr(base_url))

            # The upstream repository: its socratic-coach entry has an old error of its own.
            upstream = os.path.join(tmp, "upstream")
            shutil.copytree(os.path.join(samples, "repo"), upstream)
            index = os.path.join(upstream, "community-plugins.json")
            edit_index(index, lambda e: e["socratic-coach"].pop("description"))
            git(upstream, "init", "-q")
            git(upstream, "add", "-A")
            git(upstream, "commit", "-q", "-m", "index")

            # The pull request changes two plugins and points them at the built-in ones.
            work = os.path.join(tmp, "work")
            git(tmp, "clone", "-q", upstream, work)
            git(work, "checkout", "-q", "-b", "faster-notes")
            index = os.path.join(work, "community-plugins.json")

            def pull_request(entries):
                notes = entries["meeting-notes"]
                notes["description"] += " Now twice as fast."
                notes["external_integration"]["webhook_url"] = base_url + "/memory"
                checker = entries["live-fact-checker"]
                checker["external_integration"]["webhook_url"] = base_url + "/transcript"
            edit_index(index, pull_request)
            git(work, "commit", "-q", "-am", "Faster notes")

            steps = workflow_steps(os.path.join(args.source, "docs/ci/plugin-checks.yml"))
            expect([s["name"] for s in steps] == ["Validate the changed entries",
                                                 "Simulate the app calling each changed plugin"],
                   "the workflow's steps: " + str([s.get("name") for s in steps]))
            validate, simulate = steps

            whole = subprocess.run(["plugin-studio", "validate", "community-plugins.json"],
                                   cwd=work, env=env, capture_output=True, text=True)
            expect(whole.returncode == 1, "the whole index has the upstream's error")

            code, out, err = run_step(validate, work, env)
            expect(code == 0, "validate --changed failed: " + out + err)
            expect("2 of 4 entries changed since" in err and
                   "meeting-notes, live-fact-checker" in err, "changed entries: " + err)
            expect("socratic-coach" not in out, "an unchanged entry was reported: " + out)

            code, out, err = run_step(simulate, work, env)
            expect(code == 0, "the simulation step failed: " + out + err)
            for plugin in ("meeting-notes", "live-fact-checker"):
                report = os.path.join(work, "reports", plugin + ".xml")
                expect(os.path.isfile(report), "no JUnit report for " + plugin)
                with open(report, encoding="utf-8") as f:
                    expect("<testcase" in f.read(), plugin + "'s report has no test case")
            expect(not os.path.exists(os.path.join(work, "reports", "socratic-coach.xml")),
                   "an unchanged plugin was simulated")

            # A mistake in the pull request: an annotation on its line, and the step fails.
            edit_index(index, lambda e: e["meeting-notes"].update(capabilities=["memorys"]))
            code, out, err = run_step(validate, work, env)
            expect(code == 1, "a changed entry's error passed")
            expect(out.startswith("::error file=community-plugins.json,line=") and
                   "meeting-notes" in out, "annotation: " + out)

            # The pre-commit hook, as pre-commit runs it: its entry with the matched file.
            with open(os.path.join(args.source, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
                hook = yaml.safe_load(f)[0]
            expect(hook["language"] == "system", "the hook runs the installed plugin-studio")
            command = hook["entry"].split() + ["community-plugins.json"]
            expect(subprocess.run(command, cwd=work, env=env,
                                  capture_output=True).returncode == 1, "hook on a broken index")
            git(work, "checkout", "-q", "--", "community-plugins.json")
            edit_index(index, lambda e: e["socratic-coach"].update(description="Asks why."))
            expect(subprocess.run(command, cwd=work, env=env,
                                  capture_output=True).returncode == 0, "hook on a clean index")
        finally:
            serve.terminate()
            serve.wait(timeout=10)
    print("ok: the workflow's commands and the pre-commit hook, on a pull request")


if __name__ == "__main__":
    main()
