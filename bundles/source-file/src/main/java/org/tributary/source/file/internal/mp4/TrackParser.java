package org.tributary.source.file.internal.mp4;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaKind;
import org.tributary.api.TrackInfo;

/**
 * Reads one {@code trak} box into a {@link MovieTrack}, or skips it (returns null) when it is not
 * a video or sound track (hint, timecode, text...), its codec is not supported or it has no samples.
 * The track's times are those of its edit list's presentation timeline.
 */
final class TrackParser {

    private static final Logger LOG = LoggerFactory.getLogger(TrackParser.class);

    private TrackParser() {
    }

    /**
     * @param trak           the track box
     * @param fileSize       size of the file, to check sample positions
     * @param id             the id to give the track if it is playable
     * @param movieTimescale the {@code mvhd} timescale, in which edit durations count; 0 when unknown
     * @return the track, or null when it is skipped
     */
    static MovieTrack parse(Box trak, long fileSize, int id, long movieTimescale) throws Mp4FormatException {
        Box mdia = trak.require("mdia");
        MediaKind kind = kind(mdia.require("hdlr"));
        if (kind == null) {
            return null;
        }
        TimeHeader mdhd = TimeHeader.parse(mdia.require("mdhd"));
        long timescale = mdhd.timescale();
        if (timescale == 0 || timescale > Integer.MAX_VALUE) {
            throw new Mp4FormatException("'mdhd' timescale " + timescale + " is out of range");
        }
        Box stbl = mdia.require("minf").require("stbl");
        SampleFormat format = SampleEntryParser.parse(stbl.require("stsd"), kind);
        if (format == null) {
            return null;
        }
        SampleTable samples = SampleTableParser.parse(stbl, fileSize);
        if (samples == null) {
            LOG.debug("Skipping a {} track without samples", format.codec());
            return null;
        }
        long mediaEnd = samples.endTime();
        // the bit rate counts every stored byte, so it uses the media's length, edits aside
        double mediaSeconds = (mdhd.duration() != 0 ? mdhd.duration() : mediaEnd) / (double) timescale;
        long bitrate = mediaSeconds > 0 ? Math.round(samples.totalBytes() * 8 / mediaSeconds) : 0;
        EditList edits = EditList.parse(trak.child("edts"), movieTimescale, timescale, mediaEnd, id);
        TrackInfo info = new TrackInfo(id, kind, format.codec(), (int) timescale, format.sampleRate(),
                format.channels(), format.width(), format.height(), bitrate, format.config());
        return new MovieTrack(info, samples.shifted(edits.timeShift()), format.nalLengthSize(),
                edits.presentedSeconds(mediaSeconds, timescale));
    }

    private static MediaKind kind(Box hdlr) throws Mp4FormatException {
        BoxReader in = hdlr.reader();
        in.fullBoxVersion();
        in.skip(4);
        String handler = Box.fourCc(in.i32());
        switch (handler) {
            case "vide":
                return MediaKind.VIDEO;
            case "soun":
                return MediaKind.AUDIO;
            default:
                LOG.debug("Skipping a track with handler '{}'", handler);
                return null;
        }
    }
}
