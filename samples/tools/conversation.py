"""Deterministic conversation text and timing for the sample generators.

Standard library only. Every generator seeds its own random.Random, so running a script
twice writes byte-identical files.
"""

import json
import random

WORDS_PER_SECOND = 2.6  # about 155 words a minute, a relaxed speaking pace

TOPICS = {
    "launch": [
        "Where are we with the {thing} for the launch?",
        "I think the {thing} is about two days behind.",
        "Can we move the review to {day} so the {thing} is ready?",
        "The beta testers keep asking about the {thing}.",
        "Let's keep the scope small and ship the {thing} first.",
        "I'll write up the open questions about the {thing} tonight.",
        "We need to decide who owns the {thing} after launch.",
        "Honestly the {thing} looked solid in yesterday's demo.",
    ],
    "customers": [
        "Two customers asked for an export to {tool} this week.",
        "The churn numbers for {month} came in lower than we feared.",
        "Support tickets about sign-in doubled after the update.",
        "I spoke with the team at {company} and they want a pilot.",
        "We should call {company} back before {day}.",
        "Their main complaint is that notifications arrive too late.",
        "Remind me to send {company} the pricing sheet.",
    ],
    "hiring": [
        "We have three candidates for the backend role.",
        "The second interview with {person} went really well.",
        "I need to finish the take-home review by {day}.",
        "Let's ask {person} to pair with us for an afternoon.",
        "Do we still want someone with mobile experience?",
    ],
    "personal": [
        "How was the trip to {city}?",
        "The weather in {city} was perfect the whole week.",
        "I finally started running again in the mornings.",
        "We're thinking about adopting a dog, maybe in {month}.",
        "Don't forget it's {person}'s birthday on {day}.",
        "I'll book the restaurant for Friday night.",
        "That new ramen place near the office is actually good.",
    ],
    "errands": [
        "I need to pick up the dry cleaning before six.",
        "We're out of coffee again, can you grab some?",
        "The dentist moved my appointment to {day}.",
        "Remind me to renew the car insurance this month.",
        "The package from {company} should arrive tomorrow.",
    ],
}

FILLERS = [
    "Yeah.", "Right.", "Okay, makes sense.", "Mm-hmm.", "Sure.", "Exactly.",
    "Good point.", "Totally.", "Hmm, I'm not sure.", "Got it.",
]

SLOTS = {
    "thing": ["onboarding flow", "billing page", "sync engine", "release notes", "iOS build",
              "search index", "notification service", "settings screen"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "tool": ["Notion", "Google Sheets", "Salesforce", "Airtable"],
    "month": ["March", "April", "September", "October"],
    "company": ["Northwind", "Acme Health", "Blue Harbor", "Lumen Labs"],
    "person": ["Priya", "Marcus", "Elena", "Kenji", "Sofia"],
    "city": ["Lisbon", "Kyoto", "Montreal", "Cape Town"],
}


def sentence(rng, topic):
    """One sentence about `topic`, its {slots} filled."""
    text = rng.choice(TOPICS[topic])
    for slot, values in SLOTS.items():
        key = "{" + slot + "}"
        while key in text:
            text = text.replace(key, rng.choice(values), 1)
    return text


def utterance(rng, topic):
    """What one speaker says in one turn: a filler or one to three sentences."""
    if rng.random() < 0.18:
        return rng.choice(FILLERS)
    return " ".join(sentence(rng, topic) for _ in range(rng.choice([1, 1, 2, 2, 3])))


def speaking_time(rng, text):
    """Seconds it takes to say `text`, with some variation between speakers and moods."""
    words = len(text.split())
    return max(0.6, words / WORDS_PER_SECOND * rng.uniform(0.85, 1.2))


def segment(text, speaker_id, is_user, start, end, person_id=None):
    return {
        "text": text,
        "speaker": "SPEAKER_%02d" % speaker_id,
        "speaker_id": speaker_id,
        "is_user": is_user,
        "person_id": person_id,
        "start": round(start, 2),
        "end": round(end, 2),
    }


def conversation(rng, start, duration, speakers, topics, user_speaker=0, person_ids=None,
                 max_pause=1.6):
    """Turns between `speakers` (ids) from `start` for about `duration` seconds.

    Turns alternate between speakers (never the same one twice in a row), with pauses of
    0.2 s to `max_pause` s between them, so segment times are realistic and ordered.
    """
    person_ids = person_ids or {}
    segments = []
    now = start
    previous = None
    while now < start + duration:
        candidates = [s for s in speakers if s != previous] or speakers
        speaker = rng.choice(candidates)
        topic = rng.choice(topics)
        text = utterance(rng, topic)
        length = speaking_time(rng, text)
        segments.append(segment(text, speaker, speaker == user_speaker, now, now + length,
                                person_ids.get(speaker)))
        now += length + rng.uniform(0.2, max_pause)
        previous = speaker
    return segments


def write_json(path, value):
    """Two-space indent, UTF-8, a final newline: stable, diff-friendly files."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        json.dump(value, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
