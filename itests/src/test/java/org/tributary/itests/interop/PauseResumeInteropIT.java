package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.InterleavedFrame;
import org.tributary.itests.support.InterleavedSession;
import org.tributary.itests.support.RtpHeader;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SessionDescription.Track;
import org.tributary.itests.support.TributaryDistribution;

/**
 * PAUSE stops the packets, and PLAY without a Range resumes where it stopped: sequence numbers
 * go on from the last one sent and RTP timestamps move forward from the paused position.
 */
public class PauseResumeInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    /** Packets dropped between PAUSE and the next PLAY may leave a small gap, never a restart. */
    private static final int MAX_SEQUENCE_STEP = 100;
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(1);

    private final Map<Integer, RtpHeader> lastPacket = new HashMap<>();
    private final Map<Integer, Integer> packetCount = new HashMap<>();
    private final Map<Integer, RtpHeader> firstAfterResume = new HashMap<>();

    @Test
    public void pauseStopsThePacketsAndPlayContinuesTheNumbering() throws Exception {
        try (RtspTestClient client = RtspTestClient.connect(SERVER.url("sample.mp4"))) {
            InterleavedSession session = InterleavedSession.setUp(client, SERVER.url("sample.mp4"));
            RtspResponse play = session.play("Range: npt=0-");
            assertEquals("first PLAY" + play.describe(), 200, play.status());
            int video = session.rtpChannel("video");
            FrameAwait.readingFrames("50 video packets after PLAY", Duration.ofSeconds(10))
                    .until(() -> read(session, Duration.ofMillis(500)) != null && count(video) >= 50);

            RtspResponse pause = session.pause();
            assertEquals("PAUSE" + pause.describe(), 200, pause.status());
            long pausedAt = System.nanoTime();
            // frames the server wrote before its PAUSE response are drained, then it must go quiet
            FrameAwait.readingFrames("a 1 s window without packets after PAUSE", Duration.ofSeconds(5))
                    .until(() -> read(session, QUIET_WINDOW) == null);
            Map<Integer, RtpHeader> beforePause = new HashMap<>(lastPacket);

            RtspResponse resume = session.play();
            assertEquals("PLAY after PAUSE (no Range)" + resume.describe(), 200, resume.status());
            double pausedSeconds = (System.nanoTime() - pausedAt) / 1e9;
            int tracks = session.sdp().tracks().size();
            FrameAwait.readingFrames("an RTP packet of every track after the second PLAY", Duration.ofSeconds(10))
                    .until(() -> readFirstAfterResume(session) == tracks);
            for (Track track : session.sdp().tracks()) {
                int channel = session.rtpChannel(track.media());
                assertContinues(track, beforePause.get(channel), firstAfterResume.get(channel), pausedSeconds);
            }
        }
    }

    private static void assertContinues(Track track, RtpHeader last, RtpHeader next, double pausedSeconds) {
        String what = track.media() + ": last before PAUSE " + last + ", first after PLAY " + next;
        assertTrue("no " + track.media() + " packet before PAUSE", last != null);
        int sequenceStep = (next.sequence() - last.sequence()) & 0xFFFF;
        assertTrue("sequence numbers must continue, not restart; " + what,
                sequenceStep >= 1 && sequenceStep <= MAX_SEQUENCE_STEP);
        long timestampStep = (int) (next.timestamp() - last.timestamp());
        long mostForward = (long) ((pausedSeconds + 3) * track.clockRate());
        assertTrue("RTP timestamps must move forward from the paused position (by at most the pause + 3 s); "
                + what, timestampStep > 0 && timestampStep <= mostForward);
    }

    /** Reads one frame and remembers it as the last RTP packet of its channel; null when none came. */
    private InterleavedFrame read(InterleavedSession session, Duration timeout) throws IOException {
        InterleavedFrame frame = session.client().readFrame(timeout);
        if (frame != null && session.trackOnRtpChannel(frame.channel()) != null) {
            lastPacket.put(frame.channel(), frame.rtp());
            packetCount.merge(frame.channel(), 1, Integer::sum);
        }
        return frame;
    }

    /** Reads one frame after the resume; returns how many tracks have sent a packet since. */
    private int readFirstAfterResume(InterleavedSession session) throws IOException {
        InterleavedFrame frame = session.client().readFrame(Duration.ofMillis(500));
        if (frame != null && session.trackOnRtpChannel(frame.channel()) != null) {
            firstAfterResume.putIfAbsent(frame.channel(), frame.rtp());
        }
        return firstAfterResume.size();
    }

    private int count(int channel) {
        return packetCount.getOrDefault(channel, 0);
    }
}
