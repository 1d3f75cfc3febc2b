package org.tributary.core.internal.review;

/**
 * One result of the security review, logged once at start.
 *
 * @param level   how it is logged
 * @param message what is wrong and how to fix it; never a secret
 */
record Finding(Level level, String message) {

    /** The log level of a finding. */
    enum Level { INFO, WARN, ERROR }
}
