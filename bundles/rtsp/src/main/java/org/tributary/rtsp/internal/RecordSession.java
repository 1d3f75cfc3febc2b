package org.tributary.rtsp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.Publication;
import org.tributary.api.ReceptionStats;
import org.tributary.api.UserPrincipal;

/**
 * A publisher's RTSP session (ANNOUNCE, SETUP mode=record, RECORD): packets it sends, over UDP or
 * interleaved in its connection, go to the {@link Publication} of the live source. Ended by its client
 * ({@link #teardown()}, or its connection closing) it leaves the connection as it is; ended by the server
 * (kick, timeout, the live source ending the publication) it also closes the publisher's connection, so
 * the encoder notices at once instead of sending on into nowhere.
 */
final class RecordSession extends SessionIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(RecordSession.class);

    private final Publication publication;
    private final Channel connection;
    private final Consumer<ServerSession> onClose;
    private final Map<Integer, Integer> interleaved = new HashMap<>();
    private final List<UdpTransport> udp = new ArrayList<>();
    private final List<Integer> tracks = new ArrayList<>();
    private boolean recording;
    private boolean closed;
    private long packets;
    private long bytes;
    private long refused;

    RecordSession(String id, String path, String client, Optional<UserPrincipal> user, Publication publication,
                  Channel connection, Consumer<ServerSession> onClose) {
        super(id, path, client, user);
        this.publication = publication;
        this.connection = connection;
        this.onClose = onClose;
    }

    /** From now on (the session is registered), the live source ending the publication ends the session. */
    void followPublication() {
        publication.onEnd(this::publicationEnded);
    }

    Publication publication() {
        return publication;
    }

    synchronized boolean isSetUp(int track) {
        return tracks.contains(track);
    }

    /** Receives a track on two interleaved channels of the publisher's connection. */
    synchronized void addInterleaved(int track, int rtpChannel, int rtcpChannel) {
        tracks.add(track);
        interleaved.put(rtpChannel, 2 * track);
        interleaved.put(rtcpChannel, 2 * track + 1);
    }

    /** @return true when an interleaved channel is one of this session's */
    synchronized boolean usesChannel(int channel) {
        return interleaved.containsKey(channel);
    }

    /** Receives a track on a UDP port pair. */
    synchronized void addUdp(int track, UdpTransport transport) {
        if (closed) {
            transport.close();
            return;
        }
        tracks.add(track);
        udp.add(transport);
    }

    synchronized void record() {
        markStarted();
        recording = true;
    }

    synchronized void pause() {
        recording = false;
    }

    /** An interleaved frame of the publisher's connection. */
    void interleaved(int channel, ByteBuf payload) {
        Integer slot;
        synchronized (this) {
            slot = interleaved.get(channel);
        }
        if (slot != null) {
            if (slot % 2 == 0) {
                rtp(slot / 2, payload);
            } else {
                rtcp(slot / 2, payload);
            }
        }
    }

    void rtp(int track, ByteBuf packet) {
        touch();
        synchronized (this) {
            packets++;
            bytes += packet.readableBytes();
        }
        publication.rtp(track, packet.nioBuffer());
    }

    void rtcp(int track, ByteBuf packet) {
        touch();
        publication.rtcp(track, packet.nioBuffer());
    }

    /** A packet on one of the session's UDP ports that is not the publisher's (foreign port or SSRC). */
    void refused(int track, String cause) {
        synchronized (this) {
            refused++;
        }
        publication.refused(track, cause);
    }

    /** @return packets refused on the session's UDP ports */
    synchronized long refused() {
        return refused;
    }

    /** Ends the session at its client's request (TEARDOWN): its connection stays open for more requests. */
    @Override
    public void teardown() {
        end("torn down");
    }

    /** Ends the session from the server's side (kick, timeout, server stop) and closes its connection. */
    @Override
    public void close() {
        if (end(connection.isActive() ? "ended by the server" : "ended with its connection")) {
            connection.close();
        }
    }

    private void publicationEnded() {
        if (end("ended by the live source")) {
            connection.close();
        }
    }

    private boolean end(String how) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            udp.forEach(UdpTransport::close);
        }
        publication.close();
        LOG.info("Publishing session {} of {} for {} {} after {} packets ({} refused)", id(), clientAddress(), path(),
                how, packets, refused);
        onClose.accept(this);
        return true;
    }

    @Override
    public synchronized boolean dependsOn(Channel channel) {
        return !interleaved.isEmpty() && channel == connection;
    }

    @Override
    public synchronized boolean closed() {
        return closed;
    }





    @Override
    public synchronized String state() {
        return recording ? "RECORDING" : "ANNOUNCED";
    }

    @Override
    public synchronized String transport() {
        return interleaved.isEmpty() ? "RTP/AVP/UDP (in)" : "RTP/AVP/TCP (in)";
    }


    @Override
    public String kind() {
        return PUBLISHER;
    }

    /** @return 0: a publisher's session sends no media (only RTCP) */
    @Override
    public long bytesSent() {
        return 0;
    }

    @Override
    public long packetsSent() {
        return 0;
    }

    @Override
    public synchronized long bytesReceived() {
        return bytes;
    }

    @Override
    public synchronized long packetsReceived() {
        return packets;
    }

    @Override
    public ReceptionStats reception() {
        return ReceptionStats.NONE;
    }
}
