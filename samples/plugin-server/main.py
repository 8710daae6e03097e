"""An example plugin server for the wearable app, to develop against with Plugin Studio.

It implements every kind of endpoint a plugin can offer; manifest.json holds the three plugins
it serves, and plugins/ their setup instructions and logos, so this folder is a plugin
repository that `plugin-studio validate manifest.json` checks (the warnings about http and
localhost remain: it is a local development server).

  GET  /                     the endpoints, as {"endpoints": [{"name", "trigger", "url"}]}
                             with absolute URLs, so that a client needs no paths
  POST /memory?uid=...       memory_creation (sample-meeting-filer): files the memory and
                             answers a chat message
  POST /transcript?uid=...   transcript_processed (sample-commitment-listener): accumulates
                             segments per session and answers a notification when someone
                             commits to something
  POST /proactive?uid=...    proactive_notification (sample-question-helper): asks the app's
                             model to answer a question the wearer asked
  GET  /setup/status?uid=... setup_completed: {"is_setup_completed": true|false}; false until
                             the user pressed the setup page's button
  GET  /setup?uid=...        setup_page: the page the app opens (auth_steps), and
  POST /setup/complete       its form (uid=...), which marks the uid as set up

`plugin-studio serve` runs a built-in server with the same endpoints and behaviour.

Run it (Debian: apt install python3-fastapi python3-uvicorn):

    cd samples/plugin-server
    /usr/bin/python3 -m uvicorn main:app --port 8000

State lives in memory, bounded, and is lost on restart; a real plugin would use a database.
"""

import html
from collections import OrderedDict, deque
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

app = FastAPI(title="Plugin Studio sample plugin")

# Everything is kept in memory and bounded, so that a long day (or a client inventing a new
# uid per request) cannot exhaust it: past a limit the oldest go first.
MAX_SESSIONS = 2000
MAX_SEGMENTS_PER_SESSION = 2000
MAX_COMPLETED_SETUPS = 5000


class Bounded(OrderedDict):
    """An OrderedDict that keeps at most `limit` keys, dropping the least recently used."""

    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def touch(self, key, make):
        """The value of `key`, made by make() when missing; either way now the newest."""
        if key in self:
            self.move_to_end(key)
        else:
            self[key] = make()
            while len(self) > self.limit:
                self.popitem(last=False)
        return self[key]


# The uids whose user pressed the setup page's button. None is set up from the start: the
# app's setup check answers false until then.
completed_setups = Bounded(MAX_COMPLETED_SETUPS)

# transcript_processed sends only the segments that are new since the previous call: a
# plugin that wants context keeps them, per session.
sessions = Bounded(MAX_SESSIONS)


def session_of(key):
    return sessions.touch(key, lambda: deque(maxlen=MAX_SEGMENTS_PER_SESSION))


COMMITMENTS = ("remind me", "i'll", "i will", "we need to", "don't forget", "let's")


def words(segments):
    return sum(len(segment.get("text", "").split()) for segment in segments)


@app.get("/")
async def endpoints(request: Request):
    # Absolute URLs from the address the client used, so they are right behind any host
    # name or port.
    def endpoint(name, trigger, route):
        return {"name": name, "trigger": trigger, "url": str(request.url_for(route))}

    return {
        "endpoints": [
            endpoint("sample-meeting-filer", "memory_creation", "memory_created"),
            endpoint("sample-commitment-listener", "transcript_processed", "transcript_processed"),
            endpoint("sample-question-helper", "proactive_notification", "proactive"),
            endpoint("setup status", "setup_completed", "setup_status"),
            endpoint("setup page", "setup_page", "setup_page"),
        ]
    }


@app.post("/memory")
async def memory_created(request: Request, uid: str):
    memory = await request.json()
    structured = memory.get("structured") or {}
    segments = memory.get("transcript_segments") or []
    open_items = [item for item in structured.get("action_items") or [] if not item.get("completed")]
    title = structured.get("title") or "Untitled conversation"
    # A non-empty "message" becomes a chat message and a notification "<name> says".
    items = f"{len(open_items)} open action item" + ("" if len(open_items) == 1 else "s")
    return {"message": f"Filed \"{title}\": {len(segments)} segments, {words(segments)} words, {items}."}


@app.post("/transcript")
async def transcript_processed(request: Request, uid: str):
    body = await request.json()
    session = session_of(body.get("session_id") or uid)
    new_segments = body.get("segments") or []
    session.extend(new_segments)
    for segment in new_segments:
        text = segment.get("text", "")
        if any(phrase in text.lower() for phrase in COMMITMENTS):
            # Longer than 5 characters, or the app drops it.
            return {"message": f"Noted for later: \"{text}\" ({len(session)} segments so far)."}
    return {}


@app.post("/proactive")
async def proactive(request: Request, uid: str):
    body = await request.json()
    session = session_of("proactive:" + (body.get("session_id") or uid))
    new_segments = body.get("segments") or []
    session.extend(new_segments)
    questions = [
        segment["text"]
        for segment in new_segments
        if segment.get("is_user") and segment.get("text", "").rstrip().endswith("?")
    ]
    if not questions:
        return {}
    # The app fills the {{placeholders}} of the scopes the manifest declares, asks its own
    # model, and sends at most one such notification per user per plugin every 30 s.
    return {
        "notification": {
            "prompt": "{{user_name}} just asked: \"" + questions[-1] + "\". Using what you know "
            "from {{user_context}}, suggest a helpful answer in one short sentence.",
            "params": ["user_name", "user_context"],
            "context": {"question": questions[-1], "segments_heard": len(session)},
        }
    }


@app.get("/setup/status")
async def setup_status(uid: str):
    return {"is_setup_completed": uid in completed_setups}


@app.get("/setup", response_class=HTMLResponse)
async def setup_page(uid: str):
    return (
        "<!doctype html><title>Set up the sample plugin</title>"
        "<h1>Set up the sample plugin</h1>"
        "<form method=post action=/setup/complete>"
        f"<input type=hidden name=uid value=\"{html.escape(uid)}\">"
        "<button>Complete setup</button></form>"
    )


@app.post("/setup/complete", response_class=HTMLResponse)
async def setup_complete(request: Request):
    # The form is read by hand so that the sample needs nothing beyond FastAPI and uvicorn
    # (FastAPI's Form() needs python-multipart).
    form = parse_qs((await request.body()).decode("utf-8"))
    uid = (form.get("uid") or [""])[0]
    if not uid:
        return HTMLResponse("<!doctype html><p>No uid: open this page from the app.</p>", status_code=400)
    completed_setups.touch(uid, lambda: True)
    return "<!doctype html><title>Done</title><p>Setup completed. You can return to the app.</p>"
