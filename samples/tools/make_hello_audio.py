#!/usr/bin/env python3
"""Writes samples/audio/hello-16k.wav: a short spoken sentence, 16 kHz mono 16-bit PCM.

Needs espeak-ng on the PATH (Debian: apt-get install espeak-ng), only to regenerate the
committed file; nothing in the build uses it. espeak-ng speaks at 22050 Hz; the standard
library's audioop resamples to 16000 Hz, the rate the app's devices typically stream.
"""

import audioop
import pathlib
import subprocess
import tempfile
import wave

TEXT = ("Hello from Plugin Studio. This is a short test of the audio bytes webhook. "
        "The app sends four seconds of audio at a time.")
RATE = 16000
OUT = pathlib.Path(__file__).resolve().parent.parent / "audio" / "hello-16k.wav"


def main():
    with tempfile.TemporaryDirectory() as folder:
        spoken = pathlib.Path(folder) / "spoken.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(spoken), TEXT],
                       check=True)
        with wave.open(str(spoken)) as source:
            frames = source.readframes(source.getnframes())
            converted, _ = audioop.ratecv(frames, source.getsampwidth(), source.getnchannels(),
                                          source.getframerate(), RATE, None)
    OUT.parent.mkdir(exist_ok=True)
    with wave.open(str(OUT), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(converted)


if __name__ == "__main__":
    main()
