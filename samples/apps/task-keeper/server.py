#!/usr/bin/python3
"""Task Keeper's server: an app (apps-2026) that works in both directions, to develop against
Plugin Studio on one machine with nothing deployed.

  POST /memory?uid=...              memory_creation (app.json's webhook_url): keeps the
                                    conversation's open action items as the user's tasks,
                                    then calls the app's integration API back: each task as a
                                    memory (create_facts) and one notification saying what it
                                    kept; answers a chat message
  GET  /.well-known/omi-tools.json  the chat tools: list_tasks, add_task
  GET  /tools/tasks?uid=...         list_tasks: the user's open tasks
  POST /tools/tasks                 add_task: {"description", "uid", ...}
  GET  /setup?uid=...               the setup page (auth_steps)
  GET  /setup/status?uid=...        setup_completed_url: always set up
  GET  /                            these endpoints, and where the API is

The integration API is the app's backend, or locally `plugin-studio emulate-api`; its `GET /`
tells the app id and the emulated user, so no id needs copying:

  plugin-studio emulate-api --app samples/apps/task-keeper/app.json --key dev-key &
  samples/apps/task-keeper/server.py --api http://127.0.0.1:8790 --key dev-key &
  plugin-studio simulate memory samples/memories/action-items.json \\
      --manifest samples/apps/task-keeper/app.json

Python's standard library only. Tasks live in memory, bounded, and are lost on restart.
"""

import argparse
import json
import os
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_PORT = 8791
DEFAULT_API = "http://127.0.0.1:8790"
MAX_USERS = 1000
MAX_TASKS_PER_USER = 500
MAX_BODY = 8 * 1024 * 1024
API_TIMEOUT_SECONDS = 10

TOOLS = {
    "tools": [
        {
            "name": "list_tasks",
            "description": "Lists the user's open tasks, the oldest first",
            "endpoint": "/tools/tasks",
            "method": "GET",
            "parameters": {
                "properties": {
                    "limit": {"type": "integer", "description": "At most this many"},
                },
            },
            "status_message": "Looking at your tasks...",
        },
        {
            "name": "add_task",
            "description": "Adds a task to the user's list",
            "endpoint": "/tools/tasks",
            "method": "POST",
            "parameters": {
                "properties": {
                    "description": {"type": "string", "description": "What is to be done"},
                },
                "required": ["description"],
            },
            "status_message": "Adding...",
        },
    ],
    "chat_messages": {"enabled": True, "target": "app", "notify": False},
}


class Tasks:
    """Each user's open tasks, bounded: past a limit the oldest user or task goes first."""

    def __init__(self):
        self._lock = threading.Lock()
        self._by_uid = OrderedDict()

    def add(self, uid, descriptions):
        with self._lock:
            tasks = self._by_uid.setdefault(uid, [])
            self._by_uid.move_to_end(uid)
            added = [d for d in descriptions if d not in tasks]
            tasks.extend(added)
            del tasks[:-MAX_TASKS_PER_USER]
            while len(self._by_uid) > MAX_USERS:
                self._by_uid.popitem(last=False)
            return added

    def of(self, uid):
        with self._lock:
            return list(self._by_uid.get(uid, []))


class IntegrationApi:
    """The app's integration API: /v2/integrations/<app_id>/... with the app's key."""

    def __init__(self, base_url, key, app_id):
        self.base_url = base_url.rstrip("/")
        self.key = key
        self.app_id = app_id

    def discover(self):
        """Asks the emulator (GET /) for the app id when none was given."""
        if self.app_id:
            return
        with urllib.request.urlopen(self.base_url + "/", timeout=API_TIMEOUT_SECONDS) as answer:
            self.app_id = json.load(answer)["app_id"]

    def call(self, method, path, uid, query=None, body=None):
        """(status, answer text); status 0 when the API could not be reached."""
        parameters = {"uid": uid, **(query or {})}
        url = "%s/v2/integrations/%s/%s?%s" % (
            self.base_url, urllib.parse.quote(self.app_id, safe=""), path,
            urllib.parse.urlencode(parameters))
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.key)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=API_TIMEOUT_SECONDS) as answer:
                return answer.status, answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, OSError) as error:
            return 0, str(error)


def open_action_items(conversation):
    structured = conversation.get("structured") or {}
    items = structured.get("action_items") or []
    return [item["description"].strip() for item in items
            if isinstance(item, dict) and isinstance(item.get("description"), str)
            and item["description"].strip() and not item.get("completed")]


class Handler(BaseHTTPRequestHandler):
    server_version = "TaskKeeper/1"

    def log_message(self, format, *args):
        sys.stderr.write("task-keeper: %s\n" % (format % args))

    # -- plumbing -----------------------------------------------------------------------------

    def answer(self, status, value, content_type="application/json"):
        body = value if isinstance(value, bytes) else json.dumps(value).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def query(self):
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))

    def route(self):
        return urllib.parse.urlsplit(self.path).path

    def json_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0 or length > MAX_BODY:
            raise ValueError("the body is over %d bytes" % MAX_BODY)
        value = json.loads(self.rfile.read(length) or b"null")
        if not isinstance(value, dict):
            raise ValueError("the body is not a JSON object")
        return value

    # -- endpoints ----------------------------------------------------------------------------

    def do_GET(self):
        route, uid = self.route(), self.query().get("uid", "")
        if route == "/":
            base = "http://%s:%d" % self.server.server_address[:2]
            self.answer(200, {"webhook_url": base + "/memory",
                              "tools_manifest": base + "/.well-known/omi-tools.json",
                              "api": self.server.api.base_url, "app_id": self.server.api.app_id})
        elif route == "/.well-known/omi-tools.json":
            self.answer(200, TOOLS)
        elif route == "/tools/tasks":
            self.list_tasks(uid)
        elif route == "/setup/status":
            self.answer(200, {"is_setup_completed": True})
        elif route == "/setup":
            self.answer(200, b"<html><body><h1>Task Keeper</h1><p>Your task list is connected."
                             b"</p></body></html>", "text/html; charset=utf-8")
        else:
            self.answer(404, {"detail": "Not Found"})

    def do_POST(self):
        route, uid = self.route(), self.query().get("uid", "")
        try:
            body = self.json_body()
        except ValueError as error:
            self.answer(400, {"error": str(error)})
            return
        if route == "/memory":
            self.conversation_created(uid, body)
        elif route == "/tools/tasks":
            self.add_task(body)
        else:
            self.answer(404, {"detail": "Not Found"})

    def conversation_created(self, uid, conversation):
        if not uid:
            self.answer(400, {"error": "no uid in the query"})
            return
        added = self.server.tasks.add(uid, open_action_items(conversation))
        if not added:
            self.answer(200, {})
            return
        api = self.server.api
        facts = [{"content": "Task: " + task, "tags": ["task"]} for task in added]
        status, text = api.call("POST", "user/memories", uid, body={
            "text": "\n".join(added), "text_source": "other",
            "text_source_spec": "task-keeper", "memories": facts})
        if status != 200:
            self.log_message("creating memories answered %d: %s", status, text)
        kept = "Kept %d task%s: %s" % (len(added), "" if len(added) == 1 else "s", "; ".join(added))
        status, text = api.call("POST", "notification", uid, query={"message": kept[:200]})
        if status != 200:
            self.log_message("the notification answered %d: %s", status, text)
        self.answer(200, {"message": kept})

    def list_tasks(self, uid):
        tasks = self.server.tasks.of(uid)
        try:
            limit = int(self.query().get("limit", len(tasks)))
        except ValueError:
            self.answer(400, {"error": "limit is not an integer"})
            return
        shown = tasks[:max(limit, 0)]
        if not shown:
            self.answer(200, {"result": "You have no open tasks."})
        else:
            self.answer(200, {"result": "Your open tasks:\n" + "\n".join("- " + t for t in shown)})

    def add_task(self, body):
        uid, description = body.get("uid"), body.get("description")
        if not isinstance(uid, str) or not uid:
            self.answer(400, {"error": "no uid in the body"})
        elif not isinstance(description, str) or not description.strip():
            self.answer(400, {"error": "description must be a non-empty string"})
        elif self.server.tasks.add(uid, [description.strip()]):
            self.answer(200, {"result": "Added: " + description.strip()})
        else:
            self.answer(200, {"result": "Already on your list: " + description.strip()})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help="0 picks a free port (default %d)" % DEFAULT_PORT)
    parser.add_argument("--api", default=os.environ.get("OMI_API_BASE_URL", DEFAULT_API),
                        help="the integration API's base URL (default %s)" % DEFAULT_API)
    parser.add_argument("--key", default=os.environ.get("OMI_API_KEY", ""),
                        help="the app's API key (or OMI_API_KEY)")
    parser.add_argument("--app-id", default=os.environ.get("OMI_APP_ID", ""),
                        help="the app's id (default: asked from the API's GET /)")
    arguments = parser.parse_args()
    if not arguments.key:
        parser.error("--key (or OMI_API_KEY) is required: the API refuses calls without it")

    api = IntegrationApi(arguments.api, arguments.key, arguments.app_id)
    try:
        api.discover()
    except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
        sys.exit("task-keeper: cannot ask %s/ for the app id (%s); give --app-id" %
                 (api.base_url, error))
    server = ThreadingHTTPServer((arguments.host, arguments.port), Handler)
    server.daemon_threads = True
    server.tasks = Tasks()
    server.api = api
    # The first line says where it listens, so a script can start it on port 0.
    print("http://%s:%d" % server.server_address[:2], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
