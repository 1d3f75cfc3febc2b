package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Live broadcasts of the other codecs: ffmpeg publishes an H.265 + AAC movie, an Opus track and an MP3
 * track (looped, with ANNOUNCE/RECORD over TCP); a viewer's ffprobe sees the codecs as the publisher
 * sent them, and ffmpeg decodes the broadcast without an error.
 */
@RunWith(Parameterized.class)
public class LiveCodecsInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = LiveClients.withBroadcaster(new TributaryDistribution());

    private static final Path MADE = Paths.get("target", "live-codecs-media");

    @Parameters(name = "{0}")
    public static List<Object[]> files() {
        return List.of(new Object[] {"h265.mp4"}, new Object[] {"opus-in.mp4"}, new Object[] {"mp3-in.mp4"});
    }

    private final CodecSample sample;

    public LiveCodecsInteropIT(String file) {
        this.sample = CodecSample.named(file);
    }

    @BeforeClass
    public static void makeTheFiles() throws IOException {
        Tools.require("ffmpeg", "ffprobe");
        Files.createDirectories(MADE);
        for (Object[] file : files()) {
            CodecSample.named((String) file[0]).makeIn(MADE, SERVER.mediaDir().resolve("sample.mp4"));
        }
    }

    @Test
    public void viewersGetTheCodecsThePublisherSent() {
        String path = "/live/" + sample.file().replace('.', '-');
        Path movie = MADE.resolve(sample.file()).toAbsolutePath();
        try (RunningCommand publisher = LiveClients.publish(movie, BROADCASTER.url(SERVER, path), "tcp", true)) {
            LiveClients.awaitPublished(SERVER, path, publisher);
            ProcessResult probe = Ffmpeg.probeStreams(SERVER.url(path), "tcp");
            assertEquals("ffprobe exit code" + probe.describe(), 0, probe.exitCode());
            assertEquals("codecs of the broadcast" + probe.describe(), sample.probeLines(), probe.stdoutLines());

            ProcessResult decoded = LiveClients.decode(SERVER.url(path), "tcp", 4).awaitExit(LiveClients.VIEWER_TIMEOUT);
            assertEquals("viewer exit code" + decoded.describe(), 0, decoded.exitCode());
            assertEquals("viewer decoding errors" + decoded.describe(), "", decoded.stderr().strip());
            PacketCounts frames = PacketCounts.ofFramecrc(decoded.stdout());
            boolean video = sample.probeLines().stream().anyMatch(line -> line.endsWith(",video"));
            // framecrc counts stream 0 as "video": an audio-only broadcast's one stream
            assertTrue("decoded " + frames + decoded.describe(),
                    frames.video() > 25 && (!video || frames.audio() > 0));
        }
    }
}
