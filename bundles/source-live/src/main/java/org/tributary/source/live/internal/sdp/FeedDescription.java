package org.tributary.source.live.internal.sdp;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import org.tributary.source.live.internal.AnnouncedSdp;

/**
 * An SDP file's feed after {@link FeedDescriptionParser} checked it.
 *
 * @param sdp       the media sections as viewers get them (transport lines removed)
 * @param endpoints per track, in SDP order, where its packets arrive
 * @param sources   the senders {@code a=source-filter: incl} allows; empty when the file names none
 */
record FeedDescription(AnnouncedSdp sdp, List<TrackEndpoint> endpoints, Set<InetAddress> sources) {

    FeedDescription {
        endpoints = List.copyOf(endpoints);
        sources = Set.copyOf(sources);
    }
}
