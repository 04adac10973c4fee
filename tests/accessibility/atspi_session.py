"""A private desktop for AT-SPI tests: its own D-Bus session bus, the AT-SPI bus on it, an X
server (Xvfb) on a free display, and Tapedeck's window with accessibility on, reached
through pyatspi exactly as a screen reader reaches it. Nothing of the user's own session is
used: every bus, socket, setting and recording lives in a temporary folder removed afterwards.

Run inside tests/audio/with-sound-server.sh, so the window has a sound server to record from.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# Guards against a hang, not a measure of speed: a loaded machine may take its time.
READY_TIMEOUT_S = 30.0
POLL_S = 0.05
STOP_TIMEOUT_S = 5.0
SCREEN = "1280x800x24"


def log(*words):
    print("atspi-session:", *words, file=sys.stderr, flush=True)



def path_of(node):
    """"push button '' < dialog 'Export' < application 'tapedeck-window'": where a node is in
    the tree, for a failure message."""
    parts = []
    while node is not None and len(parts) < 8:
        parts.append(f"{node.getRoleName()} '{node.name}'")
        node = node.parent
    return " < ".join(parts)

def wait_until(condition, what, timeout=READY_TIMEOUT_S):
    """Polls `condition` until it returns something true; fails the test after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(POLL_S)


class AtspiSession:
    """Context manager: `with AtspiSession(window_binary) as s:` then s.app is the window's
    application object in the AT-SPI tree and s.pyatspi the module."""

    def __init__(self, window_binary, recordings=None, window_args=()):
        """`window_args`: what follows the window's program on its command line (files to
        open). The recordings folder exists already, for a test to put takes in first."""
        self.window_binary = window_binary
        self.window_args = list(window_args)
        self.root = tempfile.mkdtemp(prefix="tdatspi.")
        self.recordings = recordings or os.path.join(self.root, "recordings")
        os.makedirs(self.recordings, exist_ok=True)
        self.processes = []  # (name, Popen, own process group), stopped in reverse order
        self.env = None
        self.window = None
        self.app = None
        self.pyatspi = None

    # -- start-up --------------------------------------------------------------------------

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, *exc):
        self._stop()
        return False

    def _spawn(self, name, argv, group=False, **kwargs):
        logfile = open(os.path.join(self.root, f"{name}.log"), "wb")
        process = subprocess.Popen(argv, env=self.env, stdin=subprocess.DEVNULL, stdout=logfile,
                                   stderr=subprocess.STDOUT, start_new_session=group, **kwargs)
        logfile.close()
        self.processes.append((name, process, group))
        return process

    def _start(self):
        env = dict(os.environ)
        # The sound server's wrapper gives a private runtime folder; by hand, make one.
        if "TAPEDECK_SOUND_SERVER_DIR" not in env:
            runtime = os.path.join(self.root, "run")
            os.mkdir(runtime, 0o700)
            env["XDG_RUNTIME_DIR"] = runtime
        config = os.path.join(self.root, "config")
        os.makedirs(os.path.join(config, "Tapedeck"))
        os.makedirs(self.recordings, exist_ok=True)
        with open(os.path.join(config, "Tapedeck", "Tapedeck.conf"), "w") as settings:
            settings.write(f"[recording]\nfolder={self.recordings}\n")
        env.update({
            "XDG_CONFIG_HOME": config,
            "XDG_CACHE_HOME": os.path.join(self.root, "cache"),
            "XDG_DATA_HOME": os.path.join(self.root, "data"),
            "XDG_STATE_HOME": os.path.join(self.root, "state"),
            "NO_AT_BRIDGE": "0",
        })
        for var in ("DISPLAY", "WAYLAND_DISPLAY", "AT_SPI_BUS_ADDRESS", "QT_QPA_PLATFORM",
                    "SESSION_MANAGER"):
            env.pop(var, None)
        self.env = env

        # A session bus of our own: never the user's (nor the sound server's).
        bus = os.path.join(self.root, "bus")
        self._spawn("dbus-daemon", ["dbus-daemon", "--session", "--nofork", "--nopidfile",
                                    f"--address=unix:path={bus}"])
        wait_until(lambda: os.path.exists(bus), "the session bus")
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"

        # An X server on a display nobody uses; it writes the number it took.
        read_end, write_end = os.pipe()
        self._spawn("xvfb", ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN,
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write_end,))
        os.close(write_end)
        number = b""
        with os.fdopen(read_end, "rb") as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start (see its log)")
        env["DISPLAY"] = ":" + number.decode()

        # The AT-SPI bus, in a process group of its own: it starts a second dbus-daemon and
        # the registry, which must go when it goes.
        self._spawn("at-spi-bus-launcher",
                    ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], group=True)
        wait_until(self._a11y_bus_address, "the AT-SPI bus")

        # pyatspi reads the environment when it first connects.
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = env["DBUS_SESSION_BUS_ADDRESS"]
        os.environ["DISPLAY"] = env["DISPLAY"]
        import pyatspi  # noqa: E402  (only now: it connects on import)
        self.pyatspi = pyatspi

        window_env = dict(env)
        window_env.update({
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
        })
        self.env = window_env
        self.window = self._spawn("tapedeck-window", [self.window_binary, *self.window_args])
        self.env = env
        self.app = wait_until(self._find_app, "the window in the AT-SPI tree")

    def _a11y_bus_address(self):
        result = subprocess.run(
            ["dbus-send", "--session", "--print-reply=literal", "--dest=org.a11y.Bus",
             "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
            env=self.env, capture_output=True, text=True, timeout=READY_TIMEOUT_S)
        return result.stdout.strip() if result.returncode == 0 else ""

    def _find_app(self):
        if self.window.poll() is not None:
            raise RuntimeError(f"tapedeck-window exited with {self.window.returncode}:\n"
                               + self.log_tail("tapedeck-window"))
        desktop = self.pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == self.window.pid:
                    # Ready once its main window holds the transport tool bar.
                    if self.find(app, role=self.pyatspi.ROLE_TOOL_BAR) is not None:
                        return app
            except Exception:  # an application leaving the bus as we ask
                continue
        return None

    # -- the tree --------------------------------------------------------------------------

    def walk(self, node, depth=0, max_depth=40):
        """Every accessible object under `node`, depth first."""
        if node is None or depth > max_depth:
            return
        yield node
        for i in range(node.childCount):
            yield from self.walk(node.getChildAtIndex(i), depth + 1, max_depth)

    def find(self, root, name=None, role=None):
        for node in self.walk(root):
            if (name is None or node.name == name) and (role is None or node.getRole() == role):
                return node
        return None

    def log_tail(self, name, lines=30):
        try:
            with open(os.path.join(self.root, f"{name}.log"), errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    # -- shut-down -------------------------------------------------------------------------

    def _stop(self):
        for name, process, group in reversed(self.processes):
            if process.poll() is not None:
                continue
            try:
                if group:
                    os.killpg(process.pid, signal.SIGTERM)
                else:
                    process.terminate()
                process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                log(f"{name} ignored SIGTERM; killing it")
                if group:
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
                process.wait()
            except ProcessLookupError:
                pass
        # Whatever the launcher's group left (the AT-SPI bus, the registry).
        for name, process, group in self.processes:
            if group:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        shutil.rmtree(self.root, ignore_errors=True)
