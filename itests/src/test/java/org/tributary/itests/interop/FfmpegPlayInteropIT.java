package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;

import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * ffmpeg plays whole movies over UDP and TCP and receives exactly the packets the file holds,
 * counted by running the same framecrc command on the file itself; and it decodes the stream
 * without a single error.
 */
public class FfmpegPlayInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    @Before
    public void needsFfmpeg() {
        Tools.require("ffmpeg");
    }

    @Test
    public void playsWholeMp4OverUdp() {
        assertPlaysEveryPacket("sample.mp4", "udp");
    }

    @Test
    public void playsWholeMp4OverTcp() {
        assertPlaysEveryPacket("sample.mp4", "tcp");
    }

    @Test
    public void playsWholeMovOverUdp() {
        assertPlaysEveryPacket("sample.mov", "udp");
    }

    @Test
    public void playsWholeMovOverTcp() {
        assertPlaysEveryPacket("sample.mov", "tcp");
    }

    @Test
    public void sampleFileHoldsTheDocumentedPackets() {
        // guards the reference itself: if the sample changes, the expectations above must be re-read
        assertEquals(new PacketCounts(250, 470),
                PlaybackAssertions.countsOfFile(SERVER.mediaDir().resolve("sample.mp4")));
    }

    @Test
    public void decodesOverTcpWithoutErrors() {
        ProcessResult decode = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-rtsp_transport", "tcp",
                "-i", SERVER.url("sample.mp4"), "-f", "null", "-").timeout(Ffmpeg.PLAY_TIMEOUT).run();
        assertEquals("ffmpeg decode exit code" + decode.describe(), 0, decode.exitCode());
        assertEquals("decoder reported errors" + decode.describe(), "", decode.stderr().strip());
    }

    private static void assertPlaysEveryPacket(String file, String transport) {
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, file, transport);
    }
}
