"""Records a take with nothing but AT-SPI, as a screen reader user would: presses Record and
then Stop through their accessible actions, and checks that a valid take file appears in the
recordings folder, that the status announced the take, and that `tapedeck --info` reads it.

Usage (inside tests/audio/with-sound-server.sh):
    atspi_record_test.py TAPEDECK_WINDOW TAPEDECK
"""

import json
import os
import subprocess
import sys

from atspi_session import AtspiSession, wait_until

# Enough take for --info to find sound frames in, and short enough for a quick test.
MIN_TAKE_SECONDS = 1.0
# Guards against a hang, not a measure of speed: a loaded machine may take its time.
TAKE_TIMEOUT_S = 30.0


def press(session, name):
    """Presses the tool bar button called `name` through its AT-SPI action."""
    pyatspi = session.pyatspi
    button = session.find(session.app, name=name, role=pyatspi.ROLE_PUSH_BUTTON)
    if button is None:
        raise AssertionError(f"no button named '{name}'")
    wait_until(lambda: fresh(button).getState().contains(pyatspi.STATE_ENABLED),
               f"'{name}' enabled", TAKE_TIMEOUT_S)
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "Press" not in names:
        raise AssertionError(f"'{name}' offers no Press action (it offers {names})")
    if not action.doAction(names.index("Press")):
        raise AssertionError(f"pressing '{name}' through AT-SPI failed")


def fresh(node):
    """`node` with its cached name, description and state dropped, so the next read asks the
    window (the cache follows the window's change events, which a test should not race)."""
    node.clear_cache()
    return node


def seconds(text):
    """"1:02.5" -> 62.5, "1:00:02.5" -> 3602.5; anything else -> 0."""
    try:
        total = 0.0
        for part in text.strip().split(":"):
            total = total * 60 + float(part)
        return total
    except ValueError:
        return 0.0


def recorded_seconds(session, waveform):
    """How long the take is so far, from what the waveform says ("Position 0:00.0 of 0:01.2;
    ..."): it counts the frames already written to the file."""
    words = fresh(waveform).description  # changes without an event while unfocused
    if not words.startswith("Position ") or " of " not in words:
        return 0.0
    return seconds(words.split(" of ", 1)[1].split(";", 1)[0])


def main(window_binary, cli_binary):
    with AtspiSession(window_binary) as session:
        pyatspi = session.pyatspi
        status = session.find(session.app, name="Status")
        if status is None:
            raise AssertionError("no status panel named 'Status'")

        press(session, "Record")
        wait_until(lambda: fresh(status).description.startswith("Recording"),
                   "the status to announce the take", TAKE_TIMEOUT_S)
        waveform = session.find(session.app, name="Waveform", role=pyatspi.ROLE_CANVAS)
        if waveform is None:
            raise AssertionError("no waveform canvas while recording")
        wait_until(lambda: recorded_seconds(session, waveform) >= MIN_TAKE_SECONDS,
                   f"{MIN_TAKE_SECONDS} s of take in the waveform", TAKE_TIMEOUT_S)

        press(session, "Stop")
        wait_until(lambda: fresh(status).description.startswith("Recording stopped after"),
                   "the status to announce the end of the take", TAKE_TIMEOUT_S)
        print("announced:", status.description)

        # The take is finalized (renamed from its partial name) as the window stops it.
        def takes():
            return [f for f in os.listdir(session.recordings)
                    if f.lower().endswith((".wav", ".flac", ".ogg"))]
        found = wait_until(takes, "a take file in the recordings folder", TAKE_TIMEOUT_S)
        if len(found) != 1:
            raise AssertionError(f"expected one take, found {found}")
        path = os.path.join(session.recordings, found[0])

        def info():
            result = subprocess.run([cli_binary, "--info", path, "--json", "--no-loudness"],
                                    env=session.env, capture_output=True, text=True,
                                    timeout=TAKE_TIMEOUT_S)
            return json.loads(result.stdout) if result.returncode == 0 else None
        described = wait_until(info, f"`tapedeck --info` to read {path}", TAKE_TIMEOUT_S)
        duration = described["durationSeconds"]
        print(f"take {found[0]}: {described['channels']} channels, "
              f"{described['sampleRate']} Hz, {duration:.2f} s")
        if duration < MIN_TAKE_SECONDS:
            raise AssertionError(f"the take is {duration:.2f} s long, less than the "
                                 f"{MIN_TAKE_SECONDS} s recorded")
        if described["sampleRate"] <= 0 or described["channels"] <= 0:
            raise AssertionError(f"the take's header is not valid: {described}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    try:
        sys.exit(main(sys.argv[1], sys.argv[2]))
    except (AssertionError, TimeoutError) as failure:
        print("FAIL:", failure)
        sys.exit(1)
