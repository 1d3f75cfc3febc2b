package org.tributary.source.file.internal.mp4;

import java.nio.file.Path;
import java.util.List;

import org.tributary.api.TrackInfo;

/**
 * The parsed, immutable index of one movie file: its playable tracks and their sample tables.
 * One index is shared by every presentation and reader of the same file version.
 */
public final class MovieIndex {

    private final Path file;
    private final long fileSize;
    private final List<MovieTrack> tracks;
    private final List<TrackInfo> trackInfos;
    private final double duration;

    MovieIndex(Path file, long fileSize, List<MovieTrack> tracks) {
        this.file = file;
        this.fileSize = fileSize;
        this.tracks = List.copyOf(tracks);
        this.trackInfos = tracks.stream().map(MovieTrack::info).toList();
        this.duration = tracks.stream().mapToDouble(MovieTrack::durationSeconds).max().orElse(0);
    }

    /** @return the file the index describes */
    public Path file() {
        return file;
    }

    /** @return the file size the index was built from */
    public long fileSize() {
        return fileSize;
    }

    /** @return the playable tracks, with ids 1..n */
    public List<TrackInfo> trackInfos() {
        return trackInfos;
    }

    /** @return the length of the longest track, in seconds */
    public double duration() {
        return duration;
    }

    List<MovieTrack> tracks() {
        return tracks;
    }
}
