package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/** ffprobe reads the SDP of the sample over both transports, and sees a 404 for a missing file. */
public class FfprobeInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    @Before
    public void needsFfprobe() {
        Tools.require("ffprobe");
    }

    @Test
    public void listsH264AndAacOverUdp() {
        assertListsH264AndAac("udp");
    }

    @Test
    public void listsH264AndAacOverTcp() {
        assertListsH264AndAac("tcp");
    }

    @Test
    public void missingFileGives404() {
        ProcessResult probe = Ffmpeg.probeStreams(SERVER.url("no-such-movie.mp4"), "tcp");
        assertNotEquals("ffprobe must fail on a missing file" + probe.describe(), 0, probe.exitCode());
        assertTrue("expected the DESCRIBE 404 signal" + probe.describe(),
                probe.stderr().contains("method DESCRIBE failed: 404 Not Found"));
    }

    private static void assertListsH264AndAac(String transport) {
        ProcessResult probe = Ffmpeg.probeStreams(SERVER.url("sample.mp4"), transport);
        assertEquals("ffprobe exit code" + probe.describe(), 0, probe.exitCode());
        assertTrue("no h264 video stream" + probe.describe(), probe.stdoutLines().contains("h264,video"));
        assertTrue("no aac audio stream" + probe.describe(), probe.stdoutLines().contains("aac,audio"));
    }
}
