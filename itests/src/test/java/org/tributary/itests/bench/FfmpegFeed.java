package org.tributary.itests.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** ffmpeg feeding a server in real time until stopped: a live publisher or an MP3 source. */
final class FfmpegFeed implements AutoCloseable {

    private final Process ffmpeg;

    private FfmpegFeed(Process ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * Starts {@code ffmpeg -nostdin -v warning -re -stream_loop -1 -i input} followed by {@code output} (codec,
     * format and URL), its output appended to {@code log}.
     */
    static FfmpegFeed start(Path input, List<String> output, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "warning", "-re", "-stream_loop",
                "-1", "-i", input.toString()));
        command.addAll(output);
        return new FfmpegFeed(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    /** Starts ffmpeg pushing {@code movie}, looped and not re-encoded, to {@code url} with ANNOUNCE and RECORD over TCP. */
    static FfmpegFeed publish(Path movie, String url, Path log) throws IOException {
        return start(movie, List.of("-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp", url), log);
    }

    boolean isAlive() {
        return ffmpeg.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        ffmpeg.destroy();
        if (!ffmpeg.waitFor(10, TimeUnit.SECONDS)) {
            ffmpeg.destroyForcibly();
        }
    }
}
