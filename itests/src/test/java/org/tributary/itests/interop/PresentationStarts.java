package org.tributary.itests.interop;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When video and audio start to be shown, read from a framecrc listing: per stream, the smallest
 * presentation time among its first packets, in seconds. The first packet of each stream is left
 * out because ffmpeg leaves the presentation time of an RTSP stream's very first H.264 picture
 * unset; skipping it on both sides keeps a file and a stream comparable.
 *
 * @param video first presentation time of stream 0, in seconds
 * @param audio first presentation time of stream 1, in seconds
 */
record PresentationStarts(double video, double audio) {

    private static final Pattern TIME_BASE = Pattern.compile("#tb (\\d+): (\\d+)/(\\d+)");
    private static final int PACKETS = 50;

    /** @return how much later video starts than audio, in seconds */
    double videoAfterAudio() {
        return video - audio;
    }

    static PresentationStarts ofFramecrc(String listing) {
        Map<Integer, Double> timeBase = new HashMap<>();
        Map<Integer, Integer> seen = new HashMap<>();
        Map<Integer, Double> start = new HashMap<>();
        for (String line : listing.lines().toList()) {
            Matcher tb = TIME_BASE.matcher(line);
            if (tb.matches()) {
                timeBase.put(Integer.parseInt(tb.group(1)),
                        Double.parseDouble(tb.group(2)) / Double.parseDouble(tb.group(3)));
                continue;
            }
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            int stream = Integer.parseInt(fields[0].trim());
            long pts = Long.parseLong(fields[2].trim());
            int count = seen.merge(stream, 1, Integer::sum);
            if (count == 1 || count > PACKETS || pts == Long.MIN_VALUE || !timeBase.containsKey(stream)) {
                continue;
            }
            start.merge(stream, pts * timeBase.get(stream), Math::min);
        }
        if (!start.containsKey(0) || !start.containsKey(1)) {
            throw new AssertionError("no video or no audio presentation times in:\n" + listing);
        }
        return new PresentationStarts(start.get(0), start.get(1));
    }
}
