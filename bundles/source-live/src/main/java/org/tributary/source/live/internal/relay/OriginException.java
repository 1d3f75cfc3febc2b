package org.tributary.source.live.internal.relay;

import java.io.IOException;

/** The origin answered something the relay cannot use; the message names what and is logged as the cause. */
final class OriginException extends IOException {

    private static final long serialVersionUID = 1L;

    OriginException(String message) {
        super(message);
    }
}
