#!/bin/sh
# Runs issue 12's side-by-side comparisons against the real distribution and prints their tables:
#   capacity  target 1 (+5): file viewers at several sizes over UDP and TCP, C load tool (CapacityBenchmark)
#   gst       target 2: Tributary and gst-rtsp-server (a pipeline per viewer), 200 UDP viewers (GstRtspComparisonBenchmark)
#   icecast   target 4: Tributary and Icecast 2, MP3 listeners (Mp3ListenersBenchmark)
#   live      target 3: one 2 Mb/s publisher to N UDP viewers (LiveFanoutBenchmark)
#
# usage: tools/benchmark.sh [capacity] [gst] [icecast] [live]      (default: capacity gst icecast)
# environment (defaults in brackets):
#   MVN_ARGS     extra Maven arguments, e.g. "-o -Dmaven.repo.local=/path/to/repo"   []
#   SIZES        capacity sizes                                                     [500,1000,2000,4000]
#   TRANSPORTS   capacity transports                                                [udp,tcp]
#   VIEWERS      gst comparison viewers                                             [200]
#   LISTENERS    MP3 listeners per server                                           [1000]
#   LIVE_VIEWERS live fan-out viewers                                               [1000]
#   ROUNDS       turns per server in the gst and Icecast comparisons                [2]
#   WINDOW       seconds measured per run                                           [20]
#   MAX_LOAD     refuse to start above this 1-minute load average (0: never refuse) [1.5]
#   NO_INSTALL   set to 1 to skip apt-get
# Needs the distribution built first (mvn install -DskipTests at the top). Reports: itests/target/benchmark-*.md.
set -eu

cd "$(dirname "$0")/.."
TOP=$(pwd)
TARGETS=${*:-capacity gst icecast}
MAX_LOAD=${MAX_LOAD:-1.5}

install_packages() {
    # the reference servers and the C compiler, from Debian packages, when a piece is missing
    missing=""
    command -v cc >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || missing="$missing build-essential"
    command -v icecast2 >/dev/null 2>&1 || missing="$missing icecast2"
    command -v ffmpeg >/dev/null 2>&1 || missing="$missing ffmpeg"
    /usr/bin/python3 -c "import gi; gi.require_version('GstRtspServer', '1.0')" >/dev/null 2>&1 \
        || missing="$missing python3-gi gir1.2-gst-rtsp-server-1.0"
    gst-inspect-1.0 h264parse >/dev/null 2>&1 || missing="$missing gstreamer1.0-plugins-bad"
    gst-inspect-1.0 rtph264pay >/dev/null 2>&1 || missing="$missing gstreamer1.0-plugins-good"
    [ -z "$missing" ] && return 0
    echo "installing:$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
}

check_load() {
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$MAX_LOAD" != 0 ] && awk "BEGIN { exit !($load > $MAX_LOAD) }"; then
        echo "load average $load is above $MAX_LOAD: figures would measure the other work; wait, or set MAX_LOAD=0" >&2
        exit 3
    fi
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

run() {
    check_load
    # shellcheck disable=SC2086
    mvn -B ${MVN_ARGS:-} -Pbenchmark -pl itests verify -Dbench.window="${WINDOW:-20}" "$@"
}

[ "${NO_INSTALL:-0}" = 1 ] || install_packages
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
make -s -C tools/rtsp-load
for target in $TARGETS; do
    case $target in
        capacity) run -Dbench.test=CapacityBenchmark -Dbench.sizes="${SIZES:-500,1000,2000,4000}" \
                      -Dbench.transports="${TRANSPORTS:-udp,tcp}" ;;
        gst) run -Dbench.test=GstRtspComparisonBenchmark -Dbench.compareViewers="${VIEWERS:-200}" \
                 -Dbench.rounds="${ROUNDS:-2}" ;;
        icecast) run -Dbench.test=Mp3ListenersBenchmark -Dbench.listeners="${LISTENERS:-1000}" \
                     -Dbench.rounds="${ROUNDS:-2}" -Dbench.seconds="${WINDOW:-20}" ;;
        live) run -Dbench.test=LiveFanoutBenchmark -Dbench.viewers="${LIVE_VIEWERS:-1000}" ;;
        *) echo "unknown comparison: $target (capacity, gst, icecast, live)" >&2; exit 2 ;;
    esac
done
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
for report in capacity pacing gst mp3 live comparison; do
    file="$TOP/itests/target/benchmark-$report.md"
    [ -f "$file" ] && { echo; echo "## $report ($file)"; cat "$file"; }
done
exit 0
