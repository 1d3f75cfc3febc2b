package org.tributary.source.live.internal;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one broadcast's counters, for management commands.
 *
 * @param path      the path below the mount
 * @param publisher the publisher's address, {@code host:port}
 * @param started   when it was announced
 * @param encodings each track's first encoding name, such as {@code H264}
 * @param packetsIn RTP packets accepted
 * @param bytesIn   bytes of accepted RTP packets
 * @param dropped   RTP and RTCP packets dropped for a broken header, a wrong payload type or track
 * @param viewers   viewers subscribed now
 */
public record BroadcastStats(String path, String publisher, Instant started, List<String> encodings, long packetsIn,
                      long bytesIn, long dropped, int viewers) {
}
