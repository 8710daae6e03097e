"""An example plugin server for the wearable app, to develop against with Plugin Studio.

It implements every kind of endpoint a plugin can offer (see manifest.json):

  POST /memory?uid=...       memory_creation: files the memory, answers a chat message
  POST /transcript?uid=...   transcript_processed: accumulates segments per session and
                             answers a notification when someone commits to something
  POST /proactive?uid=...    transcript_processed with proactive_notification: asks the
                             app's model to answer a question the wearer asked
  GET  /setup/status?uid=... setup check: {"is_setup_completed": true|false}
  GET  /setup?uid=...        the setup page the app opens (auth_steps), and
  POST /setup/complete       its form, which marks the uid as set up

Run it (Debian: apt install python3-fastapi python3-uvicorn):

    cd samples/plugin-server
    /usr/bin/python3 -m uvicorn main:app --port 8000

State lives in memory and is lost on restart; a real plugin would use a database.
"""

import html
from collections import defaultdict, deque
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

app = FastAPI(title="Plugin Studio sample plugin")

# The uid Plugin Studio sends unless told otherwise counts as set up, so that
# `plugin-studio check-setup` passes out of the box.
completed_setups = {"plugin-studio-test-uid"}

# transcript_processed sends only the segments that are new since the previous call: a
# plugin that wants context keeps them, per session. Bounded, so a long day cannot
# exhaust memory.
MAX_SEGMENTS_PER_SESSION = 2000
sessions = defaultdict(lambda: deque(maxlen=MAX_SEGMENTS_PER_SESSION))

COMMITMENTS = ("remind me", "i'll", "i will", "we need to", "don't forget", "let's")


def words(segments):
    return sum(len(segment.get("text", "").split()) for segment in segments)


@app.get("/")
async def health():
    return {"status": "ok"}


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
    session = sessions[body.get("session_id") or uid]
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
    session = sessions["proactive:" + (body.get("session_id") or uid)]
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
    completed_setups.add(uid)
    return "<!doctype html><title>Done</title><p>Setup completed. You can return to the app.</p>"
