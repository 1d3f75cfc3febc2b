package org.tributary.source.live.internal.sdp;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The SDP-file feeds' settings as plain values, so tests need no annotation instance.
 *
 * @param folder                  the media folder
 * @param idleSeconds             how long a feed nobody watches keeps its ports
 * @param publisherTimeoutSeconds silence after which a feed ends its viewers; 0 disables the check
 * @param maxSdpBytes             largest accepted file
 * @param multicastInterface      interface name for multicast joins, or blank for the default
 */
record SdpSettings(Path folder, int idleSeconds, int publisherTimeoutSeconds, int maxSdpBytes,
                   String multicastInterface) {

    static final int DEFAULT_IDLE_SECONDS = 30;
    /** As the live source's publisher timeout. */
    static final int DEFAULT_PUBLISHER_TIMEOUT = 20;
    /** As the live source's limit on announcements. */
    static final int DEFAULT_MAX_SDP_BYTES = 16384;
    /** As the live source's limit on announcements. */
    static final int MAX_TRACKS = 8;
    /** Far above any real SDP, and small enough that reading one is cheap. */
    static final int MAX_SDP_BYTES_LIMIT = 1 << 20;

    SdpSettings {
        if (idleSeconds < 0 || publisherTimeoutSeconds < 0 || maxSdpBytes <= 0 || maxSdpBytes > MAX_SDP_BYTES_LIMIT) {
            throw new IllegalArgumentException("idleSeconds and publisherTimeout must be >= 0, maxSdpBytes in 1.."
                    + MAX_SDP_BYTES_LIMIT + ": " + idleSeconds + ", " + publisherTimeoutSeconds + ", " + maxSdpBytes);
        }
        multicastInterface = multicastInterface == null ? "" : multicastInterface.trim();
    }

    static SdpSettings of(SdpFeedConfig config) {
        return new SdpSettings(folderPath(config.mediaFolder()), config.idleSeconds(), config.publisherTimeout(),
                config.maxSdpBytes(), config.multicastInterface());
    }

    /** @return the defaults on a given folder */
    static SdpSettings defaults(Path folder) {
        return new SdpSettings(folder, DEFAULT_IDLE_SECONDS, DEFAULT_PUBLISHER_TIMEOUT, DEFAULT_MAX_SDP_BYTES, "");
    }

    /** The same folder as the file source: the configured one, else {@code ${karaf.home}/media}, else {@code ./media}. */
    static Path folderPath(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        String karafHome = System.getProperty("karaf.home");
        return karafHome == null || karafHome.isBlank() ? Paths.get("media") : Paths.get(karafHome, "media");
    }
}
