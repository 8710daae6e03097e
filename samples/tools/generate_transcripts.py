#!/usr/bin/env python3
"""Writes the large sample transcripts in the studio's JSON format.

    python3 samples/tools/generate_transcripts.py [output folder]

Output (default: samples/transcripts/ beside this folder):
  team-meeting-30min.json  a 30-minute meeting, four speakers, the user is SPEAKER_00
  full-day-8h.json         an 8-hour day: a few conversations separated by silence

Deterministic: the same script writes the same bytes every time.
"""

import os
import random
import sys

from conversation import conversation, write_json

HERE = os.path.dirname(os.path.abspath(__file__))


def team_meeting():
    rng = random.Random(30)
    person_ids = {1: "person-priya-7f3a", 2: "person-marcus-1c9e"}  # recognised colleagues
    return conversation(rng, start=4.2, duration=30 * 60 - 10, speakers=[0, 1, 2, 3],
                        topics=["launch", "customers", "hiring"], person_ids=person_ids)


def full_day():
    rng = random.Random(8)
    # (start minute, length in minutes, speakers, topics): a day with long quiet stretches.
    blocks = [
        (2, 12, [0, 1], ["personal", "errands"]),        # breakfast at home
        (45, 25, [0, 2, 3, 4], ["launch", "customers"]),  # morning stand-up and planning
        (120, 40, [0, 2], ["launch", "hiring"]),          # one-on-one
        (215, 35, [0, 3, 5], ["personal", "customers"]),  # lunch with colleagues
        (290, 30, [0, 4, 6], ["customers", "launch"]),    # customer call
        (365, 20, [0, 2], ["hiring"]),                    # interview debrief
        (430, 25, [0, 1], ["personal", "errands"]),       # evening, back home
    ]
    segments = []
    for start_minute, minutes, speakers, topics in blocks:
        segments += conversation(rng, start=start_minute * 60 + rng.uniform(0, 30),
                                 duration=minutes * 60, speakers=speakers, topics=topics)
    return [s for s in segments if s["end"] <= 8 * 3600]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "transcripts")
    os.makedirs(out, exist_ok=True)
    write_json(os.path.join(out, "team-meeting-30min.json"), team_meeting())
    write_json(os.path.join(out, "full-day-8h.json"), full_day())


if __name__ == "__main__":
    main()
