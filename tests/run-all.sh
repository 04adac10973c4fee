#!/usr/bin/env bash
# Installs what the tests need (Debian 12), builds Tapedeck and runs the whole test suite in
# stages. Every stage runs even when an earlier one failed; the end prints one line per stage
# and the script exits non-zero if any stage failed.
#
#   package         the release build: desktop file, metainfo, .deb built, installed,
#                   smoke-run, removed
#   tests           the whole suite (unit, widget, real sound server) in a build with
#                   AddressSanitizer and UBSan, so one build both runs and checks every test
#   tsan            engine and unit tests again under ThreadSanitizer, but for the
#                   single-threaded arithmetic (ctest label dsp), the process-level
#                   robustness tests and cli_sound_test (its paths are run by the other
#                   command-line sound tests)
#   fuzz            a one-minute fuzz run of the file-opening code, beside the tsan build
#   soak            a ten-minute recording with the release build, in the background
#
#   tests/run-all.sh                     install, build, test
#   SKIP_INSTALL=1 tests/run-all.sh      (packages already installed)
#   SKIP_SANITIZERS=1 tests/run-all.sh   (the suite in a plain build; skips tsan and fuzz)
#   FUZZ_SECONDS=600 tests/run-all.sh    (a longer fuzz run; 0 skips it)
#   RUN_SOAK=0 tests/run-all.sh          (skips the soak)
set -uo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
stage_names=()
stage_results=()
stage_seconds=()

# Runs one stage: a name, then the command. Records whether it passed and how long it took.
run_stage() {
    local name=$1 started status
    shift
    echo "=== ${name} ==="
    started=$SECONDS
    "$@"
    status=$?
    record_stage "${name}" "$([ "${status}" = 0 ] && echo passed || echo "FAILED (exit ${status})")" \
        $((SECONDS - started))
    return "${status}"
}

record_stage() {
    stage_names+=("$1")
    stage_results+=("$2")
    stage_seconds+=("$3")
}

install_packages() {
    packaging/install-deps.sh --test
}

# The release build: the programs and the soak tests, not the whole suite (that runs in the
# sanitizer build) nor the benchmarks (any plain build makes them). CPack's install then
# builds nothing more.
build_release() {
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON &&
        cmake --build build -j "${jobs}" --target app/all packaging/all tests/robustness/all
}

check_package() {
    build_release && packaging/check-package.sh build
}

# Sanitizer reports go to files, so that problems in child processes (the tapedeck command
# line run by the tests, whose own stderr is kept for user messages) are caught too.
# Arguments: the folder for reports, then the ctest command line.
run_with_reports() {
    local reports=$1 status=0
    shift
    rm -rf "${reports}" && mkdir -p "${reports}"
    "$@" || status=$?
    if compgen -G "${reports}/*" >/dev/null; then
        echo "The sanitizer found problems:"
        cat "${reports}"/*
        return 1
    fi
    return "${status}"
}

# The ThreadSanitizer build: the command line and the test programs its stage runs, nothing
# else. It runs after the suite, never beside a test that plays or records: a compiler beside
# the sound tests starved their streams in CI (whole blocks lost on the server), however low
# its priority.
tsan_test_filter=(-LE 'benchmark|soak|dsp' -E '^(kill_test|disk_full_test|recovery_test|cli_sound_test)$')
tsan_build() {
    # Line tables only (-g1): a report still names files and lines, and the build is quicker.
    cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
        -DTAPEDECK_SANITIZE=thread -DTAPEDECK_BUILD_GUI=OFF -DTAPEDECK_BUILD_BENCHMARKS=OFF ||
        return 1
    # A test's program has the test's name ("name.case" runs one case of it); a test that
    # runs a script has no program of its own.
    local name targets=""
    for name in $(ctest --test-dir build-tsan -N "${tsan_test_filter[@]}" |
        sed -n 's/^ *Test *#[0-9]*: \([^ .]*\).*/\1/p' | sort -u); do
        ninja -C build-tsan -t query "${name}" >/dev/null 2>&1 && targets+=" ${name}"
    done
    [ -n "${targets}" ] || return 1
    # shellcheck disable=SC2086 # one word per target
    cmake --build build-tsan -j "${jobs}" --target app/all ${targets}
}

tsan_tests() {
    # The fuzz run (CPU only, no sound) shares the cores with the build, and ends before the
    # tests start.
    start_fuzz
    tsan_build || {
        finish_fuzz
        return 1
    }
    finish_fuzz
    # die_after_fork=0: the tests start helper processes (pacat) from threaded programs
    # through QProcess.
    local reports="${PWD}/build-tsan/tsan-reports"
    TSAN_OPTIONS="halt_on_error=1 die_after_fork=0 second_deadlock_stack=1 suppressions=${PWD}/tests/tsan.supp log_path=${reports}/report" \
        run_with_reports "${reports}" \
        ctest --test-dir build-tsan --output-on-failure -j "${jobs}" "${tsan_test_filter[@]}"
}

# The whole suite. With sanitizers (the default): -O1 -g1, as AddressSanitizer's own
# documentation suggests, for full reports and a quicker build.
suite_tests() {
    if [ "${SKIP_SANITIZERS:-0}" = "1" ]; then
        cmake -S . -B build-suite -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DTAPEDECK_BUILD_BENCHMARKS=OFF &&
            cmake --build build-suite -j "${jobs}" &&
            ctest --test-dir build-suite --output-on-failure -j "${jobs}" -LE 'benchmark|soak'
        return
    fi
    cmake -S . -B build-suite -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
        -DTAPEDECK_SANITIZE=address,undefined -DTAPEDECK_BUILD_GUI=ON \
        -DTAPEDECK_BUILD_BENCHMARKS=OFF &&
        cmake --build build-suite -j "${jobs}" || return 1
    # Leaks are checked; tests/lsan.supp names the known leaks of other libraries.
    local reports="${PWD}/build-suite/asan-reports"
    ASAN_OPTIONS="detect_leaks=1 halt_on_error=1 log_path=${reports}/asan" \
        LSAN_OPTIONS="suppressions=${PWD}/tests/lsan.supp print_suppressions=0" \
        UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1 log_path=${reports}/ubsan" \
        QT_QPA_PLATFORM=offscreen \
        run_with_reports "${reports}" \
        ctest --test-dir build-suite --output-on-failure -j "${jobs}" -LE 'benchmark|soak'
}

# The fuzz run: started in the background beside the tsan build (it stops after FUZZ_SECONDS
# of wall time), waited for before the tsan tests start, and reported in its own stage.
fuzz_pid=""
fuzz_status=""
start_fuzz() {
    [ "${FUZZ_SECONDS:-60}" = "0" ] && return
    tests/fuzz/run-fuzz.sh "${FUZZ_SECONDS:-60}" >build-fuzz.log 2>&1 &
    fuzz_pid=$!
}

finish_fuzz() {
    [ -z "${fuzz_pid}" ] && return
    fuzz_status=0
    wait "${fuzz_pid}" || fuzz_status=$?
    fuzz_pid=""
}

fuzz() {
    if [ -z "${fuzz_status}" ]; then # not run beside the tsan build
        start_fuzz
        finish_fuzz
    fi
    cat build-fuzz.log
    return "${fuzz_status}"
}

print_summary() {
    local i passed=0 failed=0 skipped=0
    echo
    echo "=== Summary ==="
    for i in "${!stage_names[@]}"; do
        printf '%-12s %-22s %5d s\n' "${stage_names[i]}" "${stage_results[i]}" \
            "${stage_seconds[i]}"
        case ${stage_results[i]} in
        FAILED*) failed=$((failed + 1)) ;;
        skipped) skipped=$((skipped + 1)) ;;
        *) passed=$((passed + 1)) ;;
        esac
    done
    echo "stages: ${passed} passed, ${failed} failed, ${skipped} skipped"
    [ "${failed}" = 0 ]
}

# Background work still running when the script ends (a failure, Ctrl+C) is stopped.
trap 'for pid in "${soak_pid:-}" "${fuzz_pid}"; do
          [ -n "${pid}" ] && kill "${pid}" 2>/dev/null
      done
      true' EXIT

if [ "${SKIP_INSTALL:-0}" != "1" ]; then
    # Nothing else can run without the packages.
    run_stage install install_packages || {
        print_summary
        exit 1
    }
fi

run_stage package check_package

# The soak records for ten minutes at a few percent of one core: it runs in its own sound
# server while the sanitizer builds keep the cores busy, and is waited for at the end. The
# call drift soak measures how two inputs' offset moves over minutes, so it runs last, with
# nothing beside it: beside the suite's sound tests, the server at times dropped a whole block
# of one input unannounced, a step no drift measurement survives (see README.md).
soak_pid=""
soak_started=$SECONDS
if [ "${RUN_SOAK:-1}" = "1" ] && [ -x build/app/tapedeck ]; then
    echo "=== soak: a ten-minute recording, started in the background ==="
    ctest --test-dir build --output-on-failure -L soak -E '^call_drift_soak_test$' \
        >build/soak.log 2>&1 &
    soak_pid=$!
fi

run_stage tests suite_tests
if [ "${SKIP_SANITIZERS:-0}" != "1" ]; then
    run_stage tsan tsan_tests
    if [ "${FUZZ_SECONDS:-60}" != "0" ]; then
        run_stage fuzz fuzz
    else
        record_stage fuzz skipped 0
    fi
else
    record_stage tsan skipped 0
    record_stage fuzz skipped 0
fi

if [ -n "${soak_pid}" ]; then
    echo "=== soak: waiting for the ten-minute recording ==="
    soak_status=0
    wait "${soak_pid}" || soak_status=$?
    soak_pid=""
    cat build/soak.log
    echo "=== soak: the call drift soak, alone ==="
    ctest --test-dir build --output-on-failure -R '^call_drift_soak_test$' || soak_status=$?
    record_stage soak "$([ "${soak_status}" = 0 ] && echo passed || echo "FAILED (exit ${soak_status})")" \
        $((SECONDS - soak_started))
elif [ "${RUN_SOAK:-1}" = "1" ]; then
    record_stage soak "FAILED (no build)" 0
else
    record_stage soak skipped 0
fi

print_summary
exit $?
