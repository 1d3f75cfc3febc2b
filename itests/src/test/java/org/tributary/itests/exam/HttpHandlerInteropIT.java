package org.tributary.itests.exam;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.tributary.api.http.HttpExchange;
import org.tributary.api.http.HttpHandler;
import org.tributary.itests.support.ExternalCommand;
import org.tributary.itests.support.ProcessResult;
import org.tributary.itests.support.Tools;

/**
 * The HTTP handler seam of the streaming ports, in the real distribution with real clients: a handler
 * service registered by the test answers curl whole and streamed, receives ffmpeg's Icecast sources (PUT
 * with 100-continue, and legacy SOURCE) and ezstream's Shoutcast v1 login on the same port, a path no
 * handler claims is 404, and RTSP over HTTP keeps working beside it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HttpHandlerInteropIT extends TributaryExamSupport {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String SINE = "sine=frequency=440:sample_rate=44100:duration=3";

    private final RecordingHttpHandler handler = new RecordingHttpHandler();
    private ServiceRegistration<HttpHandler> registration;

    @Before
    public void register() {
        registration = register(handler, "/test/");
    }

    @After
    public void unregister() {
        registration.unregister();
    }

    private ServiceRegistration<HttpHandler> register(HttpHandler service, String... prefixes) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpHandler.PREFIX, prefixes);
        return bundleContext.registerService(HttpHandler.class, service, properties);
    }

    private static String http(String path) {
        return "http://127.0.0.1:" + rtspPort() + path;
    }

    private static ProcessResult curl(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "-m", "20"));
        command.addAll(List.of(arguments));
        return ExternalCommand.of(command).timeout(CLIENT_TIMEOUT).run();
    }

    @Test
    public void curlGetsAWholeAnswerAndAStreamedOne() {
        Tools.require("curl");
        ProcessResult hello = curl("-w", " %{http_code}", http("/test/hello"));
        assertEquals(hello.describe(), "hello 200", hello.stdout());
        ProcessResult streamed = curl("-o", "/dev/null", "-w", "%{http_code} %{size_download}", http("/test/stream"));
        assertEquals(streamed.describe(), "200 " + RecordingHttpHandler.STREAM_BYTES, streamed.stdout());
        RecordingHttpHandler.Seen get = handler.seen.get(0);
        assertEquals("GET /test/hello HTTP/1.1", get.method() + " " + get.path() + " " + get.version());
    }

    @Test
    public void aPathNoHandlerClaimsIs404AndBadRequestsAre400() {
        Tools.require("curl");
        ProcessResult none = curl("-o", "/dev/null", "-w", "%{http_code}", http("/nothing-here/x"));
        assertEquals(none.describe(), "404", none.stdout());
        ProcessResult bad = curl("-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", http("/test/%zz"));
        assertEquals(bad.describe(), "400", bad.stdout());
        assertTrue("no handler saw them", handler.seen.isEmpty());
    }

    @Test
    public void ffmpegIcecastSourcesReachTheHandler() {
        Tools.require("ffmpeg");
        for (boolean legacy : new boolean[] {false, true}) {
            long before = handler.bodyBytes.get();
            ProcessResult source = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-re", "-f", "lavfi",
                    "-i", SINE, "-c:a", "libmp3lame", "-b:a", "128k", "-content_type", "audio/mpeg",
                    "-ice_name", "Test Radio", "-legacy_icecast", legacy ? "1" : "0", "-f", "mp3",
                    "icecast://source:secret@127.0.0.1:" + rtspPort() + "/test/radio").timeout(CLIENT_TIMEOUT).run();
            assertEquals(source.describe(), 0, source.exitCode());
            RecordingHttpHandler.Seen put = handler.seen.get(handler.seen.size() - 1);
            assertEquals(legacy ? "SOURCE" : "PUT", put.method());
            assertEquals("/test/radio", put.path());
            assertEquals("Basic c291cmNlOnNlY3JldA==", put.authorization());
            // 3 s at 128 kbit/s: about 48 KB of MP3 frames
            long received = handler.bodyBytes.get() - before;
            assertTrue(received + " body bytes", received > 40_000 && received < 60_000);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.bodiesEnded.get() == 2);
    }

    @Test
    public void ezstreamLogsInWithShoutcastV1() throws Exception {
        Tools.require("ezstream", "ffmpeg");
        // the MP3 broadcast (feature tributary-mp3) claims "/" too, and would take the login
        Bundle broadcast = bundle("tributary-mp3");
        broadcast.stop();
        RecordingHttpHandler root = new RecordingHttpHandler();
        ServiceRegistration<HttpHandler> rootRegistration = register(root, "/");
        Path folder = Files.createTempDirectory("ezstream");
        try {
            Path mp3 = folder.resolve("tone.mp3");
            ProcessResult encode = ExternalCommand.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", SINE,
                    "-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k", mp3.toString()).timeout(CLIENT_TIMEOUT).run();
            assertEquals(encode.describe(), 0, encode.exitCode());
            Path config = folder.resolve("ezstream.xml");
            // libshout's Shoutcast mode connects to the configured port + 1
            Files.writeString(config, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ezstream><servers><server>"
                    + "<protocol>ICY</protocol><hostname>127.0.0.1</hostname><port>" + (rtspPort() - 1) + "</port>"
                    + "<password>secret</password><tls>None</tls></server></servers><streams><stream>"
                    + "<mountpoint>/radio</mountpoint><format>MP3</format><stream_name>Test Radio</stream_name></stream></streams>"
                    + "<intakes><intake><filename>" + mp3 + "</filename><stream_once>Yes</stream_once></intake></intakes>"
                    + "</ezstream>");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            ProcessResult ezstream = ExternalCommand.of("ezstream", "-c", config.toString())
                    .timeout(CLIENT_TIMEOUT).run();
            assertEquals(ezstream.describe(), 0, ezstream.exitCode());
            RecordingHttpHandler.Seen login = root.seen.get(0);
            assertEquals("only the real login reaches the handler, not libshout's probe", 1, root.seen.size());
            assertEquals(HttpExchange.ICY_LOGIN, login.method());
            assertEquals("/", login.path());
            assertEquals("Basic c291cmNlOnNlY3JldA==", login.authorization());
            assertEquals("Test Radio", login.name());
            assertTrue(root.bodyBytes.get() + " body bytes", root.bodyBytes.get() > 40_000);
        } finally {
            rootRegistration.unregister();
            broadcast.start();
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    @Test
    public void theRtspTunnelStillWorksBesideTheHandlers() {
        Tools.require("ffprobe");
        ProcessResult probe = ExternalCommand.of("ffprobe", "-v", "error", "-rtsp_transport", "http",
                "-show_entries", "stream=codec_name", "-of", "csv=p=0", url("/sample.mp4")).timeout(CLIENT_TIMEOUT).run();
        assertEquals(probe.describe(), 0, probe.exitCode());
        assertTrue(probe.describe(), probe.stdout().contains("h264"));
    }
}
