package org.tributary.source.live.internal.playlist;

import java.util.Objects;

import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * whenever they join, sees the same thing. A changed configuration restarts the programme.
 */
// immediate: the playlist broadcasts whether or not anyone (the shell) looks at its Programme service
@Component(service = Programme.class, configurationPid = "org.tributary.live.playlist",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = PlaylistConfig.class, factory = true)
public class PlaylistComponent implements Programme {

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistComponent.class);

    private final PlaylistPlayer player;
    private final ScheduledExecutorService scheduler;

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
        String path = config.path() == null ? "" : config.path().strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("playlist configuration without a path");
        }
        Random random = new Random();
        Playlist playlist = new Playlist(PlaylistEntry.parseAll(config.items()), PlaylistMode.parse(config.mode()),
                random);
        player = new PlaylistPlayer(path, playlist, mounts, live, System::nanoTime, random);
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-playlist-" + path);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(this::run);
    }

    /** Stops the thread, then ends the broadcast; viewers get a clean end. */
    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        player.stop();
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
        return player.status();
    }

    private void run() {
        long delay;
        try {
            delay = player.tick();
        } catch (RuntimeException e) {
            // an escaped exception would end the programme silently
            LOG.error("playlist failed; trying again in {} s", TimeUnit.NANOSECONDS.toSeconds(PlaylistPlayer.RETRY_NANOS), e);
            delay = PlaylistPlayer.RETRY_NANOS;
        }
        if (delay != PlaylistPlayer.DONE) {
            try {
                scheduler.schedule(this::run, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("playlist stopped while it was playing");
            }
        }
    }
}
