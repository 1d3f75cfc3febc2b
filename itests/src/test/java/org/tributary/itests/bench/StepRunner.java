package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.ServerVitals;
import org.tributary.itests.support.ServerVitals.Vitals;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Runs one {@link HotSwapStep} while the load plays: marks every group, runs the step's shell commands,
 * measures how long until every group serves a new client again (starting the publishers again when they
 * ended), watches the sessions for {@link #OBSERVE} more, tallies them, tops every group up again and
 * samples the server once its session count is back where it was. Thread counts leave out the idle threads
 * of pools that end them by themselves (Karaf's SSH shell sessions, see {@link ServerThreads}).
 */
final class StepRunner {

    /** How long the sessions are watched once service returned. */
    static final Duration OBSERVE = Duration.ofSeconds(2);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(15);
    /** A live path or station still absent this long after the step, its publisher running, is published again. */
    private static final long REPUBLISH_NANOS = 4_000_000_000L;
    private static final Duration SETTLE = Duration.ofSeconds(20);
    /** How long the touched groups of an {@link HotSwapStep#async() async} step may take to end. */
    private static final long ASYNC_GRACE_NANOS = 3_000_000_000L;

    private final TributaryDistribution server;
    private final ServerVitals vitals;
    private final LoadFeeds feeds;
    private final List<LoadGroup> groups;
    private final LoadGroup live;
    private final LoadGroup mp3;
    private final ServerThreads threads;
    private final Path threadDumps;
    private Vitals current;
    private Map<String, Long> threadNames;

    StepRunner(TributaryDistribution server, ServerVitals vitals, ServerThreads threads, LoadFeeds feeds,
            List<LoadGroup> groups, LoadGroup live, LoadGroup mp3, Path threadDumps) {
        this.mp3 = mp3;
        this.threads = threads;
        this.threadDumps = threadDumps;
        this.server = server;
        this.vitals = vitals;
        this.feeds = feeds;
        this.groups = groups;
        this.live = live;
    }

    /** Fills every group and takes the first sample; returns it. */
    Vitals start() throws IOException {
        refill();
        current = threads.withoutIdlePools(vitals.sample());
        threadNames = threads.byName();
        return current;
    }

    /** Returns the last sample taken. */
    Vitals current() {
        return current;
    }

    /** Runs {@code step} and returns its row. */
    HotSwapRow run(HotSwapStep step) throws IOException {
        Vitals before = current;
        groups.forEach(LoadGroup::mark);
        List<String> failures = new ArrayList<>();
        for (String command : step.commands()) {
            ProcessResult result = server.client(command);
            if (result.exitCode() != 0 || result.stdout().contains("Error")) {
                failures.add("`" + command + "` failed: " + result.stdout().strip().lines().findFirst().orElse(""));
            }
        }
        long done = System.nanoTime();
        Map<String, Long> served = awaitService(step, done);
        awaitQuietly(OBSERVE);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        groups.forEach(group -> tallies.put(group.name(), group.tally()));
        long serviceMillis = served.size() < groups.size() ? -1 : served.values().stream().mapToLong(Long::longValue)
                .max().orElse(0);
        String slowest = groups.stream().map(LoadGroup::name)
                .max((a, b) -> Long.compare(served.getOrDefault(a, Long.MAX_VALUE), served.getOrDefault(b, Long.MAX_VALUE)))
                .orElse("");
        if (serviceMillis < 0) {
            dumpThreads(step);
        }
        try {
            refill();
        } catch (IOException | ConditionTimeoutException e) {
            failures.add("load not restored: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Vitals after = settle(before.sessions());
        if (after == null) {
            failures.add("the server could not be sampled");
        }
        current = after == null ? before : after;
        Map<String, Long> names = threads.byName();
        String grown = ServerThreads.grown(threadNames, names);
        if (!grown.isEmpty()) {
            System.out.println(step.name() + ": threads grown: " + grown);
        }
        threadNames = names;
        failures.addAll(StepVerdict.failures(tallies, step.touched(), serviceMillis, before, current));
        return new HotSwapRow(step.name(), tallies, serviceMillis, slowest, before, current, failures);
    }

    /**
     * Returns, per group that served again within the time-out, the milliseconds it took after {@code done}:
     * since the first of the successful probes that followed its last failed one. The touched groups of an
     * {@link HotSwapStep#async() async} step are probed on for {@link #ASYNC_GRACE_NANOS} or until they
     * ended, as their service may go away only after the last command returned.
     */
    private Map<String, Long> awaitService(HotSwapStep step, long done) {
        Map<String, Long> served = new LinkedHashMap<>();
        boolean[] republished = {false};
        try {
            await("every group served again").atMost(SERVICE_TIMEOUT).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20)).until(() -> {
                        feeds.restartEnded();
                        boolean settled = true;
                        for (LoadGroup group : groups) {
                            boolean watched = !settled(step, group, done);
                            if (!served.containsKey(group.name()) || watched) {
                                if (!group.serves()) {
                                    served.remove(group.name());
                                } else {
                                    served.putIfAbsent(group.name(), (System.nanoTime() - done) / 1_000_000);
                                }
                            }
                            settled &= !watched;
                        }
                        if (!republished[0] && System.nanoTime() - done > REPUBLISH_NANOS) {
                            republished[0] = true;
                            republish(served);
                        }
                        return settled && served.size() == groups.size();
                    });
        } catch (ConditionTimeoutException e) {
            System.out.println("not served again after " + SERVICE_TIMEOUT.toSeconds() + " s: " + groups.stream()
                    .map(LoadGroup::name).filter(name -> !served.containsKey(name)).toList());
        }
        return served;
    }

    /** Starts again the publishers whose groups are still not served though they run: the server forgot them. */
    private void republish(Map<String, Long> served) throws IOException, InterruptedException {
        if (!served.containsKey(live.name())) {
            System.out.println("the live path is still absent, its publisher running: publishing again");
            feeds.restartPublisher();
        }
        if (!served.containsKey(mp3.name())) {
            System.out.println("the MP3 station is still absent, its source running: connecting it again");
            feeds.restartStation();
        }
    }

    /**
     * Returns whether a touched group of a step whose effect lands late has ended, or was given
     * {@link #ASYNC_GRACE_NANOS} to; any other group is settled at once (one probe that succeeds is enough).
     */
    private static boolean settled(HotSwapStep step, LoadGroup group, long done) {
        return !step.async() || !step.touched().contains(group.name()) || group.allEnded()
                || System.nanoTime() - done > ASYNC_GRACE_NANOS;
    }

    private void refill() throws IOException {
        feeds.restartEnded();
        for (LoadGroup group : groups) {
            group.dropFinished();
        }
        for (LoadGroup group : groups) {
            awaitServed(group);
            group.fill();
        }
    }

    /** Writes the server's thread dump beside the report, to see what it waits for. */
    private void dumpThreads(HotSwapStep step) {
        Path file = threadDumps.resolve(step.name().replaceAll("[^A-Za-z0-9.-]+", "_") + ".threads.txt");
        ProcessResult dump = ExternalCommand.of("jcmd", Long.toString(server.pid()), "Thread.print")
                .timeout(Duration.ofSeconds(30)).run();
        try {
            Files.writeString(file, dump.stdout());
            System.out.println(step.name() + ": service did not return; the server's threads are in " + file);
        } catch (IOException e) {
            System.out.println("cannot write " + file + ": " + e);
        }
    }

    private void awaitServed(LoadGroup group) {
        await(group.name() + " served").atMost(SERVICE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    feeds.restartEnded();
                    return group.serves();
                });
    }

    /**
     * Samples until the server counts {@code sessions} sessions again (or the time-out passed); returns the last
     * sample, or null when none could be taken (the server's MBean gone).
     */
    private Vitals settle(long sessions) {
        Vitals[] last = {null};
        try {
            await("the server back to " + sessions + " sessions").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> (last[0] = threads.withoutIdlePools(vitals.sample())).sessions() == sessions);
        } catch (ConditionTimeoutException e) {
            System.out.println("the server holds " + (last[0] == null ? "?" : last[0].sessions()) + " sessions, "
                    + sessions + " before the step");
        }
        return last[0];
    }

    private static void awaitQuietly(Duration window) {
        long end = System.nanoTime() + window.toNanos();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).atMost(window.plusSeconds(5))
                .until(() -> System.nanoTime() >= end);
    }
}
