package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.TributaryDistribution;

/** The "a real client plays the whole movie" check, shared by the interop tests. */
final class PlaybackAssertions {

    private PlaybackAssertions() {
    }

    /**
     * Asserts that ffmpeg plays {@code file} from the server over {@code transport} with exit 0,
     * no error or loss line, and exactly the packets per stream that the file in the server's
     * media folder holds.
     */
    static void assertPlaysEveryPacket(TributaryDistribution server, String file, String transport) {
        assertPlaysEveryPacket(server.mediaDir().resolve(file), server.url(file), transport);
    }

    /**
     * Asserts that ffmpeg plays {@code url} (which may carry {@code user:password@}) over
     * {@code transport} with exit 0, no error or loss line, and exactly the packets per stream
     * that the local movie {@code file} holds. Extra ffmpeg input options (such as
     * {@code -rtsp_flags filter_src}) may follow.
     */
    static void assertPlaysEveryPacket(Path file, String url, String transport, String... inputOptions) {
        PacketCounts expected = countsOfFile(file);
        ProcessResult play = Ffmpeg.playToFramecrc(url, transport, inputOptions);
        assertEquals("ffmpeg exit code" + play.describe(), 0, play.exitCode());
        assertEquals("ffmpeg reported errors or loss" + play.describe(), List.of(), Ffmpeg.problemLines(play));
        assertEquals("packets per stream (video, audio) of " + file + " over " + transport + play.describe(),
                expected, PacketCounts.ofFramecrc(play.stdout()));
    }

    /** Returns the packets per stream of a local movie file, read by the same framecrc command. */
    static PacketCounts countsOfFile(Path file) {
        ProcessResult local = Ffmpeg.framecrc(file.toString());
        assertEquals("ffmpeg on the file itself" + local.describe(), 0, local.exitCode());
        return PacketCounts.ofFramecrc(local.stdout());
    }
}
