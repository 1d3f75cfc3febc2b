package org.tributary.mp3.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.ConfinedFolder;
import org.tributary.security.PathRefusedException;
import org.tributary.security.RefusalLog;

/**
 * An MP3 playlist station, one per factory configuration {@code org.tributary.mp3.playlist-NAME}: the MP3
 * broadcast puts it on air at its mount while both are active, and makes it the fallback of the mounts named
 * in {@code fallbackFor}. Its files are read from the media folder only ({@link ConfinedFolder}: no absolute
 * path, no {@code ..}, no symbolic link out). A changed configuration restarts the station.
 */
@Component(service = PlaylistStation.class, configurationPid = PlaylistStation.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Mp3PlaylistConfig.class, factory = true)
public final class PlaylistStation {

    /** The factory configuration PID. */
    public static final String PID = "org.tributary.mp3.playlist";

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistStation.class);
    private static final long SKIP_LOG_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String mount;
    private final String name;
    private final ConfinedFolder media;
    private final String folder;
    private final List<String> files;
    private final boolean shuffle;
    private final boolean loop;
    private final List<String> fallbackFor;
    private final RefusalLog skipLog = new RefusalLog(LoggerFactory.getLogger(PlaylistFeed.class), SKIP_LOG_NANOS,
            RefusalLog.DEFAULT_MAX_ENTRIES, System::nanoTime);
    private ScheduledExecutorService pacer;
    private PlaylistFeed feed;
    private Stations stations;

    /** @throws IllegalArgumentException naming the bad setting */
    @Activate
    public PlaylistStation(Mp3PlaylistConfig config) {
        this.mount = config.mount() == null ? "" : config.mount().strip();
        if (!Mp3Settings.isMount(mount)) {
            throw new IllegalArgumentException("MP3 playlist mount '" + mount + "' is not a mount path such as /jukebox");
        }
        this.name = config.name() == null || config.name().isBlank() ? mount.substring(1) : config.name().strip();
        this.media = new ConfinedFolder(mediaFolder(config.mediaFolder()));
        this.folder = config.folder() == null ? "" : config.folder().strip();
        this.files = values(config.files());
        String orderName = config.order() == null ? "" : config.order().strip().toLowerCase(Locale.ROOT);
        if (!orderName.equals("sequential") && !orderName.equals("shuffle")) {
            throw new IllegalArgumentException("MP3 playlist order '" + orderName + "' is not sequential or shuffle");
        }
        this.shuffle = orderName.equals("shuffle");
        this.loop = config.loop();
        this.fallbackFor = values(config.fallbackFor());
        for (String live : fallbackFor) {
            if (!Mp3Settings.isMount(live) || live.equals(mount)) {
                throw new IllegalArgumentException("MP3 playlist " + mount + ": fallbackFor '" + live
                        + "' is not another mount path");
            }
        }
    }

    /**
     * Puts the station on air, unless its playlist is empty or its mount is fed (both logged).
     *
     * @param target   the stations
     * @param settings the broadcast's settings (ring size, station limit)
     */
    synchronized void start(Stations target, Mp3Settings settings) {
        if (feed != null) {
            return;
        }
        if (list().isEmpty()) {
            LOG.warn("MP3 playlist {} for {} has no MP3 file in {}; the station is not started", name, mount,
                    files.isEmpty() ? "folder '" + folder + "' of " + media.root() : "its files list");
            return;
        }
        PlaylistFeed newFeed = new PlaylistFeed(name, mount, new PlaylistOrder(this::list, shuffle, loop, new Random()),
                target::ended, System::nanoTime, skipLog);
        Station station;
        try {
            station = target.attach(newFeed, mount, new StationMetadata(name, "", "", "", "0", "", ""), settings);
        } catch (Stations.Refused e) {
            LOG.warn("MP3 playlist {} for {} is not started: {}", name, mount, e.getMessage());
            return;
        }
        this.stations = target;
        this.feed = newFeed;
        for (String live : fallbackFor) {
            target.fallback(live, mount);
        }
        newFeed.start(station);
        pacer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-mp3-playlist" + mount.replace('/', '-'));
            thread.setDaemon(true);
            return thread;
        });
        pacer.execute(this::pace);
        LOG.info("MP3 playlist {} on air at {}{}", name, mount, fallbackFor.isEmpty() ? "" : ", fallback for " + fallbackFor);
    }

    /** Takes the station off the air; its listeners are closed. */
    @Deactivate
    synchronized void stop() {
        if (feed == null) {
            return;
        }
        for (String live : fallbackFor) {
            stations.removeFallback(live, mount);
        }
        pacer.shutdownNow();
        feed.stop("its configuration or the MP3 broadcast stopped");
        feed = null;
    }

    private void pace() {
        PlaylistFeed current;
        synchronized (this) {
            current = feed;
        }
        if (current == null) {
            return;
        }
        long delay;
        try {
            delay = current.tick();
        } catch (RuntimeException e) {
            // an escaped exception would stop the pacing silently
            LOG.error("MP3 playlist {} for {} failed", name, mount, e);
            current.stop("it failed: " + e);
            delay = PlaylistFeed.DONE;
        }
        if (delay != PlaylistFeed.DONE) {
            try {
                pacer.schedule(this::pace, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("MP3 playlist {} stopped while it played", name);
            }
        }
    }

    /** @return the files of one pass: the listed ones, or the folder's {@code .mp3} files by name */
    List<Path> list() {
        List<Path> found = new ArrayList<>();
        if (!files.isEmpty()) {
            for (String file : files) {
                resolve(file, found);
            }
            return found;
        }
        Path dir;
        try {
            dir = folder.isEmpty() ? media.root().toRealPath() : media.resolve(folder);
        } catch (IOException | PathRefusedException e) {
            skipLog.warn(folder, "MP3 playlist {} for {}: folder '{}' is refused: {}", name, mount,
                    ConfinedFolder.printable(folder), e.getMessage());
            return found;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".mp3"))
                    .sorted()
                    .forEach(n -> resolve(folder.isEmpty() ? n : folder + "/" + n, found));
        } catch (IOException e) {
            skipLog.warn(folder, "MP3 playlist {} for {}: folder '{}' cannot be listed: {}", name, mount, dir, e);
        }
        return found;
    }

    private void resolve(String relative, List<Path> found) {
        try {
            found.add(media.resolveFile(relative));
        } catch (PathRefusedException e) {
            skipLog.warn(relative, "MP3 playlist {} for {} skips '{}': {}", name, mount,
                    ConfinedFolder.printable(relative), e.getMessage());
        }
    }

    private static List<String> values(String[] values) {
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(";"))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static Path mediaFolder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String karafHome = System.getProperty("karaf.home");
        return karafHome != null ? Path.of(karafHome, "media") : Path.of("media");
    }
}
