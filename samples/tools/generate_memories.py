#!/usr/bin/env python3
"""Writes the large sample memory in the backend's memory_creation shape.

    python3 samples/tools/generate_memories.py [output folder]

Output (default: samples/memories/ beside this folder):
  two-hour-conversation.json  a two-hour planning session, three speakers

Deterministic: the same script writes the same bytes every time.
"""

import datetime
import os
import random
import sys

from conversation import conversation, write_json

HERE = os.path.dirname(os.path.abspath(__file__))


def two_hour_conversation():
    rng = random.Random(120)
    segments = conversation(rng, start=1.5, duration=2 * 3600 - 5, speakers=[0, 1, 2],
                            topics=["launch", "customers", "hiring"],
                            person_ids={1: "person-elena-42b1"})
    zone = datetime.timezone(datetime.timedelta(hours=-4))
    started = datetime.datetime(2024, 10, 8, 13, 0, 0, tzinfo=zone)
    finished = started + datetime.timedelta(seconds=segments[-1]["end"])
    created = finished + datetime.timedelta(seconds=7, microseconds=412000)
    return {
        "id": "5b0e8c52-1f7d-4c1e-9d51-3a8f2e6b7c10",
        "created_at": created.isoformat(),
        "started_at": started.isoformat(),
        "finished_at": finished.isoformat(),
        "source": "friend",
        "language": "en",
        "structured": {
            "title": "Quarterly Launch Planning Session",
            "overview": "A long planning session about the launch schedule, customer pilots "
                        "and hiring for the backend role. The team agreed to keep the scope "
                        "small and review progress on Thursday.",
            "emoji": "\U0001F680",
            "category": "business",
            "action_items": [
                {"description": "Write up the open questions about the sync engine", "completed": False},
                {"description": "Send Northwind the pricing sheet", "completed": False},
                {"description": "Finish the take-home review by Wednesday", "completed": True},
            ],
            "events": [
                {
                    "title": "Launch review",
                    "description": "Go/no-go review of the launch checklist",
                    "start": datetime.datetime(2024, 10, 10, 15, 0, tzinfo=zone).isoformat(),
                    "duration": 60,
                    "created": False,
                }
            ],
        },
        "transcript_segments": segments,
        "geolocation": None,
        "photos": [],
        "plugins_results": [],
        "external_data": None,
        "discarded": False,
        "deleted": False,
        "visibility": "private",
        "processing_memory_id": None,
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "memories")
    os.makedirs(out, exist_ok=True)
    write_json(os.path.join(out, "two-hour-conversation.json"), two_hour_conversation())


if __name__ == "__main__":
    main()
