package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Assert;
import org.junit.Assume;
import org.tributary.itests.support.ExternalCommand;

/**
 * Debian's gst-rtsp-server as the reference RTSP server: {@code tools/gst-rtsp-reference.py} run by the
 * system's {@code /usr/bin/python3} (where {@code python3-gi} lives), one pipeline per viewer, serving
 * one file at {@code rtsp://127.0.0.1:PORT/sample.mp4}.
 */
final class GstRtspReference implements AutoCloseable {

    static final String PACKAGES = "python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good "
            + "gstreamer1.0-plugins-bad";
    private static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final int port;

    private GstRtspReference(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Skips (fails on CI) unless the system Python can load GstRtspServer. */
    static void require() {
        boolean present = ExternalCommand.of(PYTHON, "-c", "import gi; gi.require_version('GstRtspServer', '1.0'); "
                + "from gi.repository import GstRtspServer").timeout(Duration.ofSeconds(30)).run().exitCode() == 0;
        String why = "gst-rtsp-server's Python bindings are missing: apt-get install " + PACKAGES
                + " (tools/benchmark.sh does)";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assert.fail(why);
        }
        Assume.assumeTrue(why, present);
    }

    /** Starts the script serving {@code movie} on 127.0.0.1:{@code port}; returns once it accepts connections. */
    static GstRtspReference start(Path movie, int port, Path log) throws IOException {
        Path script = Path.of(System.getProperty("bench.gstScript", "../tools/gst-rtsp-reference.py"));
        Process python = new ProcessBuilder(PYTHON, script.toAbsolutePath().normalize().toString(), movie.toString(),
                "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GstRtspReference server = new GstRtspReference(python, port);
        try {
            await("gst-rtsp-server on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(server::accepts);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** @return the URL of the served file */
    String url() {
        return "rtsp://127.0.0.1:" + port + "/sample.mp4";
    }

    /** @return the server's process id (Python running GStreamer) */
    long pid() {
        return process.pid();
    }

    private boolean accepts() {
        return LocalServerProcess.accepts(process, "gst-rtsp-reference.py", port);
    }

    @Override
    public void close() {
        LocalServerProcess.stop(process);
    }
}
