package org.tributary.api;

/**
 * A relay's state for management.
 *
 * @param path      the live path it publishes, such as {@code /live/news}
 * @param origin    the origin's URL without credentials
 * @param mode      {@code always-on} or {@code on-demand}
 * @param state     such as {@code CONNECTING}, {@code PULLING}, {@code IDLE} or {@code FAILING}
 * @param failures  failed attempts since it last pulled
 * @param lastError the last failure as one line, or empty
 */
public record RelayInfo(String path, String origin, String mode, String state, long failures, String lastError) {
}
