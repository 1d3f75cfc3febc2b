package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * ffplay, the player the README names, plays the samples to the end over UDP and TCP and seeks
 * with {@code -ss}. It runs without a window or a sound card ({@code -nodisp}, SDL's dummy audio),
 * in real time, so the elapsed time tells a whole play (about 10 s) from a seek to 5 s (about 6 s).
 */
public class FfplayInteropIT {

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution();

    private static ProcessResult ffplay(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "SDL_AUDIODRIVER=dummy", "ffplay", "-v", "error",
                "-nodisp", "-autoexit"));
        command.addAll(Arrays.asList(args));
        return ExternalCommand.of(command).timeout(Ffmpeg.PLAY_TIMEOUT).run();
    }

    private static void assertPlays(ProcessResult play, double atLeastSeconds, double atMostSeconds, long millis) {
        assertFalse("ffplay did not end" + play.describe(), play.timedOut());
        assertEquals("ffplay exit code" + play.describe(), 0, play.exitCode());
        assertEquals("ffplay reported errors" + play.describe(), "", play.stderr().strip());
        assertTrue("played for " + millis + " ms" + play.describe(),
                millis >= atLeastSeconds * 1000 && millis <= atMostSeconds * 1000);
    }

    private static void playAndTime(double atLeast, double atMost, String... args) {
        Tools.require("ffplay");
        long start = System.nanoTime();
        ProcessResult play = ffplay(args);
        assertPlays(play, atLeast, atMost, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @Test
    public void playsToTheEndOverUdp() {
        playAndTime(9, 30, "-rtsp_transport", "udp", SERVER.url("sample.mp4"));
    }

    @Test
    public void playsToTheEndOverTcp() {
        playAndTime(9, 30, "-rtsp_transport", "tcp", SERVER.url("sample.mov"));
    }

    @Test
    public void seeksWithSs() {
        // the server starts at the key frame at 4 s, so about 6 s of media remain
        playAndTime(5, 9, "-ss", "5", "-rtsp_transport", "tcp", SERVER.url("sample.mp4"));
    }
}
