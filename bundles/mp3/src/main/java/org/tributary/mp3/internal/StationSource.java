package org.tributary.mp3.internal;

import java.time.Instant;

/** What feeds a station: a source client's connection ({@link SourceFeed}) or a playlist of files. */
interface StationSource {

    /** @return who feeds the station, for the shell: a source's {@code host:port}, or {@code playlist:NAME} */
    String address();

    /** @return when it started */
    Instant started();

    /** Ends it, with one log line giving the reason; its station goes off the air (or to its fallback). */
    void stop(String reason);

    /** Ends it when it sent nothing for {@code timeoutNanos}; sources that cannot stall ignore this. */
    default void stopIfIdle(long timeoutNanos) {
    }
}
