package org.tributary.source.live.internal;

import java.util.List;

/**
 * A publisher's session description after {@link AnnounceParser} checked it.
 *
 * @param tracks the media sections in SDP order
 */
public record AnnouncedSdp(List<AnnouncedTrack> tracks) {

    /** Copies the tracks. */
    public AnnouncedSdp {
        tracks = List.copyOf(tracks);
    }

    /** @return the tracks' control values as announced, in SDP order */
    List<String> controls() {
        return tracks.stream().map(AnnouncedTrack::control).toList();
    }

    /** @return the media part for viewers, each track's control set to {@code trackID=N}, CRLF line ends */
    String mediaDescription() {
        StringBuilder sdp = new StringBuilder();
        for (int i = 0; i < tracks.size(); i++) {
            for (String line : tracks.get(i).mediaLines()) {
                sdp.append(line).append("\r\n");
            }
            sdp.append("a=control:trackID=").append(i + 1).append("\r\n");
        }
        return sdp.toString();
    }

    /**
     * @param other another announcement for the same path
     * @return whether it has the same tracks with the same payload types, encodings and format
     *         parameters (bandwidth lines aside), so a viewer's decoders can go on with its packets
     */
    boolean sameMediaAs(AnnouncedSdp other) {
        if (other.tracks.size() != tracks.size()) {
            return false;
        }
        for (int i = 0; i < tracks.size(); i++) {
            AnnouncedTrack mine = tracks.get(i);
            AnnouncedTrack theirs = other.tracks.get(i);
            if (!mine.encodings().equals(theirs.encodings())
                    || !mine.mediaLinesWithoutBandwidth().equals(theirs.mediaLinesWithoutBandwidth())) {
                return false;
            }
        }
        return true;
    }
}
