package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.tributary.itests.interop.LiveClients.BROADCASTER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;
import org.tributary.itests.support.LiveConfig;
import org.tributary.itests.support.ServerVitals;
import org.tributary.itests.support.TributaryDistribution;
import org.tributary.itests.support.VitalsSeries;

/**
 * A soak of one server: six lanes of short viewers that join and leave one after another until the end
 * (files over UDP and TCP, an HTTP tunnel, RTSPS, the live path, and raw interleaved or tunnelled clients
 * that TEAR DOWN), a looping ffmpeg publisher restarted now and then (over TCP and UDP in turns), the RTSP
 * session timeout changed live now and then, and the server's vitals sampled every 10 s. Live viewers
 * never overlap a publisher restart: they would rightly end with the broadcast.
 */
final class SoakRun {

    static final String LIVE = "/live/soak";
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

    /** One kind of viewer: its name, and one round of it that returns why it failed or null. */
    private record Lane(String name, IntFunction<String> round) {
    }

    private static final Duration LANE_GRACE = Duration.ofMinutes(2);
    private static final Duration OFF_AIR_TIMEOUT = Duration.ofSeconds(20);

    private final TributaryDistribution server;
    private final Duration length;
    private final Duration publisherEvery;
    private final Duration configEvery;
    private final VitalsSeries series = new VitalsSeries();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> rounds = new ConcurrentSkipListMap<>();
    private final ReadWriteLock publishing = new ReentrantReadWriteLock(true);
    private final long started = System.nanoTime();
    private RunningCommand publisher;
    private int publishers;
    private int configChanges;

    SoakRun(TributaryDistribution server, Duration length, Duration publisherEvery, Duration configEvery) {
        this.server = server;
        this.length = length;
        this.publisherEvery = publisherEvery;
        this.configEvery = configEvery;
    }

    /** Runs the soak for its length, sampling {@code vitals}, and returns once every client stopped. */
    void run(ServerVitals vitals) throws Exception {
        startPublisher();
        long deadline = started + length.toNanos();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        ExecutorService viewers = Executors.newFixedThreadPool(lanes().size());
        try {
            timer.scheduleAtFixedRate(guarded("sampler", () -> sample(vitals)), 0, SAMPLE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(guarded("config change", this::changeConfig), configEvery.toMillis(),
                    configEvery.toMillis(), TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(guarded("publisher restart", this::restartPublisher),
                    publisherEvery.toMillis(), publisherEvery.toMillis(), TimeUnit.MILLISECONDS);
            List<Future<?>> ends = new ArrayList<>();
            for (Lane lane : lanes()) {
                ends.add(viewers.submit(() -> loop(lane, deadline)));
            }
            for (Future<?> end : ends) {
                end.get(length.plus(LANE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            viewers.shutdownNow();
            timer.shutdown();
            timer.awaitTermination(LANE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            publishing.writeLock().lock();
            try {
                publisher.close();
            } finally {
                publishing.writeLock().unlock();
            }
        }
    }

    /** @return the vitals sampled so far */
    VitalsSeries series() {
        return series;
    }

    /** @return seconds since the soak started */
    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** @return what failed, each line with its time, lane and the client's own report */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** @return one line of how many rounds each lane played, publishers started and config changes made */
    String activity() {
        return "rounds " + rounds + ", publishers " + publishers + ", config changes " + configChanges;
    }

    private List<Lane> lanes() {
        return List.of(
                new Lane("file over UDP", round -> SoakViewers.ffmpeg(server.url("sample.mp4"), "udp", seconds(round))),
                new Lane("file over TCP", round -> SoakViewers.ffmpeg(server.url("sample.mov"), "tcp", seconds(round))),
                new Lane("file through an HTTP tunnel",
                        round -> SoakViewers.ffmpeg(server.url("sample.mp4"), "http", seconds(round + 1))),
                new Lane("file over RTSPS",
                        round -> SoakViewers.ffmpeg(server.rtspsUrl("sample.mov"), "tcp", seconds(round + 2))),
                new Lane("live over UDP and TCP", this::liveViewer),
                new Lane("raw interleaved or tunnelled client", round ->
                        SoakViewers.raw(server, round % 2 == 0 ? "sample.mp4" : "sample.mov", round % 2 == 1)));
    }

    /** Three to six seconds, so that the lanes' joins and leaves drift apart. */
    private static int seconds(int round) {
        return 3 + round % 4;
    }

    private String liveViewer(int round) {
        publishing.readLock().lock();
        try {
            return SoakViewers.ffmpeg(server.url(LIVE), round % 2 == 0 ? "udp" : "tcp", seconds(round + 3));
        } finally {
            publishing.readLock().unlock();
        }
    }

    private void loop(Lane lane, long deadline) {
        for (int round = 0; System.nanoTime() < deadline && !Thread.currentThread().isInterrupted(); round++) {
            String failure;
            try {
                failure = lane.round().apply(round);
            } catch (RuntimeException | AssertionError e) {
                failure = e.toString();
            }
            rounds.merge(lane.name(), 1, Integer::sum);
            if (failure != null) {
                failures.add(String.format("%.0f s, %s: %s", elapsedSeconds(), lane.name(), failure));
            }
        }
    }

    private void sample(ServerVitals vitals) {
        double at = elapsedSeconds();
        series.add(at, vitals.sample());
    }

    private void changeConfig() {
        configChanges++;
        LiveConfig.set(server, "org.tributary.rtsp", "sessionTimeout", configChanges % 2 == 1 ? "90" : "60");
    }

    private void restartPublisher() {
        publishing.writeLock().lock();
        try {
            if (!publisher.isAlive()) {
                failures.add(String.format("%.0f s, publisher: ended on its own%s", elapsedSeconds(),
                        publisher.awaitExit(Duration.ZERO).describe()));
            }
            publisher.close();
            // the publisher's TEARDOWN ends the broadcast: the next one must not be taken for it
            await(LIVE + " off the air").atMost(OFF_AIR_TIMEOUT)
                    .until(() -> LiveClients.describeStatus(server, LIVE) != 200);
            startPublisher();
        } finally {
            publishing.writeLock().unlock();
        }
    }

    private void startPublisher() {
        String transport = publishers++ % 2 == 0 ? "tcp" : "udp";
        publisher = LiveClients.publish(server.mediaDir().resolve("sample.mp4"), BROADCASTER.url(server, LIVE),
                transport, true);
        LiveClients.awaitPublished(server, LIVE, publisher);
    }

    /** Runs {@code task}, recording a failure instead of letting it end the periodic schedule silently. */
    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | AssertionError e) {
                failures.add(String.format("%.0f s, %s: %s", elapsedSeconds(), what, e));
            }
        };
    }
}
