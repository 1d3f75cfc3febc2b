package org.tributary.source.live.internal.playlist;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import org.tributary.api.BroadcastInfo;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.Publication;

/** A live source whose one publication keeps a copy of every packet with the clock reading it arrived at. */
class CapturingLive implements LiveSource, Publication {

    /** One captured packet. */
    record Packet(int track, byte[] bytes, long atNanos) {
        int sequence() {
            return ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        }

        long timestamp() {
            return ByteBuffer.wrap(bytes).getInt(4) & 0xffffffffL;
        }

        int ssrc() {
            return ByteBuffer.wrap(bytes).getInt(8);
        }

        boolean marker() {
            return (bytes[1] & 0x80) != 0;
        }

        int payloadType() {
            return bytes[1] & 0x7f;
        }
    }

    final List<Packet> rtp = new CopyOnWriteArrayList<>();
    final List<Packet> rtcp = new CopyOnWriteArrayList<>();
    private final LongSupplier clock;
    volatile String path;
    volatile String sdp;
    volatile int published;
    volatile int closed;
    int busyAnswers;

    CapturingLive(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public Publication publish(String path, String sdp, String publisher) throws MediaException {
        if (busyAnswers > 0) {
            busyAnswers--;
            throw new MediaException(Reason.BUSY, "broadcast " + path + " is already being published");
        }
        this.path = path;
        this.sdp = sdp;
        published++;
        return this;
    }

    List<Packet> rtp(int track) {
        return rtp.stream().filter(p -> p.track() == track).toList();
    }

    @Override
    public void rtp(int track, ByteBuffer packet) {
        rtp.add(new Packet(track, copy(packet), clock.getAsLong()));
    }

    @Override
    public void rtcp(int track, ByteBuffer packet) {
        rtcp.add(new Packet(track, copy(packet), clock.getAsLong()));
    }

    private static byte[] copy(ByteBuffer packet) {
        byte[] bytes = new byte[packet.remaining()];
        packet.duplicate().get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        closed++;
    }

    @Override
    public List<String> controls() {
        return List.of("trackID=1", "trackID=2");
    }

    @Override
    public List<BroadcastInfo> broadcasts() {
        return List.of();
    }

    @Override
    public String description() {
        return "capturing live source";
    }

    @Override
    public MediaPresentation open(String path) throws MediaException {
        throw new MediaException(Reason.NOT_FOUND, "nothing to watch here");
    }
}
