package org.tributary.itests.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.InterleavedFrame;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.SessionDescription;
import org.tributary.itests.support.TributaryDistribution;
import org.tributary.itests.support.TunnelPost;

/**
 * The short viewers of the soak, each of which plays a few seconds and leaves cleanly: ffmpeg over UDP,
 * TCP, an HTTP tunnel or RTSPS, and a raw client that SETs UP, PLAYs, reads and TEARs DOWN. Each returns
 * why it failed, or null when it played.
 */
final class SoakViewers {

    /** Packets per second a viewer must at least receive: the samples have 25 pictures a second, and audio. */
    private static final int MIN_VIDEO_PER_SECOND = 10;
    private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(10);
    private static final int RAW_VIDEO_PACKETS = 100;

    private SoakViewers() {
    }

    /**
     * Copies every stream of {@code url} over {@code transport} (udp, tcp, http) for {@code seconds}
     * with ffmpeg; fails when ffmpeg does not exit 0 or received too few video packets or no audio.
     */
    static String ffmpeg(String url, String transport, int seconds) {
        ProcessResult play = ExternalCommand.of(List.of("ffmpeg", "-nostdin", "-v", "error",
                        "-rtsp_transport", transport, "-i", url, "-map", "0", "-c", "copy",
                        "-t", Integer.toString(seconds), "-f", "framecrc", "-"))
                .timeout(Duration.ofSeconds(seconds + 40L)).run();
        PacketCounts packets = PacketCounts.ofFramecrc(play.stdout());
        if (play.exitCode() != 0 || packets.video() < (long) seconds * MIN_VIDEO_PER_SECOND || packets.audio() == 0) {
            return "ffmpeg " + url + " over " + transport + " for " + seconds + " s received " + packets
                    + play.describe();
        }
        return null;
    }

    /**
     * Plays {@code path} with interleaved RTP on a plain connection or through an RTSP-over-HTTP tunnel,
     * reads 100 video packets and sends TEARDOWN; fails on any answer but 200 or missing packets.
     */
    static String raw(TributaryDistribution server, String path, boolean tunnelled) {
        String url = server.url(path);
        String how = (tunnelled ? "tunnelled" : "interleaved") + " client of " + url;
        try (RtspTestClient client = tunnelled
                ? RtspTestClient.tunnel("127.0.0.1", server.rtspPort(),
                        new TunnelPost("127.0.0.1", server.rtspPort(), UUID.randomUUID().toString()))
                : new RtspTestClient("127.0.0.1", server.rtspPort())) {
            SessionDescription description = client.describe(url);
            int channel = 0;
            for (SessionDescription.Track track : description.tracks()) {
                String refused = refusal(client.request("SETUP", track.url(),
                        "Transport: RTP/AVP/TCP;unicast;interleaved=" + channel + "-" + (channel + 1)));
                if (refused != null) {
                    return how + ": SETUP " + track.url() + refused;
                }
                channel += 2;
            }
            String refused = refusal(client.request("PLAY", url, "Range: npt=0-"));
            if (refused != null) {
                return how + ": PLAY" + refused;
            }
            for (int video = 0; video < RAW_VIDEO_PACKETS; ) {
                InterleavedFrame frame = client.readFrame(FRAME_TIMEOUT);
                if (frame == null) {
                    return how + ": no packet within " + FRAME_TIMEOUT.toSeconds() + " s after " + video + " video";
                }
                video += frame.channel() == 0 ? 1 : 0;
            }
            refused = refusal(client.request("TEARDOWN", url));
            return refused == null ? null : how + ": TEARDOWN" + refused;
        } catch (IOException e) {
            return how + ": " + e;
        }
    }

    private static String refusal(RtspResponse response) {
        return response.status() == 200 ? null : response.describe();
    }
}
