package org.tributary.api;

import java.util.List;

/**
 * A {@link MediaSource} that accepts broadcasts pushed to it (RTSP ANNOUNCE/RECORD), registered
 * under the same {@link MediaSource#MOUNT} property. Viewers open the path like any other
 * presentation and get a {@link LivePresentation}.
 */
public interface LiveSource extends MediaSource {

    /**
     * Starts a broadcast.
     *
     * @param path      the path below the mount, never starting with '/'; untrusted
     * @param sdp       the announced session description; untrusted, checked strictly
     * @param publisher the publisher's address as {@code host:port}, for management and logs
     * @return the publication the protocol server feeds
     * @throws MediaException BUSY when the path is being published (and takeover is off), INVALID for a bad SDP
     */
    Publication publish(String path, String sdp, String publisher) throws MediaException;

    /** @return the broadcasts being published now, with their paths below the mount made absolute */
    List<BroadcastInfo> broadcasts();
}
