package org.tributary.itests.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;

/**
 * The gst-launch-1.0 command line the interop tests share: rtspsrc (with {@code user-id} and
 * {@code user-pw} when logged in), depayloading and decoding both tracks of the sample into fakesinks.
 */
final class Gstreamer {

    private static final String VIDEO_SINK = "video";
    /** How gst-launch prints an error message of the pipeline, followed by the element's path. */
    private static final String ERROR_FROM = "ERROR: from element ";
    /** gst-launch's exit code after an error message. */
    private static final int GST_LAUNCH_FAILED = 1;
    /** The type name of rtspsrc in an element's path. */
    private static final String RTSPSRC = "GstRTSPSrc:";

    private Gstreamer() {
    }

    /**
     * Plays {@code url} over {@code protocol} (udp or tcp) logged in as {@code login}; success is
     * exit 0 with "Got EOS from element".
     */
    static ProcessResult play(String url, String protocol, Login login) {
        return ExternalCommand.of(command(url, protocol, "user-id=" + login.user(), "user-pw=" + login.password()))
                .timeout(Duration.ofSeconds(60)).run();
    }

    /**
     * Returns the command line that plays and decodes both tracks of {@code url} over
     * {@code protocol} (udp or tcp), with extra rtspsrc properties such as {@code user-id=bob}.
     */
    static List<String> command(String url, String protocol, String... sourceProperties) {
        return pipeline(List.of("gst-launch-1.0"), url, protocol, List.of(sourceProperties), List.of("fakesink"));
    }

    /**
     * Returns the command line of {@link #command} that also prints a line for every decoded picture
     * ({@code -v} and a verbose video sink), for {@link #decodedPictures}; extra rtspsrc properties
     * (such as {@code tls-validation-flags=0}) may follow.
     */
    static List<String> countingCommand(String url, String protocol, String... sourceProperties) {
        return pipeline(List.of("gst-launch-1.0", "-v"), url, protocol, List.of(sourceProperties),
                List.of("fakesink", "name=" + VIDEO_SINK, "silent=false"));
    }

    /** Returns how many pictures the video sink of a {@link #countingCommand} run received. */
    static long decodedPictures(ProcessResult play) {
        return play.stdoutLines().stream()
                .filter(line -> line.contains("last-message = chain") && line.contains("(" + VIDEO_SINK + ":sink)"))
                .count();
    }

    private static List<String> pipeline(List<String> launch, String url, String protocol,
                                         List<String> sourceProperties, List<String> videoSink) {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("rtspsrc", "location=" + url, "protocols=" + protocol));
        command.addAll(sourceProperties);
        command.addAll(List.of("name=s", "s.", "!", "queue", "!", "rtph264depay", "!", "h264parse", "!",
                "avdec_h264", "!"));
        command.addAll(videoSink);
        command.addAll(List.of("s.", "!", "queue", "!", "rtpmp4gdepay", "!", "aacparse", "!",
                "avdec_aac", "!", "fakesink"));
        return command;
    }

    /**
     * Returns the command line that plays {@code url} over {@code protocol} and decodes its tracks
     * with {@code decodebin} into raw files whose sizes count what was decoded: video as I420 into
     * {@code video} (null when there is no video track), audio as stereo 16-bit samples into
     * {@code audio}. Each branch takes the RTP stream of its media type, whatever order rtspsrc
     * adds them in, through a capsfilter element of its own: rtspsrc adds its pads from two
     * streaming threads, at the same moment when the first packets of both tracks arrive together,
     * and gst-launch then tries both delayed links from both threads. A caps filter written on the
     * link itself ({@code s. ! application/x-rtp,media=video ! queue}) is a capsfilter that each
     * attempt adds, links and removes again when a step fails, and two attempts at once were seen
     * to both fail (GStreamer 1.22): the branch stays unlinked, its sink never prerolls and the
     * pipeline waits without writing anything or ending. A plain link to an element that is there
     * already is a single pad link, which one attempt wins.
     */
    static List<String> decodeToFilesCommand(String url, String protocol, Path video, Path audio) {
        List<String> command = new ArrayList<>(List.of("gst-launch-1.0", "rtspsrc", "location=" + url,
                "protocols=" + protocol, "name=s"));
        if (video != null) {
            command.addAll(List.of("s.", "!", "capsfilter", "caps=application/x-rtp,media=video", "!", "queue", "!",
                    "decodebin", "!", "videoconvert", "!", "video/x-raw,format=I420", "!", "filesink",
                    "location=" + video));
        }
        command.addAll(List.of("s.", "!", "capsfilter", "caps=application/x-rtp,media=audio", "!", "queue", "!",
                "decodebin", "!", "audioconvert", "!", "audio/x-raw,format=S16LE,channels=2", "!", "filesink",
                "location=" + audio));
        return command;
    }

    /**
     * Returns true when the run reached end-of-stream: gst-launch prints "Got EOS" once every sink got it, and
     * stops at the first error, so no error came before it. What rtspsrc reports while gst-launch then shuts the
     * pipeline down does not undo that: setting it to NULL makes rtspsrc send PAUSE (PLAYING to PAUSED) and at
     * once start its TEARDOWN (PAUSED to READY), whose flush of the connection can cut the PAUSE request being
     * written ("Could not send message. (Received end-of-file)", GStreamer 1.22), with the server still answering
     * the TEARDOWN on that connection. Any other error, or none of the end, fails.
     */
    static boolean reachedEndOfStream(ProcessResult play) {
        return !play.timedOut() && (play.exitCode() == 0 || play.exitCode() == GST_LAUNCH_FAILED)
                && play.stdout().contains("Got EOS from element")
                && Stream.concat(play.stdoutLines().stream(), play.stderrLines().stream())
                        .filter(line -> line.contains("ERROR"))
                        .allMatch(line -> line.startsWith(ERROR_FROM) && line.contains(RTSPSRC));
    }
}
