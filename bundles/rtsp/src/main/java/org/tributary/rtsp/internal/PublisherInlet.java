package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.OptionalLong;

import io.netty.buffer.ByteBuf;
import org.tributary.rtp.SenderLock;
import org.tributary.rtp.SsrcLock;
import org.tributary.rtp.rtsp.PortPair;

/**
 * The gate of one track a publisher sends over UDP. The track's two server ports are open to anyone,
 * so a packet reaches the publication only when it comes from the publisher's address and the port it
 * declared in Transport {@code client_port} (or, if it declared none, the first port that sent), and
 * carries the SSRC it announced in Transport {@code ssrc} (or, if none, the first one its RTP carried).
 * Everything else is refused: counted by the session and the broadcast, and logged by the broadcast.
 */
final class PublisherInlet {

    private final RecordSession session;
    private final int track;
    private final SenderLock rtpFrom;
    private final SenderLock rtcpFrom;
    private final SsrcLock ssrc;

    /**
     * @param declared the publisher's {@code client_port}, or null when it declared none
     * @param ssrc     the publisher's announced SSRC, or null
     */
    PublisherInlet(RecordSession session, int track, InetAddress publisher, PortPair declared, Long ssrc) {
        this.session = session;
        this.track = track;
        this.rtpFrom = SenderLock.endpoint(publisher, declared == null ? 0 : declared.rtp());
        this.rtcpFrom = SenderLock.endpoint(publisher, declared == null ? 0 : declared.rtcp());
        this.ssrc = new SsrcLock(ssrc == null ? OptionalLong.empty() : OptionalLong.of(ssrc));
    }

    void rtp(InetSocketAddress sender, ByteBuf packet) {
        if (!rtpFrom.admits(sender)) {
            session.refused(track, "RTP from " + sender + ", not " + rtpFrom.describe());
        } else if (!ssrc.admitsRtp(packet)) {
            session.refused(track, "RTP of another SSRC from " + sender + ", not " + ssrc.describe());
        } else {
            session.rtp(track, packet);
        }
    }

    void rtcp(InetSocketAddress sender, ByteBuf packet) {
        if (!rtcpFrom.admits(sender)) {
            session.refused(track, "RTCP from " + sender + ", not " + rtcpFrom.describe());
        } else if (!ssrc.admitsRtcp(packet)) {
            session.refused(track, "RTCP of another SSRC from " + sender + ", not " + ssrc.describe());
        } else {
            session.rtcp(track, packet);
        }
    }
}
