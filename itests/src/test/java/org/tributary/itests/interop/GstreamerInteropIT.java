package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * GStreamer's rtspsrc plays the sample to its end over UDP and TCP, depayloading and decoding
 * both tracks: it must reach end-of-stream ("Got EOS from element") and exit 0 within 60 s.
 */
public class GstreamerInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    @Before
    public void needsGstLaunch() {
        Tools.require("gst-launch-1.0");
    }

    @Test
    public void playsToEndOfStreamOverUdp() {
        assertReachesEndOfStream("udp");
    }

    @Test
    public void playsToEndOfStreamOverTcp() {
        assertReachesEndOfStream("tcp");
    }

    private static void assertReachesEndOfStream(String protocol) {
        ProcessResult play = ExternalCommand.of("gst-launch-1.0", "rtspsrc",
                        "location=" + SERVER.url("sample.mp4"), "protocols=" + protocol, "name=s",
                        "s.", "!", "queue", "!", "rtph264depay", "!", "h264parse", "!", "avdec_h264", "!", "fakesink",
                        "s.", "!", "queue", "!", "rtpmp4gdepay", "!", "aacparse", "!", "avdec_aac", "!", "fakesink")
                .timeout(Duration.ofSeconds(60)).run();
        assertEquals("gst-launch exit code over " + protocol + play.describe(), 0, play.exitCode());
        assertTrue("no end-of-stream over " + protocol + play.describe(),
                play.stdout().contains("Got EOS from element"));
        assertFalse("GStreamer reported an error over " + protocol + play.describe(),
                play.stdout().contains("ERROR: from element") || play.stderr().contains("ERROR"));
    }
}
