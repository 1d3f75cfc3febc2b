package org.tributary.itests.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;

/**
 * A short movie or song of one codec mix that {@link CodecsInteropIT} makes with ffmpeg (or, for
 * AMR-NB, which Debian's ffmpeg cannot encode, GStreamer) at test time (3 s, small) instead of
 * committing it.
 *
 * @param file        the file name in the media folder
 * @param probeLines  what {@code ffprobe -show_entries stream=codec_name,codec_type -of csv=p=0} prints
 * @param command     the command that makes it, with {@value #OUTPUT} for the output file
 * @param aacPriming  true when its second track is AAC: ffmpeg decoding the file drops the priming
 *                    frame that the edit list cuts, while an RTSP client decodes it too
 * @param videoFrameBytes  bytes of one decoded I420 picture, 0 when there is no video track
 * @param audioFrameSamples samples (per channel) one audio packet decodes to
 */
record CodecSample(String file, List<String> probeLines, List<String> command, boolean aacPriming,
                   int videoFrameBytes, int audioFrameSamples) {

    private static final String VIDEO = "testsrc2=size=320x180:rate=25:duration=3";
    private static final int SMALL_PICTURE = 320 * 180 * 3 / 2;
    private static final int SAMPLE_MP4_PICTURE = 640 * 360 * 3 / 2;

    /** Stands in a command for the path of the distribution's sample.mp4. */
    private static final String SAMPLE_MP4 = "{sample.mp4}";
    /** Stands in a command for the file it makes. */
    private static final String OUTPUT = "{output}";
    private static final int QCIF_PICTURE = 176 * 144 * 3 / 2;

    /** The files of issue 5 item 4: H.265, a plain MP3, MP3 and Opus in MP4, phones' 3GP files. */
    static final List<CodecSample> ALL = List.of(
            new CodecSample("h265.mp4", List.of("hevc,video", "aac,audio"), ffmpeg("-f", "lavfi", "-i", VIDEO,
                    "-f", "lavfi", "-i", sine(48_000), "-c:v", "libx265", "-x265-params",
                    "log-level=error:keyint=25", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-b:a", "64k", "-ac", "2", "-shortest", "-movflags", "+faststart"), true, SMALL_PICTURE, 1024),
            new CodecSample("tone.mp3", List.of("mp3,audio"), ffmpeg("-f", "lavfi", "-i", sine(44_100),
                    "-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k", "-metadata", "title=Tone"), false, 0, 1152),
            new CodecSample("mp3-in.mp4", List.of("mp3,audio"), ffmpeg("-f", "lavfi", "-i", sine(44_100),
                    "-ac", "2", "-c:a", "libmp3lame", "-b:a", "96k", "-movflags", "+faststart"), false, 0, 1152),
            new CodecSample("opus-in.mp4", List.of("opus,audio"), ffmpeg("-f", "lavfi", "-i", sine(48_000),
                    "-ac", "2", "-c:a", "libopus", "-b:a", "64k", "-movflags", "+faststart"), false, 0, 960),
            new CodecSample("phone.3gp", List.of("h264,video", "aac,audio"), ffmpeg("-i", SAMPLE_MP4,
                    "-t", "3", "-c", "copy", "-f", "3gp"), true, SAMPLE_MP4_PICTURE, 1024),
            new CodecSample("h263-amr.3gp", List.of("h263,video", "amr_nb,audio"), List.of("gst-launch-1.0", "-q",
                    "videotestsrc", "num-buffers=45", "pattern=ball", "!",
                    "video/x-raw,width=176,height=144,framerate=15/1", "!", "avenc_h263", "bitrate=128000",
                    "gop-size=15", "!", "3gppmux", "name=m", "!", "filesink", "location=" + OUTPUT,
                    "audiotestsrc", "num-buffers=150", "samplesperbuffer=160", "!",
                    "audio/x-raw,rate=8000,channels=1", "!", "amrnbenc", "!", "m."), false, QCIF_PICTURE, 160));

    private static List<String> ffmpeg(String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(args));
        command.add(OUTPUT);
        return command;
    }

    private static String sine(int rate) {
        return "sine=frequency=440:sample_rate=" + rate + ":duration=3";
    }

    /** @return how many tracks the file has */
    int tracks() {
        return probeLines.size();
    }

    /** @return the sample made into that file */
    static CodecSample named(String file) {
        return ALL.stream().filter(sample -> sample.file().equals(file)).findFirst().orElseThrow();
    }

    /**
     * Makes the file in {@code folder} unless it is there already, and returns its path.
     *
     * @param sampleMp4 the distribution's sample movie, which the 3GP file is cut from
     */
    Path makeIn(Path folder, Path sampleMp4) {
        Path target = folder.resolve(file);
        if (Files.isRegularFile(target)) {
            return target;
        }
        List<String> filled = command.stream()
                .map(arg -> arg.replace(SAMPLE_MP4, sampleMp4.toString()).replace(OUTPUT, target.toString()))
                .toList();
        ProcessResult made = ExternalCommand.of(filled).run();
        if (made.exitCode() != 0 || !Files.isRegularFile(target)) {
            throw new IllegalStateException("could not make " + file + made.describe());
        }
        return target;
    }
}
