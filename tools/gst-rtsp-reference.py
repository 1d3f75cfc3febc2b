#!/usr/bin/python3
"""The reference server of the efficiency comparison: Debian's gst-rtsp-server serving one MP4 file
(H.264 + AAC, as Tributary's sample) with one pipeline per viewer (the media factory is not shared).

    /usr/bin/python3 tools/gst-rtsp-reference.py FILE.mp4 [--port 8554] [--mount /sample.mp4]

Needs the Debian packages python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-good and
gstreamer1.0-plugins-bad (h264parse); tools/benchmark.sh installs them. Prints "ready PORT" on
stdout once it listens and runs until SIGTERM or SIGINT.
"""
import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def pipeline(path):
    """Demux the file, re-payload each track as it is (no transcoding): pay0 video, pay1 audio."""
    location = path.replace('"', '\\"')
    return (f'( filesrc location="{location}" ! qtdemux name=d '
            'd.video_0 ! queue ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=-1 '
            'd.audio_0 ! queue ! aacparse ! rtpmp4gpay name=pay1 pt=97 )')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--mount", default="/sample.mp4")
    parser.add_argument("--address", default="127.0.0.1")
    args = parser.parse_args()
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(args.address)
    server.set_service(str(args.port))
    # many viewers set up at once: a longer accept queue than the default
    server.set_backlog(1024)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(pipeline(args.file))
    factory.set_shared(False)
    server.get_mount_points().add_factory(args.mount, factory)
    if server.attach(None) == 0:
        print(f"cannot listen on {args.address}:{args.port}", file=sys.stderr)
        return 1
    loop = GLib.MainLoop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print(f"ready {args.port}", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
