package org.tributary.itests.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The two publishers the hot-swap load depends on, started again whenever they end: ffmpeg pushing a movie
 * to the live path (RTSP ANNOUNCE/RECORD) and ffmpeg feeding the MP3 station (Icecast PUT). A step that
 * touches what they publish to ends them; {@link #supervise()} starts them again every {@link #CHECK_MILLIS}
 * whatever the benchmark is doing, so that the load returns as soon as the server takes them back.
 */
final class LoadFeeds implements AutoCloseable {

    static final long CHECK_MILLIS = 100;

    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hotswap-feeds");
        thread.setDaemon(true);
        return thread;
    });
    private final Path movie;
    private final String liveUrl;
    private final Path song;
    private final int port;
    private final String password;
    private final String mount;
    private final Path logs;
    private FfmpegFeed publisher;
    private Mp3Source station;

    LoadFeeds(Path movie, String liveUrl, Path song, int port, String password, String mount, Path logs) {
        this.movie = movie;
        this.liveUrl = liveUrl;
        this.song = song;
        this.port = port;
        this.password = password;
        this.mount = mount;
        this.logs = logs;
    }

    /** Checks the publishers every {@link #CHECK_MILLIS} from now on, starting whichever ended. */
    void supervise() {
        supervisor.scheduleWithFixedDelay(() -> {
            try {
                restartEnded();
            } catch (IOException e) {
                System.out.println("cannot start a publisher: " + e);
            }
        }, 0, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts whichever publisher is not running; returns whether one was. */
    synchronized boolean restartEnded() throws IOException {
        boolean started = false;
        if (publisher == null || !publisher.isAlive()) {
            publisher = FfmpegFeed.publish(movie, liveUrl, logs.resolve("publisher.log"));
            started = true;
        }
        if (station == null || !station.isAlive()) {
            station = Mp3Source.start(song, port, password, mount, logs.resolve("station.log"));
            started = true;
        }
        return started;
    }

    /** Ends the movie publisher, so that {@link #restartEnded()} starts it again (a broadcast the server forgot). */
    synchronized void restartPublisher() throws IOException, InterruptedException {
        publisher.close();
        restartEnded();
    }

    /** Ends the MP3 source, so that {@link #restartEnded()} starts it again (a connection the server forgot). */
    synchronized void restartStation() throws IOException, InterruptedException {
        station.close();
        restartEnded();
    }

    @Override
    public synchronized void close() throws InterruptedException {
        supervisor.shutdownNow();
        if (publisher != null) {
            publisher.close();
        }
        if (station != null) {
            station.close();
        }
    }
}
