package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Issue 10, MP3 broadcast on the streaming port of one shared distribution: the source password set from
 * the shell after sources were refused without one, ffmpeg as an Icecast source (PUT and legacy SOURCE),
 * mpg123 and ffprobe as listeners, an ICY title read back after /admin/metadata, stream:stations,
 * stream:sessions and stream:kick on a listener and on a source, playlists and HEAD, the refusals (wrong password, busy
 * mount, garbage), 200 listeners at once, ezstream as a Shoutcast v1 source and in Icecast mode (HTTP PUT), feature:uninstall
 * tributary-mp3 leaving RTSP serving, a playlist station of two files advancing its ICY title (mpg123
 * decoding it), a live source dropping while a listener plays: the listener moves to the fallback
 * playlist and back when the source returns, a browser {@code <audio>} element (headless Chromium) on
 * another origin playing a station; the station as an RTSP path that ffprobe, ffmpeg and GStreamer decode
 * through the live fan-out while an HTTP listener plays, that path going with bundle tributary-source-live
 * and coming back with it while HTTP listening goes on, then moving under rtspPrefix. Methods run in name order: the first finds no password set;
 * the others set it when run alone.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class Mp3BroadcastInteropIT {

    private static final String PASSWORD = "on-air-2026";
    private static final int LISTENERS = 200;

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.mp3.cfg", Map.of("refusalDelayMillis", "300", "burstSeconds", "2"));

    private static Path song;
    private static boolean passwordSet;
    private static boolean playlistMade;

    @BeforeClass
    public static void makeSong() throws IOException {
        Tools.require("ffmpeg", "ffprobe", "mpg123");
        Path folder = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "mp3-broadcast"));
        song = CodecSample.named("tone.mp3").makeIn(folder, SERVER.mediaDir().resolve("sample.mp4"));
    }

    private static int port() {
        return SERVER.rtspPort();
    }

    private static String url(String mount) {
        return "http://127.0.0.1:" + port() + mount;
    }

    private static synchronized void ensurePassword() {
        if (!passwordSet) {
            ProcessResult set = SERVER.client("config:property-set -p org.tributary.mp3 sourcePassword " + PASSWORD);
            assertEquals(set.describe(), 0, set.exitCode());
            await("the source password applies").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                    .until(() -> sourceHead("/probe", PASSWORD).status() != 401);
            passwordSet = true;
        }
    }

    /**
     * Puts the playlist station /jukebox on air, fallback of /live: two 3 s files made by ffmpeg in the media
     * folder, with ID3 titles, and a factory configuration dropped into etc/.
     */
    private static synchronized void ensurePlaylist() throws IOException {
        if (!playlistMade) {
            Path folder = Files.createDirectories(SERVER.mediaDir().resolve("jukebox"));
            String[] titles = {"Jukebox One", "Jukebox Two"};
            for (int i = 0; i < titles.length; i++) {
                ProcessResult made = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                        "sine=frequency=" + (440 + 220 * i) + ":sample_rate=44100:duration=3", "-ac", "2", "-c:a",
                        "libmp3lame", "-b:a", "128k", "-id3v2_version", "3", "-metadata", "title=" + titles[i],
                        "-metadata", "artist=Tributary", folder.resolve((i + 1) + ".mp3").toString())
                        .timeout(Duration.ofSeconds(30)).run();
                assertEquals(made.describe(), 0, made.exitCode());
            }
            Files.writeString(SERVER.home().resolve("etc").resolve("org.tributary.mp3.playlist-it.cfg"),
                    "mount = /jukebox\nname = Jukebox\nfolder = jukebox\norder = sequential\nloop = true\n"
                            + "fallbackFor = /live\n");
            awaitOnAir("/jukebox");
            playlistMade = true;
        }
    }

    /** Reads a stream all along, as a player does, keeping what came. */
    private static final class StreamReader {
        private final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<Void> done;

        StreamReader(Socket socket) {
            done = CompletableFuture.runAsync(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n = socket.getInputStream().read(buffer); n >= 0; n = socket.getInputStream().read(buffer)) {
                        synchronized (received) {
                            received.write(buffer, 0, n);
                        }
                    }
                } catch (IOException closed) {
                    // the test closed it, or the server did: what was read counts
                }
            });
        }

        int size() {
            synchronized (received) {
                return received.size();
            }
        }

        /** @return the ICY titles received, the response head skipped */
        List<String> titles(int metaInterval) {
            byte[] bytes;
            synchronized (received) {
                bytes = received.toByteArray();
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int body = text.indexOf("\r\n\r\n") + 4;
            return IcyClient.titles(Arrays.copyOfRange(bytes, body, bytes.length), metaInterval);
        }

        boolean closed() {
            return done.isDone();
        }
    }

    /** Logs a source in without sending audio, and returns what the server answered. */
    private static IcyClient.Reply sourceHead(String mount, String password) throws IOException {
        return IcyClient.exchange(port(), "PUT " + mount + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/mpeg\r\n"
                + "Authorization: " + IcyClient.basic("source", password), null, 0, 3000);
    }

    private static RunningCommand ffmpegSource(String mount, String password, String... extra) {
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "info", "-re",
                "-stream_loop", "-1", "-i", song.toString(), "-c", "copy", "-content_type", "audio/mpeg",
                "-ice_name", "Radio", "-ice_genre", "Test"));
        command.addAll(Arrays.asList(extra));
        command.addAll(List.of("-f", "mp3", "icecast://source:" + password + "@127.0.0.1:" + port() + mount));
        return RunningCommand.start(command);
    }

    private static void awaitOnAir(String mount) {
        await(mount + " on air").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> IcyClient.exchange(port(), "GET " + mount + " HTTP/1.0", null, 4096, 3000).status() == 200);
    }

    private static void awaitLog(String text) {
        await("karaf.log: " + text).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> SERVER.logText().contains(text));
    }

    /** @return the bytes read from the socket until the server closed it */
    private static long drain(Socket socket) {
        long total = 0;
        byte[] buffer = new byte[16384];
        try {
            for (int n = socket.getInputStream().read(buffer); n >= 0; n = socket.getInputStream().read(buffer)) {
                total += n;
            }
        } catch (IOException closed) {
            // reset or timed out: what was read counts
        }
        return total;
    }

    @Test
    public void a_withoutAPasswordSourcesAreRefusedWithHowToSetOne() throws IOException {
        IcyClient.Reply refused = IcyClient.exchange(port(), "PUT /radio HTTP/1.1\r\nContent-Type: audio/mpeg\r\n"
                + "Authorization: " + IcyClient.basic("source", "anything"), null, 4096, 3000);
        assertEquals(refused.toString(), 401, refused.status());
        assertTrue(refused.text(), refused.text().contains("stream:mp3-password"));
        awaitLog("no source password is set");
        ensurePassword();
    }

    @Test
    public void b_ffmpegFeedsAStationThatMpg123AndFfprobeDecodeWithItsTitle() throws IOException {
        ensurePassword();
        try (RunningCommand source = ffmpegSource("/radio", PASSWORD)) {
            awaitOnAir("/radio");
            ProcessResult mpg123 = ExternalCommand.of("mpg123", "-t", "-n", "100", url("/radio"))
                    .timeout(Duration.ofSeconds(30)).run();
            assertEquals(mpg123.describe(), 0, mpg123.exitCode());
            assertTrue(mpg123.describe(), mpg123.stderr().contains("ICY-NAME: Radio"));
            ProcessResult probe = ExternalCommand.of("ffprobe", "-v", "error", "-show_entries",
                    "stream=codec_name,sample_rate:format_tags=icy-name", "-of", "default=nw=1", url("/radio"))
                    .timeout(Duration.ofSeconds(30)).run();
            assertEquals(probe.describe(), 0, probe.exitCode());
            assertTrue(probe.describe(), probe.stdout().contains("codec_name=mp3"));
            assertTrue(probe.describe(), probe.stdout().contains("icy-name=Radio"));

            String title = "Caf\u00e9 Tributary \u266b";
            IcyClient.Reply update = IcyClient.exchange(port(), "GET /admin/metadata?mount=/radio&mode=updinfo&song="
                    + URLEncoder.encode(title, StandardCharsets.UTF_8) + " HTTP/1.0\r\nAuthorization: "
                    + IcyClient.basic("source", PASSWORD), null, 4096, 3000);
            assertEquals(update.toString(), 200, update.status());
            IcyClient.Reply listener = IcyClient.exchange(port(), "GET /radio HTTP/1.0\r\nIcy-MetaData: 1", null,
                    40_000, 5000);
            assertEquals("16000", listener.headers().get("icy-metaint"));
            assertEquals("*", listener.headers().get("access-control-allow-origin"));
            assertEquals(title, IcyClient.firstTitle(listener.body(), 16000));

            try (Socket kept = new Socket("127.0.0.1", port())) {
                kept.getOutputStream().write("GET /radio HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                kept.setSoTimeout(60_000);
                // read all along, as a player does, until the server closes the connection
                CompletableFuture<Long> heard = CompletableFuture.supplyAsync(() -> drain(kept));
                ProcessResult stations = SERVER.client("stream:stations");
                assertTrue(stations.describe(), stations.stdout().contains("/radio"));
                assertTrue(stations.describe(), stations.stdout().contains("Tributary"));
                assertTrue(stations.describe(), stations.stdout().contains("MPEG-1 Layer III 44100 Hz stereo"));
                ProcessResult sessions = SERVER.client("stream:sessions");
                Matcher row = Pattern.compile("(mp3-[0-9a-f]+) .*/radio .*LISTENING").matcher(sessions.stdout());
                assertTrue(sessions.describe(), row.find());
                ProcessResult kick = SERVER.client("stream:kick " + row.group(1));
                assertEquals(kick.describe(), 0, kick.exitCode());
                await("the kicked listener's connection closes").atMost(Duration.ofSeconds(10)).until(heard::isDone);
                assertTrue(heard.join() > 32_000);
            }
            RunningCommand busy = ffmpegSource("/radio", PASSWORD);
            ProcessResult refused = busy.awaitExit(Duration.ofSeconds(20));
            busy.close();
            assertEquals(refused.describe(), 1, refused.exitCode());
            assertTrue(refused.describe(), refused.stderr().contains("403"));
            assertTrue(source.isAlive());
        }
    }

    @Test
    public void c_theLegacySourceMethodFeedsAStationToo() throws IOException {
        ensurePassword();
        try (RunningCommand source = ffmpegSource("/legacy", PASSWORD, "-legacy_icecast", "1")) {
            awaitOnAir("/legacy");
            IcyClient.Reply listener = IcyClient.exchange(port(), "GET /legacy HTTP/1.0", null, 20_000, 5000);
            assertEquals(200, listener.status());
            assertEquals("audio/mpeg", listener.headers().get("content-type"));
            assertEquals(20_000, listener.body().length);
            assertEquals((byte) 0xFF, listener.body()[0]);
            String host = "127.0.0.1:" + port();
            IcyClient.Reply m3u = IcyClient.exchange(port(), "GET /legacy.m3u HTTP/1.0\r\nHost: " + host, null, 4096, 3000);
            assertEquals("audio/x-mpegurl", m3u.headers().get("content-type"));
            assertEquals("http://" + host + "/legacy\r\n", m3u.text());
            IcyClient.Reply head = IcyClient.exchange(port(), "HEAD /legacy HTTP/1.0", null, 4096, 3000);
            assertEquals(200, head.status());
            assertEquals("audio/mpeg", head.headers().get("content-type"));
            assertEquals(0, head.body().length);
            assertTrue(source.isAlive());
            // the source is a publishing session: listed, and a kick ends it like any session
            ProcessResult sessions = SERVER.client("stream:sessions");
            Matcher row = Pattern.compile("(mp3src-[0-9a-f]+) .*/legacy .*SOURCING .*publisher .*source ")
                    .matcher(sessions.stdout());
            assertTrue(sessions.describe(), row.find());
            ProcessResult kick = SERVER.client("stream:kick " + row.group(1));
            assertTrue(kick.describe(), kick.stdout().contains("Ended session " + row.group(1)));
            ProcessResult ended = source.awaitExit(Duration.ofSeconds(20));
            assertFalse("the kicked source's encoder stops" + ended.describe(), source.isAlive());
        }
    }

    @Test
    public void d_wrongPasswordsAndGarbageAreRefusedWithALogLine() throws IOException {
        ensurePassword();
        try (RunningCommand wrong = ffmpegSource("/radio", "guess")) {
            ProcessResult refused = wrong.awaitExit(Duration.ofSeconds(20));
            assertEquals(refused.describe(), 1, refused.exitCode());
            assertTrue(refused.describe(), refused.stderr().contains("401"));
        }
        awaitLog("refused: wrong user or password");
        byte[] garbage = "<html>not audio</html>\n".repeat(2000).getBytes(StandardCharsets.US_ASCII);
        IcyClient.Reply ended = IcyClient.exchange(port(), "PUT /junk HTTP/1.1\r\nContent-Type: audio/mpeg\r\n"
                + "Authorization: " + IcyClient.basic("source", PASSWORD), garbage, 4096, 5000);
        assertEquals(200, ended.status());
        assertTrue(ended.closed());
        awaitLog("ended: not MP3 audio");
        IcyClient.Reply gone = IcyClient.exchange(port(), "GET /junk HTTP/1.0", null, 4096, 3000);
        assertEquals(404, gone.status());
    }

    @Test
    public void e_twoHundredListenersAllReceiveTheStation() throws IOException {
        ensurePassword();
        try (RunningCommand source = ffmpegSource("/load", PASSWORD)) {
            awaitOnAir("/load");
            // the 2 s burst (~32 kB at 128 kbit/s) and more: every listener keeps receiving live audio
            List<Mp3LoadListeners.Listener> listeners = Mp3LoadListeners.listen(port(), "/load", LISTENERS, 64_000,
                    Duration.ofSeconds(30));
            for (Mp3LoadListeners.Listener listener : listeners) {
                assertTrue(listener.statusLine(), listener.statusLine().matches("HTTP/1\\.[01] 200.*"));
                assertTrue("a listener got " + listener.bytes() + " bytes", listener.bytes() >= 64_000);
            }
            assertTrue(source.isAlive());
        }
    }

    @Test
    public void f_ezstreamFeedsTheShoutcastMountAsAShoutcastV1Source() throws IOException {
        // a Shoutcast v1 source logs in on the port after the one it is given
        ezstreamFeeds("ICY", port() - 1, "/stream", "Old School");
    }

    @Test
    public void fb_ezstreamInIcecastModeFeedsAStationOverHttpPut() throws IOException {
        ezstreamFeeds("HTTP", port(), "/ezhttp", "New School");
    }

    private void ezstreamFeeds(String protocol, int serverPort, String mount, String name) throws IOException {
        ensurePassword();
        Tools.require("ezstream");
        Path folder = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "mp3-broadcast"));
        Path config = folder.resolve("ezstream-" + protocol + ".xml");
        Files.writeString(config, "<ezstream><servers><server><protocol>" + protocol + "</protocol>"
                + "<hostname>127.0.0.1</hostname><port>" + serverPort + "</port><password>" + PASSWORD
                + "</password></server></servers><streams><stream><mountpoint>" + mount + "</mountpoint>"
                + "<format>MP3</format><stream_name>" + name + "</stream_name></stream></streams>"
                + "<intakes><intake><type>file</type><filename>" + song + "</filename><stream_once>No</stream_once>"
                + "</intake></intakes></ezstream>\n");
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (RunningCommand source = RunningCommand.start(List.of("ezstream", "-c", config.toString()))) {
            awaitOnAir(mount);
            IcyClient.Reply listener = IcyClient.exchange(port(), "GET " + mount + " HTTP/1.0", null, 20_000, 5000);
            assertEquals(200, listener.status());
            assertEquals(name, listener.headers().get("icy-name"));
            assertEquals((byte) 0xFF, listener.body()[0]);
            assertTrue(source.isAlive());
        }
    }

    @Test
    public void g_uninstallingTheFeatureEndsStationsAndLeavesRtspServing() throws IOException {
        ensurePassword();
        try (RunningCommand source = ffmpegSource("/gone", PASSWORD)) {
            awaitOnAir("/gone");
            ProcessResult removed = SERVER.client("feature:uninstall tributary-mp3");
            assertEquals(removed.describe(), 0, removed.exitCode());
            ProcessResult ended = source.awaitExit(Duration.ofSeconds(20));
            assertTrue("the source's connection is closed: " + ended.describe(), !ended.timedOut());
            assertEquals(404, IcyClient.exchange(port(), "GET /gone HTTP/1.0", null, 4096, 3000).status());
            try (RtspTestClient rtsp = new RtspTestClient("127.0.0.1", port())) {
                assertEquals(200, rtsp.request("DESCRIBE", SERVER.url("sample.mp4"), "Accept: application/sdp").status());
            }
        } finally {
            ProcessResult back = SERVER.client("feature:install tributary-mp3");
            assertEquals(back.describe(), 0, back.exitCode());
        }
        await("the MP3 broadcast is back").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> sourceHead("/probe", PASSWORD).status() == 200);
    }

    @Test
    public void h_aPlaylistStationPlaysItsFilesAsOneStreamWithEachFilesTitle() throws IOException {
        ensurePlaylist();
        // both listen at once: each needs several seconds of real time to cross from one file to the next
        CompletableFuture<ProcessResult> decoded = CompletableFuture.supplyAsync(() -> ExternalCommand.of("mpg123",
                "-t", "-n", "300", url("/jukebox")).timeout(Duration.ofSeconds(30)).run());
        // 2 s of burst and about 6 s more at 128 kbit/s: past the end of the first 3 s file
        IcyClient.Reply listener = IcyClient.exchange(port(), "GET /jukebox HTTP/1.0\r\nIcy-MetaData: 1", null,
                130_000, 8000);
        assertEquals(200, listener.status());
        assertEquals("Jukebox", listener.headers().get("icy-name"));
        List<String> titles = IcyClient.titles(listener.body(), 16000);
        assertTrue("the title advances from one file's to the other's: " + titles,
                titles.containsAll(List.of("Tributary - Jukebox One", "Tributary - Jukebox Two")));
        ProcessResult mpg123 = decoded.join();
        assertEquals(mpg123.describe(), 0, mpg123.exitCode());
        assertTrue(mpg123.describe(), !mpg123.stderr().toLowerCase(java.util.Locale.ROOT).contains("error"));
        ProcessResult stations = SERVER.client("stream:stations");
        assertTrue(stations.describe(), stations.stdout().contains("/jukebox"));
        assertTrue(stations.describe(), stations.stdout().contains("playlist:Jukebox"));
    }

    @Test
    public void i_aLiveSourceThatDropsHandsItsListenersToTheFallbackPlaylistAndGetsThemBack() throws IOException {
        ensurePassword();
        ensurePlaylist();
        Pattern liveWithOneListener = Pattern.compile("/live\\s*\\|[^\\n]*stereo\\s*\\|\\s*\\d+\\s*\\|\\s*1\\s*\\|");
        RunningCommand source = ffmpegSource("/live", PASSWORD);
        try (Socket socket = new Socket("127.0.0.1", port())) {
            // until the source is on air, /live answers with its fallback
            await("the live source on air").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                    .until(() -> "Radio".equals(IcyClient.exchange(port(), "GET /live HTTP/1.0", null, 4096, 3000)
                            .headers().get("icy-name")));
            socket.getOutputStream().write("GET /live HTTP/1.0\r\nIcy-MetaData: 1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(30_000);
            StreamReader reader = new StreamReader(socket);
            await("live audio arrives").atMost(Duration.ofSeconds(10)).until(() -> reader.size() > 40_000);
            assertTrue(reader.titles(16000).stream().noneMatch(t -> t.contains("Jukebox")));
            source.close();
            int atDrop = reader.size();
            // well past the burst the fallback could give: the stream goes on from the playlist, in real time
            await("audio from the fallback").atMost(Duration.ofSeconds(15)).until(() -> reader.size() > atDrop + 48_000);
            assertTrue(!reader.closed());
            await("the fallback's title").atMost(Duration.ofSeconds(10))
                    .until(() -> reader.titles(16000).stream().anyMatch(t -> t.contains("Jukebox")));
            try (RunningCommand back = ffmpegSource("/live", PASSWORD)) {
                await("the listener is back on /live").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                        .until(() -> liveWithOneListener.matcher(SERVER.client("stream:stations").stdout()).find());
                int atReturn = reader.size();
                await("live audio again").atMost(Duration.ofSeconds(10)).until(() -> reader.size() > atReturn + 32_000);
                assertTrue(!reader.closed());
                assertTrue(back.isAlive());
            }
        } finally {
            source.close();
        }
    }

    @Test
    public void r_rtspPlayersHearTheStationThroughTheLiveFanOutWhileHttpListenersPlay() throws Exception {
        Tools.require("gst-launch-1.0");
        ensurePassword();
        String rtsp = SERVER.url("/onrtsp");
        Path pcm = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "mp3-broadcast"))
                .resolve("onrtsp-gstreamer.raw");
        Files.deleteIfExists(pcm);
        RunningCommand gstreamer = null;
        try {
            try (RunningCommand source = ffmpegSource("/onrtsp", PASSWORD)) {
                awaitOnAir("/onrtsp");
                awaitLog("MP3 station /onrtsp is on RTSP at /onrtsp (live broadcast /live/onrtsp)");
                // GStreamer decodes the station to PCM until the station ends, which ends its stream
                gstreamer = RunningCommand.start(List.of("gst-launch-1.0", "rtspsrc", "location=" + rtsp,
                        "protocols=udp", "!", "rtpmpadepay", "!", "mpegaudioparse", "!", "mpg123audiodec", "!",
                        "audioconvert", "!", "audio/x-raw,format=S16LE,channels=2", "!", "filesink",
                        "location=" + pcm));
                // about 6 s of audio at 128 kbit/s after the 2 s burst: it plays all through the RTSP clients' runs
                CompletableFuture<IcyClient.Reply> http = CompletableFuture.supplyAsync(() -> {
                    try {
                        return IcyClient.exchange(port(), "GET /onrtsp HTTP/1.0", null, 120_000, 15_000);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                ProcessResult probe = Ffmpeg.probeStreams(rtsp, "udp");
                assertEquals(probe.describe(), 0, probe.exitCode());
                assertEquals(probe.describe(), "mp3,audio", probe.stdout().strip());
                // decoded to PCM: one framecrc line per decoded frame of 1152 samples, about 38 a second
                ProcessResult play = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "warning", "-rtsp_transport", "tcp",
                        "-i", rtsp, "-t", "3", "-map", "0:a", "-f", "framecrc", "-").timeout(Ffmpeg.PLAY_TIMEOUT).run();
                assertEquals(play.describe(), 0, play.exitCode());
                assertEquals(play.describe(), List.of(), Ffmpeg.problemLines(play));
                assertTrue(play.describe(), play.stdout().contains("pcm_s16le"));
                long decoded = play.stdoutLines().stream().filter(line -> line.startsWith("0,")).count();
                assertTrue(decoded + " frames decoded: " + play.describe(), decoded >= 100);

                ProcessResult broadcasts = SERVER.client("stream:broadcasts");
                assertTrue(broadcasts.describe(), broadcasts.stdout().contains("/live/onrtsp"));
                assertTrue(broadcasts.describe(), broadcasts.stdout().contains("MP3 station /onrtsp"));
                assertTrue(broadcasts.describe(), broadcasts.stdout().contains("MPA"));
                IcyClient.Reply listener = http.get(30, TimeUnit.SECONDS);
                assertEquals(listener.toString(), 200, listener.status());
                assertEquals(120_000, listener.body().length);
                // a second of 44.1 kHz stereo at least
                await("GStreamer decodes the station").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> Files.exists(pcm) && Files.size(pcm) > 176_400);
                assertTrue(source.isAlive());
            }
            // the station ended: GStreamer got its BYE and ends its stream
            ProcessResult ended = gstreamer.awaitExit(Duration.ofSeconds(20));
            assertTrue(ended.describe(), Gstreamer.reachedEndOfStream(ended));
        } finally {
            if (gstreamer != null) {
                gstreamer.close();
            }
        }
        awaitLog("broadcast /live/onrtsp from MP3 station /onrtsp ended");
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", port())) {
            assertEquals(404, client.request("DESCRIBE", rtsp, "Accept: application/sdp").status());
        }
    }

    @Test
    public void j_aBrowserAudioElementOnAnotherOriginPlaysTheStation() throws IOException {
        ensurePassword();
        try (RunningCommand source = ffmpegSource("/browser", PASSWORD);
             BrowserAudio browser = BrowserAudio.start(Path.of(System.getProperty("tributary.work", "target")))) {
            awaitOnAir("/browser");
            browser.open(url("/browser"));
            // crossorigin="anonymous" from another origin: without the station's CORS headers this is an error
            BrowserAudio.Playback playing = await("the <audio> element of " + browser.pageUrl() + " plays")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(browser::playback, p -> !p.error().isEmpty() || p.currentTime() > 2 && p.level() > 0.01);
            assertEquals(playing.toString(), "", playing.error());
            assertTrue(playing.toString(), playing.readyState() >= 2 && !playing.paused());
            // a web player's titles: fetch() with Icy-MetaData (a preflight), icy-* headers exposed to the page
            String title = "Caf\u00e9 on the web";
            IcyClient.Reply update = IcyClient.exchange(port(), "GET /admin/metadata?mount=/browser&mode=updinfo&song="
                    + URLEncoder.encode(title, StandardCharsets.UTF_8) + " HTTP/1.0\r\nAuthorization: "
                    + IcyClient.basic("source", PASSWORD), null, 4096, 3000);
            assertEquals(update.toString(), 200, update.status());
            assertEquals(List.of("200", "16000", "Radio", title), browser.readIcyTitle(url("/browser")));
            assertEquals("a station off air, not a network error", "404", browser.fetchStatus(url("/off-air")));
            assertTrue(source.isAlive());
        }
    }

    @Test
    public void s_theRtspPathGoesAndComesBackWithTheLiveSourceAndFollowsThePrefix() throws IOException {
        ensurePassword();
        String rtsp = SERVER.url("/hotswap");
        try (RunningCommand source = ffmpegSource("/hotswap", PASSWORD)) {
            awaitOnAir("/hotswap");
            awaitDescribe(rtsp, 200);
            ProcessResult stop = SERVER.client("bundle:stop tributary-source-live");
            assertEquals(stop.describe(), 0, stop.exitCode());
            awaitDescribe(rtsp, 404);
            IcyClient.Reply listener = IcyClient.exchange(port(), "GET /hotswap HTTP/1.0", null, 40_000, 5000);
            assertEquals(listener.toString(), 200, listener.status());
            assertEquals(40_000, listener.body().length);
            ProcessResult start = SERVER.client("bundle:start tributary-source-live");
            assertEquals(start.describe(), 0, start.exitCode());
            awaitDescribe(rtsp, 200);

            ProcessResult prefix = SERVER.client("config:property-set -p org.tributary.mp3 rtspPrefix /live");
            assertEquals(prefix.describe(), 0, prefix.exitCode());
            awaitDescribe(SERVER.url("/live/hotswap"), 200);
            awaitDescribe(rtsp, 404);
            assertTrue(source.isAlive());
        } finally {
            SERVER.client("bundle:start tributary-source-live");
            SERVER.client("config:property-delete -p org.tributary.mp3 rtspPrefix");
        }
    }

    private static void awaitDescribe(String url, int status) {
        await(url + " answers DESCRIBE with " + status).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    try (RtspTestClient client = new RtspTestClient("127.0.0.1", port())) {
                        return client.request("DESCRIBE", url, "Accept: application/sdp").status() == status;
                    }
                });
    }
}
