package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.InterleavedFrame;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtpInfo;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SessionDescription.Track;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Seeking with {@code Range: npt=5-}: the sample has keyframes every 2 s, so the server starts
 * at the keyframe at 4 s (or exactly at 5 s) and sends the rest of the movie, no more.
 */
public class SeekInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    private static final int ALL_VIDEO_FRAMES = 250;
    /** A start at 4 s or 5 s leaves 5-6 s of video; 4 s (100 frames) leaves room for ffmpeg's trimming. */
    private static final int FEWEST_VIDEO_FRAMES = (10 - 6) * 25;

    @Test
    public void ffmpegSeekToFiveSecondsGetsTheSecondHalf() {
        Tools.require("ffmpeg");
        ProcessResult seek = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "warning", "-ss", "5",
                "-rtsp_transport", "tcp", "-i", SERVER.url("sample.mp4"), "-map", "0:v", "-c", "copy",
                "-f", "framecrc", "-").timeout(Ffmpeg.PLAY_TIMEOUT).run();
        assertEquals("ffmpeg exit code" + seek.describe(), 0, seek.exitCode());
        long frames = PacketCounts.ofFramecrc(seek.stdout()).video();
        assertTrue("after a seek to 5 s expected " + FEWEST_VIDEO_FRAMES + ".." + (ALL_VIDEO_FRAMES - 1)
                + " video frames, got " + frames + seek.describe(),
                frames >= FEWEST_VIDEO_FRAMES && frames < ALL_VIDEO_FRAMES);
    }

    @Test
    public void playWithRangeAnswersRangeAndRtpInfoMatchingTheFirstPackets() throws Exception {
        try (RtspTestClient client = RtspTestClient.connect(SERVER.url("sample.mp4"))) {
            InterleavedSession session = InterleavedSession.setUp(client, SERVER.url("sample.mp4"));
            RtspResponse play = session.play("Range: npt=5-");
            assertEquals("PLAY with Range npt=5-" + play.describe(), 200, play.status());
            String range = play.header("Range");
            assertNotNull("PLAY response without Range" + play.describe(), range);
            assertTrue("Range must start at the keyframe at 4 s or at 5 s" + play.describe(),
                    range.trim().matches("npt=(4|5)(\\.0*)?-.*"));
            assertNotNull("PLAY response without RTP-Info" + play.describe(), play.header("RTP-Info"));
            RtpInfo info = RtpInfo.parse(play.header("RTP-Info"));
            Map<Integer, Integer> firstSequence = firstSequencePerChannel(session, client);
            for (Track track : session.sdp().tracks()) {
                RtpInfo.Entry entry = info.find(track.url()).orElseThrow(() -> new AssertionError(
                        "RTP-Info names no url for track " + track.url() + play.describe()));
                assertNotNull("RTP-Info without seq for " + track.url() + play.describe(), entry.seq());
                assertNotNull("RTP-Info without rtptime for " + track.url() + play.describe(), entry.rtptime());
                assertEquals("first " + track.media() + " packet's sequence number vs RTP-Info seq"
                        + play.describe(), entry.seq(), firstSequence.get(session.rtpChannel(track.media())));
            }
        }
    }

    /** Reads frames until every track delivered an RTP packet; returns each channel's first seq. */
    private static Map<Integer, Integer> firstSequencePerChannel(InterleavedSession session, RtspTestClient client) {
        Map<Integer, Integer> first = new HashMap<>();
        int tracks = session.sdp().tracks().size();
        FrameAwait.readingFrames("an RTP packet of every track after PLAY", Duration.ofSeconds(10)).until(() -> {
            InterleavedFrame frame = client.readFrame(Duration.ofMillis(500));
            if (frame != null && session.trackOnRtpChannel(frame.channel()) != null) {
                first.putIfAbsent(frame.channel(), frame.rtp().sequence());
            }
            return first.size() == tracks;
        });
        return first;
    }
}
