package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionFactory;

/** Awaitility set up for conditions that read one interleaved frame per evaluation. */
final class FrameAwait {

    private FrameAwait() {
    }

    /**
     * Returns an await that evaluates on the test thread (the socket is not shared) and with no
     * pause between evaluations, since each evaluation already blocks on the socket read.
     */
    static ConditionFactory readingFrames(String alias, Duration atMost) {
        return await(alias).atMost(atMost).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }
}
