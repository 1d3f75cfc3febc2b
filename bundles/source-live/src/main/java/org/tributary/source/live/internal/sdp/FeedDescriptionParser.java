package org.tributary.source.live.internal.sdp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.source.live.internal.AnnounceParser;
import org.tributary.source.live.internal.AnnouncedSdp;
import org.tributary.source.live.internal.AnnouncedTrack;

/**
 * Reads an SDP file that describes an RTP/UDP feed. The file is first checked as strictly as an
 * announcement ({@link AnnounceParser}, without the need for {@code a=control}); then the transport
 * is taken from it: each {@code m=} line's port, RTCP on the next port or {@code a=rtcp}, the
 * connection address (a media-level {@code c=} over the session-level one), and the senders of
 * {@code a=source-filter: incl}. A unicast address must be one of this host's; a multicast group
 * is joined later. Messages name the file and, where there is one, the line.
 */
final class FeedDescriptionParser {

    private static final Pattern MEDIA = Pattern.compile("m=\\S+ (\\d{1,5})(?:/(\\d{1,3}))? .*");
    private static final Pattern CONNECTION = Pattern.compile(
            "c=IN (IP4|IP6) ([^/ ]+)(?:/(\\d{1,3}))?(?:/(\\d{1,3}))?");
    private static final Pattern RTCP = Pattern.compile("a=rtcp:(\\d{1,5})(?: IN (IP4|IP6) (\\S+))?");
    private static final Pattern SOURCE_FILTER = Pattern.compile(
            "a=source-filter: ?(incl|excl) IN (IP4|IP6|\\*) (\\S+)((?: \\S+)+)");

    private final String file;
    private final List<TrackEndpoint> endpoints = new ArrayList<>();
    private final Set<InetAddress> sources = new LinkedHashSet<>();
    private final Set<Integer> ports = new HashSet<>();
    private InetAddress sessionAddress;
    private InetAddress mediaAddress;
    private int mediaLine;
    private int rtpPort;
    private int rtcpPort;

    private FeedDescriptionParser(String file) {
        this.file = file;
    }

    /**
     * @param file      the file's name, for messages
     * @param text      the file's content; untrusted
     * @param maxBytes  largest accepted size in UTF-8 bytes
     * @param maxTracks largest accepted number of media sections
     * @return the feed
     * @throws MediaException INVALID naming the file and the problem
     */
    static FeedDescription parse(String file, String text, int maxBytes, int maxTracks) throws MediaException {
        AnnouncedSdp checked;
        try {
            checked = AnnounceParser.parse(text, maxBytes, maxTracks, false);
        } catch (MediaException e) {
            throw new MediaException(Reason.INVALID, "SDP file " + file + ": " + e.getMessage(), e);
        }
        return new FeedDescriptionParser(file).run(text, checked);
    }

    private FeedDescription run(String text, AnnouncedSdp checked) throws MediaException {
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            line(i + 1, lines[i]);
        }
        closeSection();
        List<AnnouncedTrack> tracks = new ArrayList<>();
        for (AnnouncedTrack track : checked.tracks()) {
            List<String> kept = track.mediaLines().stream()
                    .filter(l -> !l.startsWith("a=rtcp:") && !l.startsWith("a=source-filter:")).toList();
            tracks.add(new AnnouncedTrack(track.kind(), track.control(), track.encodings(), kept));
        }
        return new FeedDescription(new AnnouncedSdp(tracks), endpoints, sources);
    }

    private void line(int number, String line) throws MediaException {
        if (line.startsWith("m=")) {
            closeSection();
            startSection(number, line);
        } else if (line.startsWith("c=")) {
            InetAddress address = connection(number, line);
            if (mediaLine == 0) {
                sessionAddress = address;
            } else {
                mediaAddress = address;
            }
        } else if (line.startsWith("a=rtcp:") && mediaLine > 0) {
            rtcp(number, line);
        } else if (line.startsWith("a=source-filter:")) {
            sourceFilter(number, line);
        }
    }

    private void startSection(int number, String line) throws MediaException {
        Matcher m = MEDIA.matcher(line);
        if (!m.matches()) {
            throw invalid(number, "is not an m= line with a port");
        }
        if (m.group(2) != null && !m.group(2).equals("1")) {
            throw invalid(number, "asks for " + m.group(2) + " ports (layered media are not supported)");
        }
        mediaLine = number;
        rtpPort = port(number, m.group(1));
        rtcpPort = rtpPort + 1;
        mediaAddress = null;
    }

    private void closeSection() throws MediaException {
        if (mediaLine == 0) {
            return;
        }
        InetAddress address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (address == null) {
            throw invalid(mediaLine, "starts a media section without a c= line, and there is no session-level c=");
        }
        if (!address.isMulticastAddress() && !LiteralAddresses.isLocal(address)) {
            throw invalid(mediaLine, "receives at " + address.getHostAddress()
                    + ", which is neither a multicast group nor an address of this host");
        }
        if (rtcpPort > 65535) {
            throw invalid(mediaLine, "has port 65535, which leaves no port for RTCP");
        }
        for (int port : new int[] {rtpPort, rtcpPort}) {
            if (!ports.add(port)) {
                throw invalid(mediaLine, "uses port " + port + " a second time in the file");
            }
        }
        endpoints.add(new TrackEndpoint(endpoints.size(), address, rtpPort, rtcpPort));
        mediaLine = 0;
    }

    private InetAddress connection(int number, String line) throws MediaException {
        Matcher m = CONNECTION.matcher(line);
        if (!m.matches()) {
            throw invalid(number, "is not 'c=IN IP4|IP6 ADDRESS[/TTL][/COUNT]'");
        }
        InetAddress address = literal(number, m.group(1), m.group(2));
        // IPv4 multicast carries a TTL before the count; IPv6 only a count
        String count = m.group(1).equals("IP4") ? m.group(4) : m.group(3);
        if (m.group(1).equals("IP6") && m.group(4) != null || count != null && !count.equals("1")) {
            throw invalid(number, "names several addresses, which a feed does not support");
        }
        return address;
    }

    private void rtcp(int number, String line) throws MediaException {
        Matcher m = RTCP.matcher(line);
        if (!m.matches()) {
            throw invalid(number, "is not 'a=rtcp:PORT [IN IP4|IP6 ADDRESS]'");
        }
        rtcpPort = port(number, m.group(1));
        InetAddress address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (m.group(3) != null && !literal(number, m.group(2), m.group(3)).equals(address)) {
            throw invalid(number, "sends RTCP to another address than RTP, which a feed does not support");
        }
    }

    private void sourceFilter(int number, String line) throws MediaException {
        Matcher m = SOURCE_FILTER.matcher(line);
        if (!m.matches()) {
            throw invalid(number, "is not 'a=source-filter: incl IN IP4|IP6 DESTINATION SOURCE...'");
        }
        if (m.group(1).equals("excl")) {
            throw invalid(number, "excludes senders; only 'incl' source filters are supported");
        }
        for (String source : m.group(4).trim().split(" ")) {
            String type = m.group(2).equals("*") ? (source.contains(":") ? "IP6" : "IP4") : m.group(2);
            sources.add(literal(number, type, source));
        }
    }

    private InetAddress literal(int number, String type, String text) throws MediaException {
        InetAddress address = LiteralAddresses.parse(type, text);
        if (address == null) {
            throw invalid(number, "has '" + text + "', not a numeric " + type + " address");
        }
        return address;
    }

    private int port(int number, String digits) throws MediaException {
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw invalid(number, "has port " + port + ", outside 1-65535");
        }
        return port;
    }

    private MediaException invalid(int number, String problem) {
        return new MediaException(Reason.INVALID, "SDP file " + file + ": line " + number + " " + problem);
    }
}
