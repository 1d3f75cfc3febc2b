package org.tributary.rtp;

import java.nio.ByteBuffer;

import org.tributary.api.Publication;

/**
 * Packets of one track of a live {@link Publication}, written into one reused heap buffer: the
 * publication reads (copies) a packet only during the call. Used by one thread at a time.
 */
public final class PublicationOut implements PacketOut {

    private final Publication publication;
    private final int track;
    private final boolean rtcp;
    private ByteBuffer packet = ByteBuffer.allocate(0);

    private PublicationOut(Publication publication, int track, boolean rtcp) {
        this.publication = publication;
        this.track = track;
        this.rtcp = rtcp;
    }

    /** @return an output of RTP packets to {@link Publication#rtp} for the track */
    public static PublicationOut rtp(Publication publication, int track) {
        return new PublicationOut(publication, track, false);
    }

    /** @return an output of RTCP compounds to {@link Publication#rtcp} for the track */
    public static PublicationOut rtcp(Publication publication, int track) {
        return new PublicationOut(publication, track, true);
    }

    @Override
    public ByteBuffer claim(int length) {
        if (packet.capacity() < length) {
            packet = ByteBuffer.allocate(length);
        }
        packet.clear().limit(length);
        return packet;
    }

    @Override
    public void send() {
        packet.flip();
        if (rtcp) {
            publication.rtcp(track, packet);
        } else {
            publication.rtp(track, packet);
        }
    }
}
