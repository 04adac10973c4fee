"""Walks Tapedeck's window over real AT-SPI, as a screen reader does, and fails on any
focusable object without a name. Also checks that the painted widgets speak: the level meter
carries a value (-60 to 0 dB) and the waveform area is named.

Usage (inside tests/audio/with-sound-server.sh): atspi_tree_test.py TAPEDECK_WINDOW
"""

import sys

from atspi_session import AtspiSession, path_of


def main(window_binary):
    with AtspiSession(window_binary) as session:
        pyatspi = session.pyatspi
        nodes = list(session.walk(session.app))
        focusable = [n for n in nodes if n.getState().contains(pyatspi.STATE_FOCUSABLE)]
        unnamed = [n for n in focusable if not n.name.strip()]
        print(f"{len(nodes)} objects, {len(focusable)} focusable, {len(unnamed)} without a name")
        failures = [f"focusable without a name: {path_of(n)}" for n in unnamed]

        # Sanity: the walk saw the real window, not an empty frame.
        for role, name in ((pyatspi.ROLE_PUSH_BUTTON, "Record"),
                           (pyatspi.ROLE_PUSH_BUTTON, "Stop"),
                           (pyatspi.ROLE_PAGE_TAB, "Devices")):
            if not any(n.getRole() == role and n.name == name for n in nodes):
                failures.append(f"no {role} named '{name}' in the tree")
        if len(focusable) < 20:
            failures.append(f"only {len(focusable)} focusable objects: the tree is incomplete")

        meter = next((n for n in nodes if n.getRole() == pyatspi.ROLE_PROGRESS_BAR
                      and n.name.startswith("Level meter")), None)
        if meter is None:
            failures.append("no level meter (a progress bar named 'Level meter') in the tree")
        else:
            value = meter.queryValue()
            if (value.minimumValue, value.maximumValue) != (-60.0, 0.0):
                failures.append(f"the level meter's range is {value.minimumValue} to "
                                f"{value.maximumValue}, not -60 to 0 dB")
        if not any(n.name == "Waveform" for n in nodes):
            failures.append("no object named 'Waveform'")

        for failure in failures:
            print("FAIL:", failure)
        return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
