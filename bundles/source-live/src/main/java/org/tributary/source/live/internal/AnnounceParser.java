package org.tributary.source.live.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * Parses the SDP of an ANNOUNCE strictly (RFC 8866 syntax, RTP/AVP media only).
 *
 * <p>Rules: at most {@code maxBytes} UTF-8 bytes and {@code maxTracks} media sections; no control
 * characters but CR and LF; {@code v=0} first; every line {@code x=value}; at least one {@code m=} line
 * {@code audio|video|application PORT RTP/AVP PT...}; every dynamic payload type has an
 * {@code a=rtpmap}, every rtpmap names a payload type of its section; at most one {@code a=control}
 * per section, and one per section when there are several. Inside a section {@code c=} (viewers get
 * the server's address) and {@code a=ssrc}/{@code a=ssrc-group} (the server rewrites SSRCs) are
 * dropped, {@code a=control} is recorded, everything else is kept verbatim, so unknown codecs pass
 * through with their rtpmap and fmtp.
 */
public final class AnnounceParser {

    private static final Pattern MEDIA = Pattern.compile(
            "m=(audio|video|application) (\\d{1,5})(?:/\\d{1,3})? RTP/AVP((?: \\d{1,3})+)");
    private static final Pattern RTPMAP = Pattern.compile(
            "a=rtpmap:(\\d{1,3}) ([A-Za-z0-9._-]{1,32})/(\\d{1,9})(?:/\\d{1,3})?");
    private static final int MAX_CONTROL_LENGTH = 1024;

    private final int maxBytes;
    private final int maxTracks;
    private final boolean controlPerTrack;
    private final List<AnnouncedTrack> tracks = new ArrayList<>();
    private Section section;

    private AnnounceParser(int maxBytes, int maxTracks, boolean controlPerTrack) {
        this.maxBytes = maxBytes;
        this.maxTracks = maxTracks;
        this.controlPerTrack = controlPerTrack;
    }

    /**
     * @param sdp       the announced description; untrusted
     * @param maxBytes  largest accepted size in UTF-8 bytes
     * @param maxTracks largest accepted number of media sections
     * @return the checked description
     * @throws MediaException INVALID naming the first problem and its line number
     */
    static AnnouncedSdp parse(String sdp, int maxBytes, int maxTracks) throws MediaException {
        return parse(sdp, maxBytes, maxTracks, true);
    }

    /**
     * Parses with the same rules, except that {@code controlPerTrack == false} lets several media
     * sections go without {@code a=control}: an SDP file describing a UDP feed has no RTSP controls.
     *
     * @param sdp             the description; untrusted
     * @param maxBytes        largest accepted size in UTF-8 bytes
     * @param maxTracks       largest accepted number of media sections
     * @param controlPerTrack whether several media sections each need an {@code a=control}
     * @return the checked description
     * @throws MediaException INVALID naming the first problem and its line number
     */
    public static AnnouncedSdp parse(String sdp, int maxBytes, int maxTracks, boolean controlPerTrack)
            throws MediaException {
        return new AnnounceParser(maxBytes, maxTracks, controlPerTrack).run(sdp);
    }

    private AnnouncedSdp run(String sdp) throws MediaException {
        if (sdp == null || sdp.isEmpty()) {
            throw new MediaException(Reason.INVALID, "the announcement has no SDP");
        }
        // chars never outnumber UTF-8 bytes, so the cheap test comes first
        if (sdp.length() > maxBytes || sdp.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new MediaException(Reason.INVALID, "SDP larger than " + maxBytes + " bytes");
        }
        String[] lines = sdp.split("\r?\n", -1);
        int count = lines.length;
        while (count > 1 && lines[count - 1].isEmpty()) {
            count--;
        }
        for (int i = 0; i < count; i++) {
            line(i + 1, lines[i]);
        }
        closeSection(count);
        if (tracks.isEmpty()) {
            throw new MediaException(Reason.INVALID, "SDP has no m= line");
        }
        if (controlPerTrack && tracks.size() > 1 && tracks.stream().anyMatch(t -> t.control().isEmpty())) {
            throw new MediaException(Reason.INVALID, "SDP has several media sections but not an a=control in each");
        }
        return new AnnouncedSdp(tracks);
    }

    private void line(int number, String line) throws MediaException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
                throw invalid(number, "holds a control character or invalid UTF-8 at column " + (i + 1));
            }
        }
        if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
            throw invalid(number, "is not of the form x=value");
        }
        if (number == 1) {
            if (!line.equals("v=0")) {
                throw invalid(number, "must be v=0");
            }
            return;
        }
        if (line.startsWith("m=")) {
            closeSection(number);
            startSection(number, line);
        } else if (section != null) {
            sectionLine(number, line);
        } else if (line.startsWith("v=")) {
            throw invalid(number, "repeats v=");
        }
    }

    private void startSection(int number, String line) throws MediaException {
        if (tracks.size() == maxTracks) {
            throw invalid(number, "starts media section " + (maxTracks + 1) + ", more than the " + maxTracks
                    + " allowed");
        }
        Matcher m = MEDIA.matcher(line);
        if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
            throw invalid(number, "is not 'm=audio|video|application PORT RTP/AVP PT...'");
        }
        Map<Integer, String> encodings = new LinkedHashMap<>();
        for (String pt : m.group(3).trim().split(" ")) {
            int type = Integer.parseInt(pt);
            if (type > 127 || encodings.put(type, "") != null) {
                throw invalid(number, "has a payload type above 127 or twice: " + type);
            }
        }
        section = new Section(number, m.group(1), encodings);
        section.lines.add("m=" + m.group(1) + " 0 RTP/AVP" + m.group(3));
    }

    private void sectionLine(int number, String line) throws MediaException {
        if (line.startsWith("a=control:")) {
            String control = line.substring("a=control:".length());
            if (control.isEmpty() || control.length() > MAX_CONTROL_LENGTH || section.control != null) {
                throw invalid(number, "is an empty, overlong or second a=control");
            }
            section.control = control;
        } else if (line.startsWith("a=rtpmap:")) {
            Matcher m = RTPMAP.matcher(line);
            if (!m.matches() || !section.encodings.containsKey(Integer.parseInt(m.group(1)))) {
                throw invalid(number, "is not 'a=rtpmap:PT NAME/CLOCK' for a payload type of its m= line");
            }
            section.encodings.put(Integer.parseInt(m.group(1)), m.group(2).toUpperCase(Locale.ROOT));
            section.lines.add(line);
        } else if (line.startsWith("v=")) {
            throw invalid(number, "repeats v=");
        } else if (!line.startsWith("c=") && !line.startsWith("a=ssrc:") && !line.startsWith("a=ssrc-group:")) {
            section.lines.add(line);
        }
    }

    private void closeSection(int number) throws MediaException {
        if (section == null) {
            return;
        }
        for (Map.Entry<Integer, String> pt : section.encodings.entrySet()) {
            if (pt.getKey() >= 96 && pt.getValue().isEmpty()) {
                throw invalid(section.firstLine, "announces dynamic payload type " + pt.getKey()
                        + " without an a=rtpmap in lines " + section.firstLine + " to " + number);
            }
        }
        String control = section.control == null ? "" : section.control;
        tracks.add(new AnnouncedTrack(section.kind, control, section.encodings, section.lines));
        section = null;
    }

    private static MediaException invalid(int number, String problem) {
        return new MediaException(Reason.INVALID, "SDP line " + number + " " + problem);
    }

    /** The media section being read. */
    private static final class Section {
        final int firstLine;
        final String kind;
        final Map<Integer, String> encodings;
        final List<String> lines = new ArrayList<>();
        String control;

        Section(int firstLine, String kind, Map<Integer, String> encodings) {
            this.firstLine = firstLine;
            this.kind = kind;
            this.encodings = new LinkedHashMap<>(encodings);
        }
    }
}
