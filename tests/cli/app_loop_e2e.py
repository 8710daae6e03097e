#!/usr/bin/python3
"""End to end: an app's whole loop on one machine, with the real commands and the sample app.

  1. `plugin-studio emulate-api --port 0` emulates the app's integration API for the sample
     app (samples/apps/task-keeper), with a known key;
  2. the sample app's server (server.py, Python's standard library) starts on a free port and
     asks the emulator for its app id;
  3. `plugin-studio simulate memory` sends a conversation with action items to the app's
     webhook, as the app's backend does;
  4. the app keeps the open action items as tasks and calls the API back: a memory per task
     (create_facts) and one notification. The emulator's call lines say so, the memories
     are in the emulator, and the simulate report holds the app's chat message;
  5. the assistant's side: `plugin-studio tools check` lists the app's tools, `tools call
     list_tasks` gets the kept tasks back, `tools call add_task` adds one;
  6. an action the app did not declare (read_memories) is refused with 403, and the 11th
     notification within the hour with 429.
Every process is stopped at the end; the emulator must exit 0 on SIGTERM.
"""

import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request

STARTUP_SECONDS = 30
STOP_SECONDS = 10
COMMAND_SECONDS = 60
KEY = "omi_dev_e2e_loop_key"
UID = "plugin-studio-test-uid"
OPEN_TASKS = ["Collect the current page analytics for the content audit",
              "Share three moodboards with the team by Friday",
              "Book a review meeting with marketing"]


class Failure(Exception):
    """A failure that makes the remaining checks pointless."""


class Process:
    """A child whose stdout lines and stderr lines are read on threads into queues, so that it
    never blocks on a full pipe and the test can wait for a line with a timeout."""

    def __init__(self, name, command, env):
        self.name = name
        self.child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      stdin=subprocess.DEVNULL, env=env)
        self.stdout = queue.Queue()
        self.stderr_lines = []
        self._stderr_changed = threading.Condition()
        threading.Thread(target=self._read, args=(self.child.stdout, self.stdout.put),
                         daemon=True).start()
        threading.Thread(target=self._read, args=(self.child.stderr, self._keep_stderr),
                         daemon=True).start()

    @staticmethod
    def _read(stream, put):
        for raw in stream:
            put(raw.decode("utf-8", "replace").rstrip("\r\n"))
        put(None)

    def _keep_stderr(self, line):
        with self._stderr_changed:
            if line is not None:
                self.stderr_lines.append(line)
                sys.stderr.write("%s: %s\n" % (self.name, line))
            self._stderr_changed.notify_all()

    def line(self):
        try:
            line = self.stdout.get(timeout=STARTUP_SECONDS)
        except queue.Empty:
            raise Failure("%s printed nothing on stdout within %d s" % (self.name, STARTUP_SECONDS))
        if line is None:
            raise Failure("%s exited (status %s) before printing what was expected" %
                          (self.name, self.child.wait()))
        return line

    def wait_for_stderr(self, pattern, count=1):
        """Waits until `count` stderr lines match `pattern`; returns them."""
        expression = re.compile(pattern)
        with self._stderr_changed:
            matching = []
            finished = self._stderr_changed.wait_for(
                lambda: len([l for l in self.stderr_lines if expression.search(l)]) >= count
                or self.child.poll() is not None, timeout=COMMAND_SECONDS)
            matching = [l for l in self.stderr_lines if expression.search(l)]
        if len(matching) < count:
            raise Failure("%s wrote %d line(s) matching %r on stderr, expected %d%s" % (
                self.name, len(matching), pattern, count, "" if finished else " (timed out)"))
        return matching

    def stop(self):
        if self.child.poll() is None:
            self.child.terminate()
            try:
                self.child.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait()
                return None
        return self.child.returncode


def run(studio, arguments, env):
    done = subprocess.run([studio] + arguments, capture_output=True, env=env,
                          timeout=COMMAND_SECONDS, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout.decode("utf-8", "replace"), \
        done.stderr.decode("utf-8", "replace")


def api_call(base, app_id, method, path, query, body=None, key=KEY):
    url = "%s/v2/integrations/%s/%s?%s" % (base, app_id, path,
                                           urllib.parse.urlencode({"uid": UID, **query}))
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + key)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers), json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"null")


def check(condition, message):
    if not condition:
        raise Failure(message)


def the_loop(arguments, folder, env, processes):
    emulator = Process("emulate-api", [arguments.studio, "emulate-api", "--app",
                                       os.path.join(folder, "app.json"), "--port", "0",
                                       "--key", KEY], env)
    processes.append(emulator)
    api_base = emulator.line().strip().rstrip("/")
    check(re.fullmatch(r"http://127\.0\.0\.1:\d+", api_base),
          "the emulator's first line is not its base URL: %r" % api_base)
    with urllib.request.urlopen(api_base + "/", timeout=10) as answer:
        info = json.load(answer)
    check(info.get("uid") == UID and info.get("base_url", "").rstrip("/") == api_base,
          "the emulator's GET / says %r" % info)
    app_id = info.get("app_id", "")
    check(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{26}", app_id), "the assigned app id %r is no ULID" % app_id)

    app = Process("task-keeper", [sys.executable, arguments.app_server, "--port", "0",
                                  "--api", api_base, "--key", KEY], env)
    processes.append(app)
    app_base = app.line().strip().rstrip("/")
    check(re.fullmatch(r"http://127\.0\.0\.1:\d+", app_base),
          "the sample app's first line is not its base URL: %r" % app_base)

    # The app document names the app's own server: point it at this one's port.
    manifest = os.path.join(folder, "app.json")
    with open(manifest, encoding="utf-8") as file:
        document = file.read().replace("http://127.0.0.1:8791", app_base)
    with open(manifest, "w", encoding="utf-8") as file:
        file.write(document)

    report = os.path.join(folder, "memory-report.json")
    status, out, err = run(arguments.studio, ["simulate", "memory", "--manifest", manifest,
                                              "--memory", arguments.memory, "--report", report,
                                              "--quiet"], env)
    check(status == 0, "simulate memory exited %d:\n%s%s" % (status, out, err))
    with open(report, encoding="utf-8") as file:
        record = json.load(file)["requests"][0]
    answer = json.dumps(record)
    check("Kept 3 tasks" in answer, "the app's answer in the report is not 'Kept 3 tasks': %s"
          % answer[:2000])

    # The app called back while it answered: one memory per task, then the notification.
    emulator.wait_for_stderr(r"POST user/memories 200")
    notified = emulator.wait_for_stderr(r"POST notification 200")[0]
    check("Kept 3 tasks" in notified, "the notification line is %r" % notified)

    # The app did not declare read_memories: the API refuses it as the backend does.
    status, _, body = api_call(api_base, app_id, "GET", "memories", {})
    check(status == 403 and "read memories" in json.dumps(body),
          "GET memories without the action answered %d %s" % (status, body))

    # The assistant's side: the app's tools, and the tasks it kept.
    status, out, err = run(arguments.studio, ["tools", "check", "--manifest", manifest], env)
    check(status == 0 and "list_tasks" in out and "add_task" in out,
          "tools check exited %d:\n%s%s" % (status, out, err))
    status, out, err = run(arguments.studio, ["tools", "call", "list_tasks", "--manifest",
                                              manifest, "--uid", UID], env)
    check(status == 0 and all(task in out for task in OPEN_TASKS),
          "tools call list_tasks exited %d and printed:\n%s%s" % (status, out, err))
    check("Set up the staging environment" not in out, "a completed action item became a task")
    status, out, err = run(arguments.studio, ["tools", "call", "add_task", "--manifest", manifest,
                                              "--uid", UID, "--arg", "description=Buy milk"], env)
    check(status == 0 and "Added: Buy milk" in out,
          "tools call add_task exited %d and printed:\n%s%s" % (status, out, err))
    status, out, err = run(arguments.studio, ["tools", "call", "list_tasks", "--manifest",
                                              manifest, "--uid", UID, "--arg", "limit=10"], env)
    check(status == 0 and "Buy milk" in out, "the added task is not listed:\n%s%s" % (out, err))

    # Nine more notifications fill the hour; the eleventh is refused with Retry-After.
    for number in range(2, 11):
        status, headers, body = api_call(api_base, app_id, "POST", "notification",
                                         {"message": "number %d" % number})
        check(status == 200, "notification %d answered %d %s" % (number, status, body))
    status, headers, body = api_call(api_base, app_id, "POST", "notification",
                                     {"message": "one too many"})
    check(status == 429 and int(headers.get("Retry-After", "0")) > 0
          and headers.get("X-RateLimit-Remaining") is not None,
          "the 11th notification answered %d %s %s" % (status, headers, body))
    emulator.wait_for_stderr(r"POST notification 429")

    status = emulator.stop()
    check(status == 0, "emulate-api exited %s on SIGTERM, expected 0" % status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--studio", required=True)
    parser.add_argument("--app-folder", required=True, help="samples/apps/task-keeper")
    parser.add_argument("--memory", required=True, help="a memory with action items")
    arguments = parser.parse_args()

    processes = []
    with tempfile.TemporaryDirectory(prefix="app-loop-") as folder:
        for name in ("app.json", "logo.png"):
            shutil.copy(os.path.join(arguments.app_folder, name), folder)
        arguments.app_server = os.path.join(arguments.app_folder, "server.py")
        env = dict(os.environ, PLUGIN_STUDIO_DATA_DIR=os.path.join(folder, "data"))
        try:
            the_loop(arguments, folder, env, processes)
        except (Failure, OSError, ValueError, KeyError, subprocess.TimeoutExpired) as error:
            print("FAIL: %s" % error, file=sys.stderr)
            return 1
        finally:
            for process in processes:
                process.stop()
    print("the app's loop ran: webhook, memories, notification, tools, refusals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
