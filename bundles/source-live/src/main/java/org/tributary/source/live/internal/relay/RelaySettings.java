package org.tributary.source.live.internal.relay;

import java.time.Duration;
import java.util.Locale;

/**
 * One relay's settings, checked, as plain values so tests need no annotation instance.
 *
 * @param origin    the stream to pull
 * @param path      the broadcast's path below the live mount, such as {@code edge1}
 * @param onDemand  whether to pull only while viewers watch ({@code mode = ondemand})
 * @param reconnect always: pause between pulls; on demand: how long a failed origin is not tried again
 * @param connect   on demand: how long a viewer waits for the origin to play
 * @param idle      on demand: how long the pull goes on without a viewer
 */
record RelaySettings(OriginUrl origin, String path, boolean onDemand, Duration reconnect, Duration connect,
                     Duration idle) {

    static final String ALWAYS = "always";
    static final String ON_DEMAND = "ondemand";
    static final int DEFAULT_RECONNECT_SECONDS = 5;
    static final int DEFAULT_CONNECT_SECONDS = 10;
    static final int DEFAULT_IDLE_SECONDS = 30;
    static final int MAX_CONNECT_SECONDS = 300;
    static final int MAX_IDLE_SECONDS = 86_400;

    /**
     * @param config the factory configuration; untrusted
     * @return the checked settings
     * @throws IllegalArgumentException naming the bad setting
     */
    static RelaySettings of(RelayConfig config) {
        return new RelaySettings(OriginUrl.parse(config.url()), checkPath(config.path()), parseMode(config.mode()),
                Duration.ofSeconds(Math.max(1, config.reconnectSeconds())),
                Duration.ofSeconds(inRange("connectSeconds", config.connectSeconds(), MAX_CONNECT_SECONDS)),
                Duration.ofSeconds(inRange("idleSeconds", config.idleSeconds(), MAX_IDLE_SECONDS)));
    }

    /**
     * @return the path unchanged when it can name a broadcast below the live mount (the live source
     *         checks it strictly when the relay publishes; only the obvious is refused here)
     * @throws IllegalArgumentException otherwise
     */
    static String checkPath(String path) {
        if (path == null || path.isBlank() || path.startsWith("/")) {
            throw new IllegalArgumentException("relay path must be a name below the live mount, such as edge1");
        }
        return path;
    }

    /** @return whether the mode is on demand; {@code null} or blank is the default, always */
    static boolean parseMode(String mode) {
        String value = mode == null || mode.isBlank() ? ALWAYS : mode.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case ALWAYS -> false;
            case ON_DEMAND -> true;
            default -> throw new IllegalArgumentException("relay mode must be " + ALWAYS + " or " + ON_DEMAND + ", not '"
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
        };
    }

    private static int inRange(String name, int seconds, int max) {
        if (seconds < 1 || seconds > max) {
            throw new IllegalArgumentException("relay " + name + " must be from 1 to " + max + ", not " + seconds);
        }
        return seconds;
    }
}
