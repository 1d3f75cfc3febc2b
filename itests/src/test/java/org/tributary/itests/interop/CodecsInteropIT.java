package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Issue 5 item 4, played by real clients: an H.265 movie, a plain MP3 file, MP3 and Opus tracks in
 * MP4 and a 3GP file as phones record it, each made with ffmpeg at test time and copied into the
 * running server's media folder. For each, ffprobe names the codecs from the SDP, ffmpeg receives
 * exactly the packets the file holds over UDP and decodes every frame over TCP without an error,
 * and GStreamer (rtspsrc ! decodebin) decodes every picture and the audio to the end of the stream.
 */
@RunWith(Parameterized.class)
public class CodecsInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    private static final Path MADE = Paths.get("target", "codecs-media");
    private static final int STEREO_S16 = 4;

    @Parameters(name = "{0}")
    public static List<Object[]> files() {
        return CodecSample.ALL.stream().map(sample -> new Object[] {sample.file()}).toList();
    }

    private final CodecSample sample;

    public CodecsInteropIT(String file) {
        this.sample = CodecSample.named(file);
    }

    @BeforeClass
    public static void makeTheFiles() throws IOException {
        Tools.require("ffmpeg", "ffprobe", "gst-launch-1.0");
        Files.createDirectories(MADE);
        Path sampleMp4 = SERVER.mediaDir().resolve("sample.mp4");
        for (CodecSample sample : CodecSample.ALL) {
            Files.copy(sample.makeIn(MADE, sampleMp4), SERVER.mediaDir().resolve(sample.file()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    public void ffprobeNamesTheCodecsFromTheSdp() {
        ProcessResult probe = Ffmpeg.probeStreams(SERVER.url(sample.file()), "tcp");

        assertEquals("ffprobe exit code" + probe.describe(), 0, probe.exitCode());
        assertEquals("streams" + probe.describe(), sample.probeLines(), probe.stdoutLines());
    }

    @Test
    public void ffmpegReceivesEveryPacketOverUdp() {
        PlaybackAssertions.assertPlaysEveryPacket(SERVER, sample.file(), "udp");
    }

    @Test
    public void ffmpegDecodesEveryFrameOverTcpWithoutErrors() {
        Path file = SERVER.mediaDir().resolve(sample.file());
        PacketCounts local = PacketCounts.ofFramecrc(decodeToFramecrc(file.toString()).stdout());
        PacketCounts expected = new PacketCounts(local.video(), local.audio() + (sample.aacPriming() ? 1 : 0));

        ProcessResult play = decodeToFramecrc(SERVER.url(sample.file()), "-rtsp_transport", "tcp");

        assertEquals("ffmpeg exit code" + play.describe(), 0, play.exitCode());
        assertEquals("decoder errors" + play.describe(), "", play.stderr().strip());
        assertEquals("decoded frames per stream" + play.describe(), expected, PacketCounts.ofFramecrc(play.stdout()));
    }

    /**
     * Every picture arrives decoded. GStreamer clips the audio its jitter buffer stamps before the
     * segment start (the priming or pre-skip frame, by an amount that depends on arrival timing),
     * so up to two audio frames may be missing, never one too many.
     */
    @Test
    public void gstreamerDecodesEveryTrackToTheEnd() throws IOException {
        PacketCounts packets = PlaybackAssertions.countsOfFile(SERVER.mediaDir().resolve(sample.file()));
        boolean video = sample.videoFrameBytes() > 0;
        long audioFrames = video ? packets.audio() : packets.video();
        Path pictures = MADE.resolve(sample.file() + ".i420").toAbsolutePath();
        Path sound = MADE.resolve(sample.file() + ".s16").toAbsolutePath();
        Files.deleteIfExists(pictures);

        ProcessResult play = ExternalCommand.of(Gstreamer.decodeToFilesCommand(SERVER.url(sample.file()), "tcp",
                video ? pictures : null, sound)).timeout(Duration.ofSeconds(60)).run();

        assertTrue("no end-of-stream, or an error" + play.describe(), Gstreamer.reachedEndOfStream(play));
        if (video) {
            assertEquals("decoded pictures" + play.describe(), packets.video() * sample.videoFrameBytes(),
                    Files.size(pictures));
        }
        long samples = Files.size(sound) / STEREO_S16;
        long all = audioFrames * sample.audioFrameSamples();
        assertTrue("decoded audio samples: " + samples + ", all " + audioFrames + " frames make " + all
                + play.describe(), samples <= all && samples >= all - 2L * sample.audioFrameSamples());
    }

    /** Decodes every stream of {@code input} into a framecrc listing of the decoded frames. */
    private static ProcessResult decodeToFramecrc(String input, String... inputOptions) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error"));
        command.addAll(List.of(inputOptions));
        command.addAll(List.of("-i", input, "-map", "0", "-f", "framecrc", "-"));
        return ExternalCommand.of(command).timeout(Ffmpeg.PLAY_TIMEOUT).run();
    }
}
