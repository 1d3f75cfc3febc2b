package org.tributary.source.live.internal.playlist;

/**
 * What a playlist broadcast is playing, for the shell.
 *
 * @param path            the broadcast path below the live mount
 * @param current         the item playing now, or null before the start and after the end
 * @param next            the item that follows, or null when a sequential list ends after this one
 * @param positionSeconds how far the current item has played, in seconds
 */
record PlaylistStatus(String path, String current, String next, double positionSeconds) {
}
