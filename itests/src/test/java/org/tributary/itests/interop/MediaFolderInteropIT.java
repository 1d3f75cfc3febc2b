package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Files dropped into the media folder of a running server: a movie plays without a restart, a
 * text file or a truncated movie is refused with 415 or 500 and a log line naming it, and the
 * samples keep playing afterwards.
 */
public class MediaFolderInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    private static final Set<Integer> REFUSED = Set.of(415, 500);
    private static final int TRUNCATED_BYTES = 100 * 1024;

    @After
    public void samplesStillPlay() {
        Tools.require("ffmpeg");
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "sample.mp4", "tcp");
    }

    @Test
    public void movieCopiedWhileRunningPlaysWithoutRestart() throws IOException {
        Tools.require("ffmpeg");
        // copied beside the folder, then moved in whole, so the server never sees a half-written file
        Path staging = Files.copy(SERVER.mediaDir().resolve("sample.mov"), SERVER.home().resolve("staging.mov"));
        Files.move(staging, SERVER.mediaDir().resolve("copied-while-running.mov"), StandardCopyOption.ATOMIC_MOVE);
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, "copied-while-running.mov", "udp");
    }

    @Test
    public void textFileNamedMp4IsRefusedAndLogged() throws IOException {
        Files.writeString(SERVER.mediaDir().resolve("notamovie.mp4"),
                "This is a text file, not an ISO base media file.\n".repeat(40), StandardCharsets.US_ASCII);
        assertRefusedAndLogged("notamovie.mp4");
    }

    @Test
    public void truncatedMovieIsRefusedAndLogged() throws IOException {
        Path truncated = SERVER.mediaDir().resolve("truncated.mp4");
        try (InputStream sample = Files.newInputStream(SERVER.mediaDir().resolve("sample.mp4"))) {
            Files.write(truncated, sample.readNBytes(TRUNCATED_BYTES));
        }
        assertEquals(TRUNCATED_BYTES, Files.size(truncated));
        assertRefusedAndLogged("truncated.mp4");
    }

    private static void assertRefusedAndLogged(String file) throws IOException {
        String url = SERVER.url(file);
        try (RtspTestClient client = RtspTestClient.connect(url)) {
            RtspResponse describe = client.request("DESCRIBE", url, "Accept: application/sdp");
            assertTrue("DESCRIBE of " + file + " must answer 415 or 500" + describe.describe(),
                    REFUSED.contains(describe.status()));
        }
        await("a karaf.log line naming " + file).atMost(Duration.ofSeconds(10))
                .until(() -> SERVER.logText().lines().anyMatch(line -> line.contains(file)));
    }
}
