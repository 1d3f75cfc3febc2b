package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;

import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Video and audio arrive in sync: the gap between the start of the pictures and the start of the
 * sound that ffmpeg sees over RTSP (RTP timestamps mapped through RTCP sender reports) is the gap
 * ffmpeg sees reading the movie file itself (which applies the file's edit lists).
 */
public class AvSyncInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    /** Well inside what viewers notice (about 45 ms of audio ahead); the B-frame delay alone is 80 ms. */
    private static final double TOLERANCE_SECONDS = 0.015;

    private static void assertInSync(String file, String transport) {
        Tools.require("ffmpeg");
        ProcessResult local = Ffmpeg.framecrc(SERVER.mediaDir().resolve(file).toString());
        ProcessResult remote = Ffmpeg.playToFramecrc(SERVER.url(file), transport);
        assertEquals(remote.describe(), 0, remote.exitCode());
        double expected = PresentationStarts.ofFramecrc(local.stdout()).videoAfterAudio();
        double actual = PresentationStarts.ofFramecrc(remote.stdout()).videoAfterAudio();
        assertEquals("video start minus audio start over " + transport + " vs in the file" + remote.describe(),
                expected, actual, TOLERANCE_SECONDS);
    }

    @Test
    public void inSyncOverUdp() {
        assertInSync("sample.mp4", "udp");
    }

    @Test
    public void inSyncOverTcp() {
        assertInSync("sample.mov", "tcp");
    }
}
