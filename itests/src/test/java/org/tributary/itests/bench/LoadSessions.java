package org.tributary.itests.bench;

import static org.junit.Assert.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated viewers of one benchmark run: set up one after the other (giving up after 20
 * failures in a row), asked to PLAY all at once, and torn down together.
 */
final class LoadSessions implements Closeable {

    private static final int MAX_CONSECUTIVE_SETUP_FAILURES = 20;
    /** Sockets and files either side needs besides the sessions'. */
    private static final long FILE_SLACK = 200;

    private final List<LoadSession> sessions = new ArrayList<>();

    /**
     * Sets up to {@code count} viewers of {@code url} whose RTP channels register with
     * {@code selector}, each packet also going to {@code listener}; failures are printed.
     */
    static LoadSessions setUp(String url, int count, Selector selector, RtpPacketListener listener) {
        LoadSessions all = new LoadSessions();
        int consecutiveFailures = 0;
        for (int i = 0; i < count && consecutiveFailures < MAX_CONSECUTIVE_SETUP_FAILURES; i++) {
            try {
                all.sessions.add(LoadSession.setUp(url, selector, listener));
                consecutiveFailures = 0;
            } catch (IOException | RuntimeException e) {
                consecutiveFailures++;
                System.out.println("session " + i + " not set up: " + e.getMessage());
            }
        }
        return all;
    }

    /** Writes PLAY on every session without waiting, and returns those it was written to. */
    List<LoadSession> sendPlay() {
        List<LoadSession> asked = new ArrayList<>();
        for (LoadSession session : sessions) {
            try {
                session.sendPlay();
                asked.add(session);
            } catch (IOException e) {
                System.out.println("PLAY not sent: " + e.getMessage());
            }
        }
        return asked;
    }

    /** Reads the PLAY answers of {@code asked} and returns the sessions that answered 200. */
    static List<LoadSession> answeredPlay(List<LoadSession> asked) {
        List<LoadSession> playing = new ArrayList<>();
        for (LoadSession session : asked) {
            try {
                session.awaitPlaying();
                playing.add(session);
            } catch (IOException e) {
                System.out.println("PLAY failed: " + e.getMessage());
            }
        }
        return playing;
    }

    /**
     * Fails unless this JVM and the server may each open the {@code perSession} files of
     * {@code sessions} sessions, plus some slack.
     */
    static void checkFileLimits(ProcessSampler server, int sessions, long perSession) {
        long needed = sessions * perSession + FILE_SLACK;
        long own = new ProcessSampler(ProcessHandle.current().pid(), 100).maxOpenFiles();
        long theirs = server.maxOpenFiles();
        assertTrue("the load tool may open " + own + " files but " + sessions + " sessions need about " + needed
                + ": run under `ulimit -n 65536`", own < 0 || own >= needed);
        assertTrue("the server may open " + theirs + " files but " + sessions + " sessions need about " + needed
                + ": run under `ulimit -n 65536`", theirs < 0 || theirs >= needed);
    }

    /** Tears every session down. */
    @Override
    public void close() {
        for (LoadSession session : sessions) {
            try {
                session.close();
            } catch (IOException e) {
                System.out.println("closing a session: " + e.getMessage());
            }
        }
    }
}
