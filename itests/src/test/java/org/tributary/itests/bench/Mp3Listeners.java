package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

/**
 * A {@link LoadGroup} of MP3 listeners of one station: an {@link HttpListeners} tool. A listener the server
 * closed ended; one that went {@link RtspViewers#SILENCE_NANOS silent} while open is lost. Once any ended or
 * was lost the whole tool is replaced by a fresh one at the next {@link #fill()} (none until a fill succeeds).
 */
final class Mp3Listeners implements LoadGroup {

    private static final Duration ANSWERS = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;

    private final String name;
    private final InetSocketAddress server;
    private final String mount;
    private final int count;
    private HttpListeners tool;
    private int closedAtMark;

    Mp3Listeners(String name, InetSocketAddress server, String mount, int count) {
        this.name = name;
        this.server = server;
        this.mount = mount;
        this.count = count;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fill() throws IOException {
        for (int attempt = 1; tool == null; attempt++) {
            HttpListeners started = HttpListeners.start(server, mount, count);
            await(count + " listeners of " + mount + " answered").atMost(ANSWERS)
                    .pollInterval(Duration.ofMillis(100)).until(() -> started.answered() + started.refused() >= count);
            if (started.refused() == 0) {
                tool = started;
            } else {
                closeQuietly(started);
                if (attempt == ATTEMPTS) {
                    throw new IOException(name + ": " + started.refused() + " of " + count + " listeners refused");
                }
            }
        }
    }

    @Override
    public void mark() {
        if (tool != null) {
            tool.mark();
            closedAtMark = tool.closed();
        }
    }

    @Override
    public Tally tally() {
        if (tool == null) {
            return Tally.NONE;
        }
        long[] gaps = tool.longestGapsOfOpen();
        int lost = (int) Arrays.stream(gaps).filter(gap -> gap > RtspViewers.SILENCE_NANOS).count();
        return new Tally(gaps.length - lost, tool.closed() - closedAtMark, lost, 0);
    }

    @Override
    public boolean allEnded() {
        return tool == null || tool.longestGapsOfOpen().length == 0;
    }

    @Override
    public void dropFinished() {
        if (tool != null && (tool.closed() > 0
                || Arrays.stream(tool.longestGapsOfOpen()).anyMatch(gap -> gap > RtspViewers.SILENCE_NANOS))) {
            closeQuietly(tool);
            tool = null;
        }
    }

    @Override
    public boolean serves() {
        return Mp3Source.onAir(server.getPort(), mount);
    }

    @Override
    public void close() {
        if (tool != null) {
            closeQuietly(tool);
            tool = null;
        }
    }

    private static void closeQuietly(HttpListeners listeners) {
        try {
            listeners.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
