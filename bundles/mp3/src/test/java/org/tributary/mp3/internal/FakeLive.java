package org.tributary.mp3.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tributary.api.BroadcastInfo;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.Publication;

/** A live source that records what is published to it; paths in {@link #busy} are refused as busy. */
final class FakeLive implements LiveSource {

    /** What one publisher sent. */
    static final class Published implements Publication {
        final String path;
        final String sdp;
        final String publisher;
        final List<byte[]> rtp = new CopyOnWriteArrayList<>();
        final List<byte[]> rtcp = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        volatile Runnable onEnd;

        Published(String path, String sdp, String publisher) {
            this.path = path;
            this.sdp = sdp;
            this.publisher = publisher;
        }

        @Override
        public List<String> controls() {
            return List.of("trackID=1");
        }

        @Override
        public void rtp(int track, ByteBuffer packet) {
            rtp.add(bytes(track, packet));
        }

        @Override
        public void rtcp(int track, ByteBuffer packet) {
            rtcp.add(bytes(track, packet));
        }

        private static byte[] bytes(int track, ByteBuffer packet) {
            if (track != 0) {
                throw new AssertionError("track " + track);
            }
            byte[] copy = new byte[packet.remaining()];
            packet.duplicate().get(copy);
            return copy;
        }

        @Override
        public void onEnd(Runnable ended) {
            onEnd = ended;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final Map<String, Published> published = new ConcurrentHashMap<>();
    final List<Published> all = new CopyOnWriteArrayList<>();
    final Set<String> busy = new HashSet<>();
    final List<String> opened = new ArrayList<>();

    @Override
    public synchronized Publication publish(String path, String sdp, String publisher) throws MediaException {
        if (busy.contains(path)) {
            throw new MediaException(MediaException.Reason.BUSY, "broadcast /live/" + path + " is being published");
        }
        Published p = new Published(path, sdp, publisher);
        published.put(path, p);
        all.add(p);
        return p;
    }

    @Override
    public List<BroadcastInfo> broadcasts() {
        return List.of();
    }

    @Override
    public String description() {
        return "fake live source";
    }

    /** Records the path; the presentation itself is not needed by these tests. */
    @Override
    public synchronized MediaPresentation open(String path) {
        opened.add(path);
        return null;
    }
}
