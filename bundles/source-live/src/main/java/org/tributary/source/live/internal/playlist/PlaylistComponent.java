package org.tributary.source.live.internal.playlist;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.tributary.api.Programme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LiveSource;
import org.tributary.api.MountRegistry;
import org.tributary.source.live.internal.LiveSources;

/**
 * A playlist broadcast, one per factory configuration {@code org.tributary.live.playlist-NAME}: while
 * active it plays its items at {@code /live/PATH} as one continuous live programme, so every viewer,
 * whenever they join, sees the same thing. A changed configuration restarts the programme. Management
 * stops it (the broadcast ends), starts it again from its first item, or skips to the next item.
 */
// immediate: the playlist broadcasts whether or not anyone (the shell) looks at its Programme service
@Component(service = Programme.class, configurationPid = "org.tributary.live.playlist",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = PlaylistConfig.class, factory = true)
public class PlaylistComponent implements Programme {

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistComponent.class);

    private final String path;
    private final ScheduledExecutorService scheduler;
    private final Supplier<PlaylistPlayer> players;
    private PlaylistPlayer player;

    /**
     * Starts the programme on its own thread.
     *
     * @param live   where the programme is published
     * @param mounts where its items are found
     * @param config the playlist
     * @throws IllegalArgumentException naming the bad setting when the configuration is unusable
     */
    @Activate
    public PlaylistComponent(@Reference(target = LiveSources.ANNOUNCED) LiveSource live, @Reference MountRegistry mounts,
                             PlaylistConfig config) {
        path = config.path() == null ? "" : config.path().strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("playlist configuration without a path");
        }
        List<PlaylistEntry> entries = PlaylistEntry.parseAll(config.items());
        PlaylistMode mode = PlaylistMode.parse(config.mode());
        Random random = new Random();
        players = () -> new PlaylistPlayer(path, new Playlist(entries, mode, random), mounts, live, System::nanoTime,
                random);
        // checked now: an unusable list is refused at activation, not when it starts
        player = players.get();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-playlist-" + path);
            thread.setDaemon(true);
            return thread;
        });
        PlaylistPlayer first = player;
        scheduler.execute(() -> run(first));
    }

    /** Stops the thread, then ends the broadcast; viewers get a clean end. */
    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        player().stop();
    }

    @Override
    public boolean running() {
        return player().running();
    }

    /** Starts the programme again from its first item, unless it runs. */
    @Override
    public synchronized void start() {
        if (player.running()) {
            return;
        }
        PlaylistPlayer next = players.get();
        player = next;
        try {
            scheduler.execute(() -> run(next));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("playlist " + path + " is being removed", e);
        }
        LOG.info("playlist {}: started from its first item", path);
    }

    /** Ends the broadcast; viewers get RTCP BYE. The configuration stays, so {@link #start()} resumes it. */
    @Override
    public synchronized void stop() {
        PlaylistPlayer stopping = player;
        if (stopping.running()) {
            stopping.stop();
            LOG.info("playlist {}: stopped", path);
        }
    }

    /**
     * Ends the current item now and goes on with the next one.
     *
     * @throws IllegalStateException when nothing is playing (stopped, or waiting for an item)
     */
    @Override
    public void skip() {
        if (player().skip() == null) {
            throw new IllegalStateException("playlist " + path + " is not playing an item");
        }
    }

    private synchronized PlaylistPlayer player() {
        return player;
    }

    /** @return the current and next item and the position in the current one, for the shell */
    @Override
    public String path() {
        return status().path();
    }

    @Override
    public String current() {
        return String.valueOf(Objects.requireNonNullElse(status().current(), ""));
    }

    @Override
    public String next() {
        return String.valueOf(Objects.requireNonNullElse(status().next(), ""));
    }

    @Override
    public double position() {
        return status().positionSeconds();
    }

    PlaylistStatus status() {
        return player().status();
    }

    private void run(PlaylistPlayer playing) {
        long delay;
        try {
            delay = playing.tick();
        } catch (RuntimeException e) {
            // an escaped exception would end the programme silently
            LOG.error("playlist failed; trying again in {} s", TimeUnit.NANOSECONDS.toSeconds(PlaylistPlayer.RETRY_NANOS), e);
            delay = PlaylistPlayer.RETRY_NANOS;
        }
        if (delay != PlaylistPlayer.DONE) {
            try {
                scheduler.schedule(() -> run(playing), delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("playlist stopped while it was playing");
            }
        }
    }
}
