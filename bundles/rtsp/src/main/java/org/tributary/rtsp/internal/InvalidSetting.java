package org.tributary.rtsp.internal;

import java.util.List;

/**
 * A value of {@link RtspServerConfig} that was refused, with the keys it concerns: the message is the one
 * line to log, and the keys are the settings a server starting on that configuration puts back to their
 * defaults (see {@link RtspConfiguration#lenient}).
 */
final class InvalidSetting extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> keys;

    /**
     * @param message the line naming the key(s) and the value
     * @param keys    the settings concerned, by their {@link RtspServerConfig} method names
     */
    InvalidSetting(String message, String... keys) {
        super(message);
        this.keys = List.of(keys);
    }

    /** @return the settings concerned */
    List<String> keys() {
        return keys;
    }
}
