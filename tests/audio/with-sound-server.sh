#!/usr/bin/env bash
# Runs a command inside a private, headless PipeWire sound server, so audio tests can play and
# record real streams without a sound card and without touching the user's own sound session.
#
#   with-sound-server.sh COMMAND [ARGS...]   start a server, run COMMAND, stop the server and
#                                            return COMMAND's exit code
#   with-sound-server.sh start DIR           start a server that outlives the script (for
#                                            interactive debugging) and print its environment;
#                                            `source DIR/env` to become a client
#   with-sound-server.sh stop DIR            stop a server made by `start` and remove DIR
#
# The server is a null sink "testsink" (48000 Hz, stereo) whose monitor "testsink.monitor" is
# the default source, so whatever is played into the default sink can be recorded back.
# COMMAND sees these variables:
#   XDG_RUNTIME_DIR, PULSE_SERVER, PULSE_CLIENTCONFIG, ALSA_CONFIG_PATH, DBUS_SESSION_BUS_ADDRESS
#       reach the private server (PortAudio through the ALSA "pulse"/"default" devices)
#   HOME, XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME, XDG_DATA_HOME
#       a private home, so tests never write to the real one
#   TAPEDECK_SOUND_SERVER_PIDS
#       the server PIDs in start order (dbus-daemon pipewire wireplumber pipewire-pulse);
#       a test may kill or SIGSTOP them to simulate a lost or frozen device
#   TAPEDECK_SOUND_SERVER_DIR
#       the server's temporary directory (logs are in its log/ folder)
#
# Requires: dbus-daemon, pipewire, wireplumber, pipewire-pulse, pactl, libasound2-plugins.

set -uo pipefail

readonly SCRIPT_NAME="with-sound-server"
readonly SINK_NAME="testsink"
readonly SOURCE_NAME="${SINK_NAME}.monitor"
readonly SAMPLE_RATE=48000
readonly READY_TIMEOUT_MS=10000
readonly POLL_INTERVAL_S=0.05
# The session manager normally picks the only sink as default within a few hundred
# milliseconds; past this we set the defaults ourselves rather than keep waiting.
readonly DEFAULTS_GRACE_MS=1000
readonly STOP_TIMEOUT_MS=3000
readonly PACTL_TIMEOUT_S=2
# sun_path holds 108 bytes including the terminating NUL; keep a margin.
readonly MAX_SOCKET_PATH=100
readonly PULSE_SOCKET_SUFFIX="/pulse/native"
# mktemp's XXXXXXXX plus "/run".
readonly DIR_SUFFIX_LENGTH=12
readonly DIR_PREFIX="tdsnd."
readonly MARKER_FILE=".tapedeck-sound-server"
readonly OWNER_LOCK="owner.lock"
readonly LOG_TAIL_LINES=20

server_dir=""
run_dir=""
command_pid=""
# Set once the server belongs to someone else (`start` succeeded): the exit trap must not stop it.
detach_on_exit=0
server_pids=()
server_names=()

log() { echo "${SCRIPT_NAME}: $*" >&2; }

now_ms() {
    local t=${EPOCHREALTIME/./}
    echo $((t / 1000))
}

# True while the process exists and has not exited (a zombie counts as exited).
is_running() {
    local pid=$1 stat
    stat=$(cat "/proc/${pid}/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != "Z" ]]
}

# True when pid is still one of this server's processes (or the command run inside it), so a
# PID reused by an unrelated process after ours died is never signalled. Every such process
# was started with this server's XDG_RUNTIME_DIR, a freshly made path no other process has.
belongs_to_server() {
    local pid=$1
    is_running "${pid}" || return 1
    tr '\0' '\n' <"/proc/${pid}/environ" 2>/dev/null | grep -qxF "XDG_RUNTIME_DIR=${run_dir}"
}

# Stops one process: SIGTERM, then SIGCONT in case a test froze it with SIGSTOP (a stopped
# process never acts on the SIGTERM), then SIGKILL if it has not exited within the timeout.
stop_process() {
    local pid=$1 name=$2 deadline
    belongs_to_server "${pid}" || return 0
    kill -TERM "${pid}" 2>/dev/null
    kill -CONT "${pid}" 2>/dev/null
    deadline=$(($(now_ms) + STOP_TIMEOUT_MS))
    while is_running "${pid}" && (($(now_ms) < deadline)); do
        sleep "${POLL_INTERVAL_S}"
    done
    if is_running "${pid}"; then
        log "${name:-command} (pid ${pid}) ignored SIGTERM; killing it"
        kill -KILL "${pid}" 2>/dev/null
    fi
}

stop_servers() {
    local i
    for ((i = ${#server_pids[@]} - 1; i >= 0; i--)); do
        stop_process "${server_pids[i]}" "${server_names[i]}"
    done
}

read_pid_file() {
    local pid name
    server_pids=()
    server_names=()
    [[ -f ${server_dir}/pids ]] || return 0
    while read -r pid name; do
        server_pids+=("${pid}")
        server_names+=("${name}")
    done <"${server_dir}/pids"
}

remove_server_dir() {
    # Only ever remove a directory this script created and marked.
    if [[ -n ${server_dir} && -f ${server_dir}/${MARKER_FILE} ]]; then
        rm -rf -- "${server_dir}"
    fi
}

# shellcheck disable=SC2317 # run by the exit trap
cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    if ((detach_on_exit)); then
        exit "${status}"
    fi
    if [[ -n ${command_pid} ]]; then
        stop_process "${command_pid}" ""
    fi
    stop_servers
    # Reap our children so nothing is left behind as a zombie of this shell.
    wait 2>/dev/null
    remove_server_dir
    exit "${status}"
}

# shellcheck disable=SC2317 # run by the signal traps
on_signal() {
    local signal_number=$1
    log "interrupted (signal ${signal_number}); stopping"
    exit $((128 + signal_number))
}

# The locals shadow the globals for the functions called from here (bash scopes dynamically).
reap_server() {
    local server_dir=$1
    local run_dir=${server_dir}/run
    local -a server_pids server_names
    read_pid_file
    stop_servers
    remove_server_dir
}

# Servers whose script was killed with SIGKILL leave their processes and directory behind;
# remove those of dead owners so they do not pile up across runs. The owner holds a lock on
# owner.lock while it lives: a lock, unlike a PID, also works across PID namespaces and cannot
# be confused by PID reuse.
reap_stale_servers() {
    local base=$1 dir
    for dir in "${base}/${DIR_PREFIX}"*; do
        [[ -f ${dir}/${MARKER_FILE} && -f ${dir}/${OWNER_LOCK} && -O ${dir} ]] || continue
        if flock --nonblock "${dir}/${OWNER_LOCK}" true; then
            log "removing stale server ${dir}"
            reap_server "${dir}"
        fi
    done
}

write_config() {
    local d=${server_dir}
    mkdir -p "${d}/log" "${d}/server/home" "${d}/server/config/pipewire/pipewire.conf.d" \
        "${d}/server/config/pipewire/pipewire-pulse.conf.d" \
        "${d}/server/config/wireplumber/main.lua.d" \
        "${d}/server/config/wireplumber/bluetooth.lua.d" \
        "${d}/server/state" "${d}/server/cache" \
        "${d}/client/home" "${d}/client/config" "${d}/client/state" "${d}/client/cache" \
        "${d}/client/data" || return 1
    # XDG_RUNTIME_DIR must be private to its user.
    mkdir -p "${run_dir}" && chmod 700 "${run_dir}" || return 1

    # A null sink at a fixed rate. WirePlumber suspends nodes idle for 5 s; a suspended sink
    # wakes up late for the next stream, so suspension is disabled to keep timing steady.
    cat >"${d}/server/config/pipewire/pipewire.conf.d/10-null-sink.conf" <<EOF
context.properties = {
    default.clock.rate = ${SAMPLE_RATE}
    default.clock.allowed-rates = [ ${SAMPLE_RATE} ]
}
context.objects = [
    { factory = adapter
        args = {
            factory.name = support.null-audio-sink
            node.name = ${SINK_NAME}
            node.description = "Test Sink"
            media.class = Audio/Sink
            audio.position = [ FL FR ]
            audio.rate = ${SAMPLE_RATE}
            object.linger = true
            priority.session = 2000
            session.suspend-timeout-seconds = 0
            node.pause-on-idle = false
        }
    }
]
EOF
    # Without normalization a mono capture of the stereo monitor is 3 dB hot.
    cat >"${d}/server/config/pipewire/pipewire-pulse.conf.d/10-normalize.conf" <<EOF
stream.properties = { channelmix.normalize = true }
EOF
    # Only the null sink: never open the machine's real sound cards, cameras or Bluetooth
    # devices, and never restore stream volumes remembered from earlier runs.
    cat >"${d}/server/config/wireplumber/main.lua.d/60-test-server.lua" <<EOF
alsa_monitor.enabled = false
v4l2_monitor.enabled = false
libcamera_monitor.enabled = false
stream_defaults.properties["restore-props"] = false
stream_defaults.properties["restore-target"] = false
EOF
    cat >"${d}/server/config/wireplumber/bluetooth.lua.d/60-test-server.lua" <<EOF
bluez_monitor.enabled = false
EOF
    # Replaces the system ALSA configuration: no card probing, nothing read from \$HOME. The
    # "pulse" PCM takes a DEVICE argument, as Debian's libasound2-plugins configuration gives
    # it, so a stream can name the source or sink it wants ("pulse:DEVICE=testsink").
    cat >"${d}/alsa.conf" <<EOF
pcm.!default { type pulse hint { show on description "Test sound server" } }
ctl.!default { type pulse }
pcm.pulse {
    @args [ DEVICE ]
    @args.DEVICE { type string default "" }
    type pulse
    device \$DEVICE
    hint { show on description "Test sound server" }
}
ctl.pulse { type pulse }
EOF
    # A client must never start a PulseAudio daemon of its own.
    cat >"${d}/pulse-client.conf" <<EOF
autospawn = no
EOF
}

# Starts one server program in the private environment, logging to log/NAME.log.
start_server_process() {
    local name=$1
    shift
    local d=${server_dir}
    local -a server_env=(
        env -i "PATH=${PATH}" "LANG=C.UTF-8"
        "HOME=${d}/server/home"
        "XDG_CONFIG_HOME=${d}/server/config"
        "XDG_STATE_HOME=${d}/server/state"
        "XDG_CACHE_HOME=${d}/server/cache"
        "XDG_RUNTIME_DIR=${run_dir}"
        "DBUS_SESSION_BUS_ADDRESS=unix:path=${run_dir}/bus"
    )
    if ((detached)); then
        # A new session, so the terminal's hang-up and Ctrl-C do not reach it.
        setsid "${server_env[@]}" "$@" </dev/null >"${d}/log/${name}.log" 2>&1 &
    else
        # Without the owner lock, so a server orphaned by a killed script can be reaped.
        "${server_env[@]}" "$@" </dev/null >"${d}/log/${name}.log" 2>&1 {owner_lock_fd}>&- &
    fi
    local pid=$!
    # Stops bash from reporting "Killed" when a test kills a server on purpose; the process
    # is still reaped and still stopped by PID in the exit trap.
    disown "${pid}"
    server_pids+=("${pid}")
    server_names+=("${name}")
    echo "${pid} ${name}" >>"${d}/pids"
}

export_client_env() {
    local d=${server_dir} var
    # Settings inherited from the user's own session would point clients elsewhere.
    for var in $(compgen -e); do
        case ${var} in
        PULSE_* | PIPEWIRE_* | JACK_* | ALSA_*) unset "${var}" ;;
        esac
    done
    export HOME="${d}/client/home"
    export XDG_CONFIG_HOME="${d}/client/config"
    export XDG_STATE_HOME="${d}/client/state"
    export XDG_CACHE_HOME="${d}/client/cache"
    export XDG_DATA_HOME="${d}/client/data"
    export XDG_RUNTIME_DIR="${run_dir}"
    export DBUS_SESSION_BUS_ADDRESS="unix:path=${run_dir}/bus"
    export PULSE_SERVER="unix:${run_dir}${PULSE_SOCKET_SUFFIX}"
    export PULSE_CLIENTCONFIG="${d}/pulse-client.conf"
    export ALSA_CONFIG_PATH="${d}/alsa.conf"
    # PortAudio also probes JACK; it must never start a JACK server of its own.
    export JACK_NO_START_SERVER=1
    export TAPEDECK_SOUND_SERVER_PIDS="${server_pids[*]}"
    export TAPEDECK_SOUND_SERVER_DIR="${d}"
}

write_env_file() {
    local var
    for var in HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME XDG_DATA_HOME \
        XDG_RUNTIME_DIR DBUS_SESSION_BUS_ADDRESS PULSE_SERVER PULSE_CLIENTCONFIG \
        ALSA_CONFIG_PATH JACK_NO_START_SERVER TAPEDECK_SOUND_SERVER_PIDS TAPEDECK_SOUND_SERVER_DIR; do
        printf 'export %s=%q\n' "${var}" "${!var}"
    done >"${server_dir}/env"
}

dump_logs() {
    local f
    for f in "${server_dir}"/log/*.log; do
        [[ -s ${f} ]] || continue
        log "--- last lines of ${f##*/} ---"
        tail -n "${LOG_TAIL_LINES}" "${f}" >&2
    done
}

all_servers_running() {
    local i
    for i in "${!server_pids[@]}"; do
        if ! is_running "${server_pids[i]}"; then
            log "${server_names[i]} exited during start-up"
            return 1
        fi
    done
}

wait_for_file() {
    local path=$1 deadline=$2
    until [[ -e ${path} ]]; do
        all_servers_running || return 1
        if (($(now_ms) > deadline)); then
            log "timed out waiting for ${path}"
            return 1
        fi
        sleep "${POLL_INTERVAL_S}"
    done
}

# Waits until the Pulse server answers with testsink and its monitor as defaults.
wait_until_ready() {
    local deadline=$1 info sink source first_answer_ms=""
    while :; do
        all_servers_running || return 1
        if info=$(timeout "${PACTL_TIMEOUT_S}" pactl info 2>/dev/null); then
            sink=$(sed -n 's/^Default Sink: //p' <<<"${info}")
            source=$(sed -n 's/^Default Source: //p' <<<"${info}")
            if [[ ${sink} == "${SINK_NAME}" && ${source} == "${SOURCE_NAME}" ]]; then
                return 0
            fi
            first_answer_ms=${first_answer_ms:-$(now_ms)}
            if (($(now_ms) - first_answer_ms > DEFAULTS_GRACE_MS)); then
                timeout "${PACTL_TIMEOUT_S}" pactl set-default-sink "${SINK_NAME}" 2>/dev/null
                timeout "${PACTL_TIMEOUT_S}" pactl set-default-source "${SOURCE_NAME}" \
                    2>/dev/null
            fi
        fi
        if (($(now_ms) > deadline)); then
            log "the sound server did not become ready within $((READY_TIMEOUT_MS / 1000)) s" \
                "(default sink '${sink:-?}', default source '${source:-?}'; want" \
                "'${SINK_NAME}' and '${SOURCE_NAME}')"
            return 1
        fi
        sleep "${POLL_INTERVAL_S}"
    done
}

start_server() {
    local start_ms deadline program
    start_ms=$(now_ms)
    deadline=$((start_ms + READY_TIMEOUT_MS))
    for program in dbus-daemon pipewire wireplumber pipewire-pulse pactl; do
        if ! command -v "${program}" >/dev/null; then
            log "${program} is not installed (see packaging/install-deps.sh)"
            return 1
        fi
    done
    if ! touch "${server_dir}/${MARKER_FILE}" || ! write_config; then
        log "cannot write the configuration into ${server_dir}"
        return 1
    fi
    export_client_env

    # WirePlumber exits at once without a session bus, so the bus comes first.
    start_server_process dbus-daemon dbus-daemon --session --nofork --nopidfile \
        "--address=unix:path=${run_dir}/bus"
    wait_for_file "${run_dir}/bus" "${deadline}" || return 1
    start_server_process pipewire pipewire
    wait_for_file "${run_dir}/pipewire-0" "${deadline}" || return 1
    start_server_process wireplumber wireplumber
    start_server_process pipewire-pulse pipewire-pulse
    export TAPEDECK_SOUND_SERVER_PIDS="${server_pids[*]}"
    wait_for_file "${run_dir}${PULSE_SOCKET_SUFFIX}" "${deadline}" || return 1
    wait_until_ready "${deadline}" || return 1
    if [[ -n ${TAPEDECK_SOUND_SERVER_VERBOSE:-} ]]; then
        log "ready in $(($(now_ms) - start_ms)) ms (${server_dir})"
    fi
}

make_server_dir() {
    local base=${TMPDIR:-/tmp}
    # A long TMPDIR would push the socket paths past the unix socket limit.
    if ((${#base} + 1 + ${#DIR_PREFIX} + DIR_SUFFIX_LENGTH + ${#PULSE_SOCKET_SUFFIX} > \
        MAX_SOCKET_PATH)); then
        base=/tmp
    fi
    reap_stale_servers "${base}"
    server_dir=$(mktemp -d "${base}/${DIR_PREFIX}XXXXXXXX") || {
        log "cannot create a temporary directory in ${base}"
        return 1
    }
    run_dir=${server_dir}/run
    # Taken before the marker is written, so no other run ever sees this directory unlocked.
    exec {owner_lock_fd}>"${server_dir}/${OWNER_LOCK}"
    flock --nonblock "${owner_lock_fd}" || {
        log "cannot lock ${server_dir}/${OWNER_LOCK}"
        return 1
    }
}

usage() {
    sed -n '2,/^$/s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

main() {
    detached=0
    case ${1:-} in
    "" | -h | --help) usage ;;
    start)
        [[ $# -eq 2 ]] || usage
        detached=1
        mkdir -p -- "$2" || exit 1
        server_dir=$(cd -- "$2" && pwd) || exit 1
        run_dir=${server_dir}/run
        if [[ -e ${server_dir}/pids ]]; then
            log "${server_dir} already holds a server; stop it first"
            exit 1
        fi
        if ((${#run_dir} + ${#PULSE_SOCKET_SUFFIX} > MAX_SOCKET_PATH)); then
            log "${server_dir} is too long for a unix socket path; use a shorter directory"
            exit 1
        fi
        trap cleanup EXIT
        trap 'on_signal 2' INT
        trap 'on_signal 15' TERM
        trap 'on_signal 1' HUP
        if ! start_server; then
            dump_logs
            exit 1
        fi
        write_env_file
        detach_on_exit=1
        cat "${server_dir}/env"
        exit 0
        ;;
    stop)
        [[ $# -eq 2 ]] || usage
        server_dir=$(cd -- "$2" 2>/dev/null && pwd) || {
            log "no such directory: $2"
            exit 1
        }
        run_dir=${server_dir}/run
        if [[ ! -f ${server_dir}/${MARKER_FILE} ]]; then
            log "${server_dir} was not made by this script; not touching it"
            exit 1
        fi
        read_pid_file
        stop_servers
        remove_server_dir
        exit 0
        ;;
    esac

    trap cleanup EXIT
    trap 'on_signal 2' INT
    trap 'on_signal 15' TERM
    trap 'on_signal 1' HUP
    make_server_dir || exit 1
    if ! start_server; then
        dump_logs
        exit 1
    fi

    # In the background, so a signal to this script is handled at once (a foreground child
    # would delay the trap until it exits); stdin is passed on explicitly because background
    # jobs otherwise read /dev/null.
    # A closed stdin (some CI runners) becomes /dev/null rather than an error.
    if [[ -e /proc/self/fd/0 ]]; then
        exec {stdin_copy}<&0
    else
        exec {stdin_copy}</dev/null
    fi
    "$@" <&"${stdin_copy}" {stdin_copy}<&- {owner_lock_fd}>&- &
    command_pid=$!
    exec {stdin_copy}<&-
    local status
    wait "${command_pid}"
    status=$?
    command_pid=""
    exit "${status}"
}

main "$@"
