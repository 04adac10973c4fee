#!/usr/bin/env python3
"""Tapedeck's engine side by side with the command-line tools people compare it with.

Records and plays 20 seconds of 48 kHz stereo with tapedeck, sox, arecord/aplay and
parecord/paplay, all through the same sound server, and prints for each: CPU time (user +
system), wake-ups per second (voluntary context switches of all its threads) and peak
resident memory, with the ratio to sox. Then the idle window: CPU used by `tapedeck FILE`
sitting with a file open, and the streams it holds on the server.

Run inside the private test sound server (benchmarks/run.sh does):
    tests/audio/with-sound-server.sh benchmarks/compare-tools.py build/app/tapedeck
Needs sox and alsa-utils (packaging/install-deps.sh --test). Figures, never a verdict.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time

SECONDS = 20
RATE = 48000
RUNS = 3  # each tool runs this often, interleaved with the others; the median is shown
IDLE_SETTLE_S = 3
IDLE_MEASURE_S = 10
PEAK_SAMPLE_S = 0.05


def peak_resident_mb(pid):
    """The process's peak resident memory so far (VmHWM), 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def run_measured(argv, stop_after=None):
    """Runs argv to its end (or SIGINT after stop_after s). Returns its rusage, wall time and
    peak resident memory. The peak is sampled from /proc while it runs: rusage's maxrss
    would count the forked Python before exec replaced it."""
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while True:
        if stop_after is not None and time.monotonic() - start >= stop_after:
            process.send_signal(signal.SIGINT)
            stop_after = None
        peak = max(peak, peak_resident_mb(process.pid))
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid != 0:
            break
        time.sleep(PEAK_SAMPLE_S)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    error = process.stderr.read().decode(errors="replace").strip()
    if process.returncode not in (0, -signal.SIGINT, 130):
        print(f"  {argv[0]} failed ({process.returncode}): {error}", file=sys.stderr)
    return usage, wall, peak


def report(title, runs):
    print(f"\n{title} (median of {RUNS} runs)")
    print(f"  {'tool':<12} {'CPU s':>7} {'CPU s/min':>9} {'× sox':>6} {'wakeups/s':>10} "
          f"{'× sox':>6} {'peak MB':>8} {'× sox':>6}")
    sox = runs.get("sox")
    for name, (cpu, wakeups, peak_mb) in runs.items():
        ratio = lambda value, index: f"{value / sox[index]:.2f}" if sox and sox[index] else "-"
        print(f"  {name:<12} {cpu:>7.3f} {cpu * 60 / SECONDS:>9.3f} {ratio(cpu, 0):>6} "
              f"{wakeups:>10.0f} {ratio(wakeups, 1):>6} {peak_mb:>8.1f} {ratio(peak_mb, 2):>6}")


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def measure(commands, stop_after=None, cleanup=lambda: None):
    """Runs every command RUNS times, round-robin (so a busy moment of the machine hits all
    tools alike), and keeps each figure's median."""
    samples = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, argv in commands.items():
            cleanup()
            usage, wall, peak_mb = run_measured(argv, stop_after)
            cpu = usage.ru_utime + usage.ru_stime
            samples[name].append((cpu, usage.ru_nvcsw / wall, peak_mb))
    return {name: tuple(median([run[i] for run in runs]) for i in range(3))
            for name, runs in samples.items()}


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def server_streams():
    count = 0
    for kind in ("sink-inputs", "source-outputs"):
        out = subprocess.run(["pactl", "list", "short", kind], capture_output=True, text=True)
        count += len([line for line in out.stdout.splitlines() if line.strip()])
    return count


def idle_window(tapedeck, path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([tapedeck, path], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        time.sleep(IDLE_SETTLE_S)
        before = cpu_seconds(process.pid)
        time.sleep(IDLE_MEASURE_S)
        used = cpu_seconds(process.pid) - before
        streams = server_streams()
    finally:
        process.terminate()
        process.wait()
    print("\nIdle window with a file open (offscreen)")
    print(f"  CPU {100.0 * used / IDLE_MEASURE_S:.2f}% of a core over {IDLE_MEASURE_S} s, "
          f"{streams} stream(s) open on the sound server")


def main():
    tapedeck = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/app/tapedeck")
    with tempfile.TemporaryDirectory() as folder:
        tone = os.path.join(folder, "tone.wav")
        subprocess.run(["sox", "-q", "-n", "-r", str(RATE), "-c", "2", "-b", "16", tone,
                        "synth", str(SECONDS), "sine", "440", "gain", "-6"], check=True)
        out = lambda name: os.path.join(folder, name)
        record = {
            "tapedeck": [tapedeck, "--record", out("t.wav"), "--duration", str(SECONDS),
                         "--rate", str(RATE), "--channels", "2", "--format", "wav16"],
            "sox": ["sox", "-q", "-t", "alsa", "pulse", "-r", str(RATE), "-c", "2", "-b", "16",
                    out("s.wav"), "trim", "0", str(SECONDS)],
            "arecord": ["arecord", "-q", "-D", "pulse", "-f", "S16_LE", "-r", str(RATE), "-c",
                        "2", "-d", str(SECONDS), out("a.wav")],
        }
        def remove_takes():
            for name in ("t.wav", "s.wav", "a.wav", "p.wav"):
                if os.path.exists(out(name)):
                    os.remove(out(name))

        report(f"Record {SECONDS} s, {RATE} Hz stereo, 16-bit WAV",
               measure(record, cleanup=remove_takes))
        parecord = measure({"parecord": ["parecord", f"--rate={RATE}", "--channels=2",
                                         "--format=s16le", "--file-format=wav", out("p.wav")]},
                           stop_after=SECONDS, cleanup=remove_takes)
        report("  (parecord, stopped after the same time)", parecord)
        play = {
            "tapedeck": [tapedeck, "--play", tone],
            "sox": ["sox", "-q", tone, "-t", "alsa", "pulse"],
            "aplay": ["aplay", "-q", "-D", "pulse", tone],
            "paplay": ["paplay", tone],
        }
        report(f"Play {SECONDS} s, {RATE} Hz stereo", measure(play))
        idle_window(tapedeck, tone)


if __name__ == "__main__":
    main()
