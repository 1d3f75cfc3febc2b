package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.Test;

/** RTCP on a shared socket reaches the track it is about: by source port, then by SSRC, else nowhere. */
public class RtcpDemuxTest {

    private static final InetAddress ALICE = address("127.0.0.1");
    private static final InetAddress BOB = address("127.0.0.2");
    private static final InetAddress MALLORY = address("127.0.0.3");

    private final RtcpDemux demux = new RtcpDemux("test");
    private final List<String> received = new ArrayList<>();

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private RtcpDemux.Route track(String name, InetAddress client, int rtcpPort, int ssrc) {
        RtcpDemux.Route route = demux.add(client, rtcpPort, packet -> {
            // the receiver sees the whole packet, its indices untouched by the demultiplexer
            assertEquals(0, packet.readerIndex());
            received.add(name);
        });
        route.ssrc(ssrc);
        return route;
    }

    /** A receiver report from {@code sender} with one block about {@code about}. */
    private static ByteBuf receiverReport(int about) {
        ByteBuf rr = Unpooled.buffer(32);
        rr.writeByte(0x81).writeByte(201).writeShort(7).writeInt(0x0BADCAFE);
        rr.writeInt(about).writeInt(0).writeInt(100).writeInt(0).writeInt(0).writeInt(0);
        return rr;
    }

    private void receive(InetAddress from, int port, int about) {
        ByteBuf packet = receiverReport(about);
        demux.receive(new InetSocketAddress(from, port), packet);
        packet.release();
    }

    @Test
    public void eachClientPortReachesItsOwnTrack() {
        track("alice video", ALICE, 5001, 1);
        track("alice audio", ALICE, 5003, 2);
        track("bob video", BOB, 5001, 3);
        receive(ALICE, 5003, 2);
        receive(BOB, 5001, 3);
        receive(ALICE, 5001, 1);
        assertEquals(List.of("alice audio", "bob video", "alice video"), received);
        assertEquals(0, demux.dropped());
    }

    @Test
    public void theSourcePortDecidesEvenWhenTheReportNamesAnotherSsrc() {
        track("video", ALICE, 5001, 1);
        track("audio", ALICE, 5003, 2);
        // a receiver may report on several sources, or on none: its port is what says which track it is
        receive(ALICE, 5001, 2);
        assertEquals(List.of("video"), received);
    }

    @Test
    public void aRewrittenPortFallsBackToTheSsrcAmongTheSameAddressesTracks() {
        track("video", ALICE, 5001, 1);
        track("audio", ALICE, 5003, 2);
        receive(ALICE, 61000, 2);
        receive(ALICE, 61002, 1);
        assertEquals(List.of("audio", "video"), received);
    }

    @Test
    public void twoTracksDeclaringOnePortAreToldApartBySsrc() {
        track("first", ALICE, 5001, 1);
        track("second", ALICE, 5001, 2);
        receive(ALICE, 5001, 2);
        receive(ALICE, 5001, 1);
        receive(ALICE, 5001, 9);
        assertEquals(List.of("second", "first"), received);
        assertEquals(1, demux.dropped());
    }

    @Test
    public void packetsFromUnknownSendersAreDroppedAndCounted() {
        track("alice", ALICE, 5001, 1);
        receive(MALLORY, 5001, 1);
        receive(ALICE, 5099, 7);
        ByteBuf garbage = Unpooled.wrappedBuffer(new byte[] {1, 2, 3});
        demux.receive(new InetSocketAddress(ALICE, 5099), garbage);
        assertEquals(List.of(), received);
        assertEquals(3, demux.dropped());
    }

    @Test
    public void aRemovedTrackGetsNothingMoreAndItsNeighbourKeepsItsOwn() {
        RtcpDemux.Route gone = track("gone", ALICE, 5001, 1);
        track("stays", ALICE, 5003, 2);
        demux.remove(gone);
        receive(ALICE, 5001, 1);
        receive(ALICE, 5003, 2);
        assertEquals(List.of("stays"), received);
        assertEquals(1, demux.dropped());
        assertEquals(1, demux.size());
    }

    @Test
    public void aTrackWithoutItsSsrcYetIsReachedOnlyByItsPort() {
        demux.add(ALICE, 5001, packet -> received.add("new"));
        receive(ALICE, 5001, 1);
        receive(ALICE, 6001, 1);
        assertEquals(List.of("new"), received);
        assertEquals(1, demux.dropped());
    }
}
