package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** ffmpeg feeding a file in real time, looped and not re-encoded, to an Icecast-compatible mount. */
final class Mp3Source implements AutoCloseable {

    private final FfmpegFeed ffmpeg;

    private Mp3Source(FfmpegFeed ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Starts {@code ffmpeg -re -stream_loop -1 -i song -c copy -f mp3 icecast://source:PW@127.0.0.1:port/mount}. */
    static Mp3Source start(Path song, int port, String password, String mount, Path log) throws IOException {
        return new Mp3Source(FfmpegFeed.start(song, List.of("-c", "copy", "-content_type", "audio/mpeg", "-f", "mp3",
                "icecast://source:" + password + "@127.0.0.1:" + port + mount), log));
    }

    /** Waits until {@code GET mount} on 127.0.0.1:{@code port} answers 200. */
    static void awaitOnAir(int port, String mount) {
        await(mount + " on air on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> onAir(port, mount));
    }

    /** Returns whether {@code GET mount} on 127.0.0.1:{@code port} answers 200 now. */
    static boolean onAir(int port, String mount) {
        return status(port, mount).contains(" 200");
    }

    private static String status(int port, String mount) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(("GET " + mount + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(16), StandardCharsets.US_ASCII);
        } catch (IOException notYet) {
            return "";
        }
    }

    boolean isAlive() {
        return ffmpeg.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        ffmpeg.close();
    }
}
