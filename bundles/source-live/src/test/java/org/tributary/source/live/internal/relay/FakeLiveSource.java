package org.tributary.source.live.internal.relay;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tributary.api.BroadcastInfo;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.Publication;

/** A live source that records what a relay publishes, with the controls of the origin's two tracks. */
final class FakeLiveSource implements LiveSource {

    /** One publish call and what was fed into it. */
    static final class Published implements Publication {
        final String path;
        final String sdp;
        final String publisher;
        final List<String> packets = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        Published(String path, String sdp, String publisher) {
            this.path = path;
            this.sdp = sdp;
            this.publisher = publisher;
        }

        @Override
        public List<String> controls() {
            return List.of("trackID=1", "trackID=2");
        }

        @Override
        public void rtp(int track, ByteBuffer packet) {
            packets.add("rtp " + track + " " + hex(packet));
        }

        @Override
        public void rtcp(int track, ByteBuffer packet) {
            packets.add("rtcp " + track + " " + hex(packet));
        }

        @Override
        public void close() {
            closed = true;
        }

        private static String hex(ByteBuffer packet) {
            StringBuilder text = new StringBuilder();
            while (packet.hasRemaining()) {
                text.append(String.format("%02x", packet.get()));
            }
            return text.toString();
        }
    }

    final List<Published> publications = new CopyOnWriteArrayList<>();

    @Override
    public Publication publish(String path, String sdp, String publisher) throws MediaException {
        Published published = new Published(path, sdp, publisher);
        publications.add(published);
        return published;
    }

    @Override
    public List<BroadcastInfo> broadcasts() {
        return List.of();
    }

    @Override
    public String description() {
        return "fake live source";
    }

    @Override
    public MediaPresentation open(String path) throws MediaException {
        throw new MediaException(MediaException.Reason.NOT_FOUND, "fake");
    }
}
