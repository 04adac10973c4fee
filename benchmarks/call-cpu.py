#!/usr/bin/env python3
"""CPU seconds of a 20 s take: Tapedeck with one input and with two (a call), beside a bare
PortAudio callback program recording the same device (bare_capture, with one stream and with
two), sox and arecord.

All record 48 kHz through the same sound server. The second input of the call is a copy of
the default source made in the server's graph (module-remap-source), so both inputs carry the
same stream. Each tool runs RUNS times, round-robin, and the median CPU time (user + system of
all its threads) is shown, with the ratios the goals are written in: one input ÷ bare
(goal ≤ 1.2) and two inputs ÷ one input (goal ≤ 1.5).

Run inside the private test sound server:
    tests/audio/with-sound-server.sh benchmarks/call-cpu.py build
Figures, never a verdict.
"""

import os
import subprocess
import sys
import tempfile

SECONDS = 20
RATE = 48000
RUNS = int(os.environ.get("RUNS", "5"))


def cpu_of(argv):
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"  {argv[0]} failed: {process.stderr.read().decode(errors='replace')}",
              file=sys.stderr)
    return usage.ru_utime + usage.ru_stime


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
    tapedeck = os.path.join(build, "app", "tapedeck")
    bare = os.path.join(build, "benchmarks", "bare_capture")
    module = subprocess.run(["pactl", "load-module", "module-remap-source",
                             "master=testsink.monitor", "source_name=callcopy", "channels=2"],
                            capture_output=True, text=True).stdout.strip()
    try:
        with tempfile.TemporaryDirectory() as folder:
            out = lambda name: os.path.join(folder, name)
            take = [tapedeck, "--record", out("t.wav"), "--duration", str(SECONDS), "--rate",
                    str(RATE), "--format", "wav16", "--input-device", "testsink.monitor"]
            commands = {
                "bare": [bare, out("b.wav"), str(SECONDS), str(RATE)],
                "bare, two": [bare, out("b.wav"), str(SECONDS), str(RATE), "2"],
                "one input": take,
                "two inputs": take + ["--input-device", "callcopy"],
                "sox": ["sox", "-q", "-t", "alsa", "pulse", "-r", str(RATE), "-c", "2", "-b",
                        "16", out("s.wav"), "trim", "0", str(SECONDS)],
                "arecord": ["arecord", "-q", "-D", "pulse", "-f", "S16_LE", "-r", str(RATE),
                            "-c", "2", "-d", str(SECONDS), out("a.wav")],
            }
            samples = {name: [] for name in commands}
            for _ in range(RUNS):
                for name, argv in commands.items():
                    for f in os.listdir(folder):
                        os.remove(os.path.join(folder, f))
                    samples[name].append(cpu_of(argv))
    finally:
        if module:
            subprocess.run(["pactl", "unload-module", module])
    median = {name: sorted(v)[len(v) // 2] for name, v in samples.items()}
    print(f"CPU seconds per {SECONDS} s take, {RATE} Hz (median of {RUNS}; all runs in brackets)")
    for name, value in median.items():
        runs = ", ".join(f"{v:.3f}" for v in samples[name])
        print(f"  {name:<11} {value:6.3f}   [{runs}]")
    print(f"  one input / bare:       {median['one input'] / median['bare']:.2f}  (goal <= 1.2)")
    print(f"  two inputs / one input: {median['two inputs'] / median['one input']:.2f}"
          f"  (goal <= 1.5)")
    print(f"  bare two / bare one:    {median['bare, two'] / median['bare']:.2f}"
          "  (what a second stream costs at least)")


if __name__ == "__main__":
    main()
