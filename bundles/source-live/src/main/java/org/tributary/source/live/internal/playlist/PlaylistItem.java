package org.tributary.source.live.internal.playlist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;
import org.tributary.api.MountRegistry;
import org.tributary.rtp.PayloadFormats;
import org.tributary.rtp.RtpTrack;

/** One movie of the playlist, opened for playing: its tracks in RTP form and a reader. */
final class PlaylistItem implements AutoCloseable {

    private final String path;
    private final List<RtpTrack> tracks;
    private final Map<Integer, Integer> indexById = new HashMap<>();
    private final MediaReader reader;

    private PlaylistItem(String path, List<RtpTrack> tracks, MediaReader reader) {
        this.path = path;
        this.tracks = tracks;
        this.reader = reader;
        for (int i = 0; i < tracks.size(); i++) {
            indexById.put(tracks.get(i).track().id(), i);
        }
    }

    /**
     * @param mounts where the movie is found
     * @param path   its absolute request path
     * @return the item positioned at its start
     * @throws MediaException when it cannot be opened, or UNSUPPORTED when a track has no RTP payload format
     */
    static PlaylistItem open(MountRegistry mounts, String path) throws MediaException {
        MediaPresentation presentation = mounts.open(path);
        List<RtpTrack> tracks;
        try {
            tracks = PayloadFormats.forTracks(presentation.tracks());
        } catch (IllegalArgumentException e) {
            throw new MediaException(Reason.UNSUPPORTED, e.getMessage(), e);
        }
        if (tracks.isEmpty()) {
            throw new MediaException(Reason.UNSUPPORTED, "no tracks");
        }
        return new PlaylistItem(path, tracks, presentation.openReader());
    }

    String path() {
        return path;
    }

    List<RtpTrack> tracks() {
        return tracks;
    }

    /** @return the broadcast track index of a sample's track, or -1 for a track the item did not describe */
    int index(MediaSample sample) {
        return indexById.getOrDefault(sample.trackId(), -1);
    }

    /** @return the next sample in decoding order, or null at the end */
    MediaSample next() throws MediaException {
        return reader.next();
    }

    @Override
    public void close() {
        reader.close();
    }
}
