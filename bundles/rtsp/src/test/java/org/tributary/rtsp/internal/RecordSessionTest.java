package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.After;
import org.junit.Test;
import org.tributary.api.Publication;
import org.tributary.rtp.RtpHeader;
import org.tributary.rtp.rtsp.PortPair;

/**
 * A publisher's session: its UDP tracks take only the publisher's declared ports and SSRC, and an end
 * from the server's side (kick, the live source ending the publication) closes its connection.
 */
public class RecordSessionTest {

    private final FakePublication publication = new FakePublication();
    private final EmbeddedChannel connection = new EmbeddedChannel();
    private final List<ServerSession> ended = new ArrayList<>();
    private final RecordSession session = new RecordSession("S1", "/live/cam", "127.0.0.1:40000", Optional.empty(),
            publication, connection, ended::add);

    @After
    public void release() {
        connection.finishAndReleaseAll();
    }

    private static InetSocketAddress from(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static ByteBuf rtp(long ssrc) {
        ByteBuf packet = Unpooled.buffer();
        RtpHeader.write(packet, true, 96, 1, 0, (int) ssrc);
        return packet.writeByte(0x65);
    }

    private static ByteBuf senderReport(long ssrc) {
        return Unpooled.buffer().writeByte(0x80).writeByte(200).writeShort(6).writeInt((int) ssrc).writeZero(20);
    }

    @Test
    public void declaredPortsAndAnnouncedSsrcAloneReachThePublication() {
        PublisherInlet inlet = new PublisherInlet(session, 0, InetAddress.getLoopbackAddress(),
                new PortPair(5000, 5001), 0xABCDL);
        inlet.rtp(from(5000), rtp(0xABCD));
        inlet.rtp(from(5002), rtp(0xABCD));
        inlet.rtp(new InetSocketAddress("127.0.0.2", 5000), rtp(0xABCD));
        inlet.rtp(from(5000), rtp(0x1234));
        inlet.rtcp(from(5001), senderReport(0xABCD));
        inlet.rtcp(from(5000), senderReport(0xABCD));
        inlet.rtcp(from(5001), senderReport(0x1234));
        assertEquals(1, publication.rtp);
        assertEquals(1, publication.rtcp);
        assertEquals(5, session.refused());
        assertEquals(5, publication.refused.size());
        assertTrue(publication.refused.get(0), publication.refused.get(0).contains("5002"));
        assertTrue(publication.refused.get(2), publication.refused.get(2).contains("SSRC 0000ABCD"));
        assertEquals("1 packet counted", 1, session.packetsReceived());
        assertEquals("a publisher sends nothing", 0, session.packetsSent());
        assertEquals(org.tributary.api.StreamSession.PUBLISHER, session.kind());
    }

    @Test
    public void withoutDeclarationsTheFirstPortAndSsrcLock() {
        PublisherInlet inlet = new PublisherInlet(session, 1, InetAddress.getLoopbackAddress(), null, null);
        inlet.rtp(from(6000), rtp(7));
        inlet.rtp(from(6000), rtp(7));
        inlet.rtp(from(6002), rtp(7));
        inlet.rtp(from(6000), rtp(8));
        inlet.rtcp(from(6001), senderReport(7));
        inlet.rtcp(from(6003), senderReport(7));
        assertEquals(2, publication.rtp);
        assertEquals(1, publication.rtcp);
        assertEquals(3, session.refused());
    }

    @Test
    public void kickClosesThePublishersConnection() {
        session.close();
        assertFalse(connection.isActive());
        assertTrue(publication.closed);
        assertEquals(List.of(session), ended);
    }

    @Test
    public void teardownLeavesTheConnectionOpen() {
        session.teardown();
        assertTrue(connection.isActive());
        assertTrue(publication.closed);
        assertEquals(List.of(session), ended);
        session.close();
        assertTrue("already ended: nothing more happens", connection.isActive());
    }

    @Test
    public void theLiveSourceEndingThePublicationEndsTheSessionAndConnection() {
        session.followPublication();
        publication.endFromSource();
        assertTrue(session.closed());
        assertFalse(connection.isActive());
        assertEquals(List.of(session), ended);
    }

    /** Counts what the session hands over. */
    private static final class FakePublication implements Publication {
        int rtp;
        int rtcp;
        boolean closed;
        final List<String> refused = new ArrayList<>();
        private Runnable onEnd;

        @Override
        public List<String> controls() {
            return List.of("streamid=0", "streamid=1");
        }

        @Override
        public void rtp(int track, ByteBuffer packet) {
            rtp++;
        }

        @Override
        public void rtcp(int track, ByteBuffer packet) {
            rtcp++;
        }

        @Override
        public void refused(int track, String cause) {
            refused.add(cause);
        }

        @Override
        public void onEnd(Runnable ended) {
            onEnd = ended;
        }

        void endFromSource() {
            closed = true;
            onEnd.run();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
