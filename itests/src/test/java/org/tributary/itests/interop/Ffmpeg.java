package org.tributary.itests.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;

/** The ffmpeg and ffprobe command lines the interop tests share (see INTEROP.md). */
final class Ffmpeg {

    /** A 10 s movie played in real time, with room for a slow machine. */
    static final Duration PLAY_TIMEOUT = Duration.ofSeconds(60);

    private Ffmpeg() {
    }

    /**
     * Copies every stream of {@code input} (a URL or a file) into a framecrc listing on stdout:
     * {@code ffmpeg -nostdin -v warning [inputOptions] -i input -map 0 -c copy -f framecrc -}.
     */
    static ProcessResult framecrc(String input, String... inputOptions) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "warning"));
        command.addAll(Arrays.asList(inputOptions));
        command.addAll(List.of("-i", input, "-map", "0", "-c", "copy", "-f", "framecrc", "-"));
        return ExternalCommand.of(command).timeout(PLAY_TIMEOUT).run();
    }

    /** Plays {@code url} over the given RTSP transport, with extra input options, into a framecrc listing. */
    static ProcessResult playToFramecrc(String url, String transport, String... inputOptions) {
        List<String> options = new ArrayList<>(List.of("-rtsp_transport", transport));
        options.addAll(Arrays.asList(inputOptions));
        return framecrc(url, options.toArray(String[]::new));
    }

    /** Lists codec and type of every stream: {@code ffprobe … -of csv=p=0 URL}. */
    static ProcessResult probeStreams(String url, String transport) {
        return ExternalCommand.of("ffprobe", "-v", "error", "-rtsp_transport", transport,
                "-show_entries", "stream=codec_name,codec_type", "-of", "csv=p=0", url)
                .timeout(Duration.ofSeconds(30)).run();
    }

    /** Returns the stderr lines that report an error or RTP loss ("RTP: missed N packets"). */
    static List<String> problemLines(ProcessResult result) {
        return result.stderrLines().stream()
                .filter(line -> {
                    String lower = line.toLowerCase(Locale.ROOT);
                    return lower.contains("error") || lower.contains("missed");
                })
                .toList();
    }
}
