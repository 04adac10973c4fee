"""Opens each of Tapedeck's dialogs over real AT-SPI as a screen reader user would, through
the menu items' own actions, walks the dialog and fails on any focusable object without a
name; then closes it with its Cancel (Close, OK) button and checks that it closed. Also opens
the editors that rename a take and a marker in place (F2), which only the keyboard reaches
and which a screen reader meets only as they take the focus.

A short WAV written here is the open file (Export needs one) and the one take in the
recordings folder (the takes list needs one).

Usage (inside tests/audio/with-sound-server.sh): atspi_dialogs_test.py TAPEDECK_WINDOW
"""

import math
import os
import struct
import subprocess
import sys
import time
import wave

from gi.repository import GLib

from atspi_session import AtspiSession, path_of, wait_until

# Guards against a hang, not a measure of speed: a loaded machine may take its time.
STEP_TIMEOUT_S = 30.0
TAKE_NAME = "Take 2026-01-02 10-00-00.wav"
RATE = 48000
STARTED = time.monotonic()

# Keys, as X key symbols.
KEY_F2 = 0xFFBF
KEY_ESCAPE = 0xFF1B
KEY_TAB = 0xFF09

# (menu item, dialog title, the button that closes it without doing anything), in the order
# they are opened; each needs only what the ones before it left (an open file; then a
# selection; then a marker).
DIALOGS = [
    ("Export…", "Export", "Cancel"),
    ("Schedule Recording…", "Schedule a Recording", "Cancel"),
    ("Keyboard Shortcuts", "Keyboard Shortcuts", "Close"),
    ("About Tapedeck", "About Tapedeck", "OK"),
    ("About Qt", "About Qt", "OK"),
    ("Open…", "Open Sound File", "Cancel"),
    ("Recordings Folder…", "Choose the Recordings Folder", "Cancel"),
]
SELECTION_DIALOGS = [("Export Selection…", "Export Selection", "Cancel")]
MARKER_DIALOGS = [("Export Markers…", "Export Markers", "Cancel")]
# A dialog opened from a dialog: (its button, its title, the button that closes it).
INNER_DIALOGS = {"Export": ("Browse…", "Export To", "Cancel")}


class Failure(Exception):
    pass


def write_take(folder):
    """Half a second of a quiet 440 Hz tone, 16-bit stereo."""
    path = os.path.join(folder, TAKE_NAME)
    frames = bytearray()
    for i in range(RATE // 2):
        sample = int(8000 * math.sin(2 * math.pi * 440 * i / RATE))
        frames += struct.pack("<hh", sample, sample)
    with wave.open(path, "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


def fresh(node):
    """`node` with its cached name, state and children dropped, so the next read asks the
    window."""
    node.clear_cache()
    return node


def action_index(node, *names):
    action = node.queryAction()
    offered = [action.getName(i) for i in range(action.nActions)]
    for name in names:
        if name in offered:
            return action, offered.index(name)
    raise Failure(f"{path_of(node)} offers none of {names} (it offers {offered})")


class NoAnswer(Failure):
    pass


def press(node):
    """Presses a button or a menu item through its AT-SPI action, as a screen reader does."""
    action, index = action_index(node, "Press", "Toggle")
    try:
        done = action.doAction(index)
    except GLib.Error as error:
        # What a screen reader meets when the action opens a dialog in a nested event loop
        # (QDialog::exec()): the answer waits until that dialog closes.
        raise NoAnswer(f"the window did not answer pressing {path_of(node)}: {error.message}")
    if not done:
        raise Failure(f"pressing {path_of(node)} through AT-SPI failed")


class DialogWalk:
    def __init__(self, session, focus):
        self.session = session
        self.pyatspi = session.pyatspi
        self.focus = focus
        self.failures = []
        self.menu_items = {}

    def has(self, node, state):
        return node.getState().contains(state)

    def menu_item(self, name):
        """The menu bar's item called `name`; the bar is walked once, its items stay."""
        p = self.pyatspi
        if not self.menu_items:
            bar = self.session.find(self.session.app, role=p.ROLE_MENU_BAR)
            if bar is None:
                raise Failure("the window has no menu bar")
            for node in self.session.walk(bar):
                if node.getRole() in (p.ROLE_MENU_ITEM, p.ROLE_CHECK_MENU_ITEM):
                    self.menu_items.setdefault(node.name, node)
        if name not in self.menu_items:
            raise Failure(f"no menu item '{name}'")
        return self.menu_items[name]

    def page_tab(self, name):
        p = self.pyatspi
        tab = self.session.find(fresh(self.session.app), name=name, role=p.ROLE_PAGE_TAB)
        if tab is None:
            raise Failure(f"no panel tab '{name}'")
        return tab

    def open_windows(self):
        """The application's windows that are on screen now, by name."""
        app = fresh(self.session.app)
        shown = {}
        for i in range(app.childCount):
            window = app.getChildAtIndex(i)
            if window is not None and self.has(window, self.pyatspi.STATE_SHOWING):
                shown.setdefault(window.name, window)
        return shown

    def check_named(self, root, where):
        nodes = list(self.session.walk(root))
        focusable = [n for n in nodes if self.has(n, self.pyatspi.STATE_FOCUSABLE)]
        unnamed = [n for n in focusable if not n.name.strip()]
        print(f"{time.monotonic() - STARTED:5.1f} s  {where}: {len(nodes)} objects, "
              f"{len(focusable)} focusable, {len(unnamed)} without a name")
        self.failures += [f"{where}: focusable without a name: {path_of(n)}" for n in unnamed]
        return nodes, focusable

    def button(self, nodes, title, name):
        found = next((n for n in nodes if n.getRole() == self.pyatspi.ROLE_PUSH_BUTTON
                      and n.name.replace("&", "") == name), None)
        if found is None:
            raise Failure(f"'{title}' has no '{name}' button")
        return found

    def dialog(self, item_name, title, close_name):
        """Opens `title` through the menu item, walks it (and a dialog it opens), closes it."""
        item = self.menu_item(item_name)
        self.walk_window(item, item_name, title, close_name)

    def walk_window(self, opener, opener_name, title, close_name):
        wait_until(lambda: self.has(fresh(opener), self.pyatspi.STATE_ENABLED),
                   f"'{opener_name}' enabled", STEP_TIMEOUT_S)
        try:
            press(opener)
        except NoAnswer as failure:
            self.failures.append(str(failure))  # the dialog may be there all the same
        window = wait_until(lambda: self.open_windows().get(title),
                            f"the '{title}' window after '{opener_name}'", STEP_TIMEOUT_S)
        nodes, focusable = self.check_named(window, f"'{title}'")
        if not focusable:
            self.failures.append(f"'{title}': nothing in it can take the focus")
        if title in INNER_DIALOGS:
            inner_opener, inner_title, inner_close = INNER_DIALOGS[title]
            self.walk_window(self.button(nodes, title, inner_opener), inner_opener, inner_title,
                             inner_close)
            if title not in self.open_windows():
                raise Failure(f"closing '{inner_title}' closed '{title}' too")
        press(self.button(nodes, title, close_name))
        wait_until(lambda: title not in self.open_windows(), f"'{title}' to close",
                   STEP_TIMEOUT_S)

    # -- editors in lists, reached by keyboard only ---------------------------------------

    def focus_window(self):
        """Gives the window the keyboard focus, as a window manager does for the window in
        front (Xvfb has none): keys go to the window with the focus."""
        env = self.session.env
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                                str(self.session.window.pid)], env=env, capture_output=True,
                               text=True, timeout=STEP_TIMEOUT_S, check=True)
        for window in found.stdout.split():
            subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env,
                           timeout=STEP_TIMEOUT_S, check=True)

    def editor(self, list_name, focus_list, what):
        """Puts the keyboard focus on the list as `focus_list` does, opens the editor of the
        current row's name with F2, checks its name, closes it with Escape."""
        p = self.pyatspi
        view = wait_until(lambda: self.find_list(list_name), f"the list '{list_name}'",
                          STEP_TIMEOUT_S)
        wait_until(lambda: fresh(view).queryTable().nRows > 0, f"a row in '{list_name}'",
                   STEP_TIMEOUT_S)
        self.focus_window()
        focus_list(view)
        wait_until(lambda: self.has(fresh(view), p.STATE_FOCUSED), f"'{list_name}' focused",
                   STEP_TIMEOUT_S)
        # The editor is no child of the list in the tree: a screen reader meets it as the
        # object that takes the focus, and so does this test.
        self.focus.forget()
        self.key(KEY_F2)
        editor = self.focus.wait(lambda n: n.getRole() in (p.ROLE_TEXT, p.ROLE_ENTRY),
                                 f"the editor of {what} to take the focus")
        self.check_named(editor, f"the editor of {what}")
        print(f"the editor of {what}: '{editor.name}', '{editor.description}'")
        self.key(KEY_ESCAPE)
        self.focus.wait(lambda n: n.getRole() not in (p.ROLE_TEXT, p.ROLE_ENTRY),
                        f"the focus back from the editor of {what}")

    def focus_from_filter(self, view):
        """Tab from the takes filter (which takes the focus over AT-SPI) into the list."""
        field = self.session.find(fresh(self.session.app), name="Filter takes by name")
        if field is None or not field.queryComponent().grabFocus():
            raise Failure("the takes filter could not take the focus")
        self.key(KEY_TAB)

    def focus_from_delete_button(self, view):
        """Select the first marker (AT-SPI's Toggle on its cell), which enables Delete Marker;
        the button takes the focus over AT-SPI, and Shift+Tab goes back into the list."""
        p = self.pyatspi
        press(fresh(view).queryTable().getAccessibleAt(0, 0))
        button = self.session.find(fresh(self.session.app), name="Delete marker",
                                   role=p.ROLE_PUSH_BUTTON)
        if button is None:
            raise Failure("no 'Delete marker' button")
        wait_until(lambda: self.has(fresh(button), p.STATE_ENABLED), "'Delete marker' enabled",
                   STEP_TIMEOUT_S)
        if not button.queryComponent().grabFocus():
            raise Failure("'Delete marker' could not take the focus")
        wait_until(lambda: self.has(fresh(button), p.STATE_FOCUSED), "'Delete marker' focused",
                   STEP_TIMEOUT_S)
        subprocess.run(["xdotool", "key", "shift+Tab"], env=self.session.env,
                       timeout=STEP_TIMEOUT_S, check=True)

    def key(self, keysym):
        self.pyatspi.Registry.generateKeyboardEvent(keysym, None, self.pyatspi.KEY_SYM)

    def find_list(self, name):
        p = self.pyatspi
        for node in self.session.walk(fresh(self.session.app)):
            if node.name == name and node.getRole() in (p.ROLE_TREE_TABLE, p.ROLE_TABLE,
                                                        p.ROLE_TREE, p.ROLE_LIST):
                return node
        return None


class FocusWatch:
    """The objects that take the focus, from the window's own focus events, while in use."""

    def __init__(self, pyatspi):
        self.pyatspi = pyatspi
        self.focused = []

    def __enter__(self):
        self.pyatspi.Registry.registerEventListener(self._on_event,
                                                    "object:state-changed:focused")
        return self

    def __exit__(self, *exc):
        self.pyatspi.Registry.deregisterEventListener(self._on_event,
                                                      "object:state-changed:focused")
        return False

    def _on_event(self, event):
        if event.detail1:
            self.focused.append(event.source)

    def forget(self):
        """Drops what took the focus so far."""
        self._pump()
        self.focused.clear()

    def _pump(self):
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass

    def wait(self, condition, what):
        """The first object to take the focus from now on for which `condition` holds."""
        def arrived():
            self._pump()
            while self.focused:
                node = self.focused.pop(0)
                if condition(node):
                    return node
            return None
        return wait_until(arrived, what, STEP_TIMEOUT_S)


def main(window_binary):
    session = AtspiSession(window_binary)
    session.window_args = [write_take(session.recordings)]
    with session, FocusWatch(session.pyatspi) as focus:
        # Listening from the start: the window sends focus events only once it knows that
        # someone listens. The registry tells it before this test's next call reaches it,
        # and many calls come before the first editor opens.
        walk = DialogWalk(session, focus)
        try:
            for item_name, title, close_name in DIALOGS:
                walk.dialog(item_name, title, close_name)
            press(walk.menu_item("Select All"))
            for item_name, title, close_name in SELECTION_DIALOGS:
                walk.dialog(item_name, title, close_name)
            press(walk.menu_item("Add Marker"))
            for item_name, title, close_name in MARKER_DIALOGS:
                walk.dialog(item_name, title, close_name)
            # The names edited in place, reached from the keyboard as a screen reader user
            # does: Tab into the list, F2 on the current row.
            press(walk.menu_item("Takes Panel"))
            walk.editor("Takes in the recordings folder", walk.focus_from_filter,
                        "a take's name")
            # The markers panel shares its place with the devices panel: its tab brings it up.
            press(walk.page_tab("Markers"))
            walk.editor("Markers", walk.focus_from_delete_button, "a marker's name")
        except (Failure, TimeoutError) as failure:
            walk.failures.append(str(failure))
            print(session.log_tail("tapedeck-window"), file=sys.stderr)
        for failure in walk.failures:
            print("FAIL:", failure)
        return 1 if walk.failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
