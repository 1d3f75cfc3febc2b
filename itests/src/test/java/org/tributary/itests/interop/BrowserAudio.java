package org.tributary.itests.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tributary.itests.support.HeadlessChromium;

/**
 * A web page with one {@code <audio crossorigin="anonymous" autoplay>} element, shown by a headless Chromium
 * (Debian's {@code chromium} driven through its {@code chromedriver} by Selenium). The page comes from a small
 * HTTP server of its own on another port, so the stream it plays is cross-origin, as a station embedded in a
 * web site is: the browser asks with an {@code Origin} and refuses the audio unless the answer allows it (the
 * element ends with a MEDIA_ERR_SRC_NOT_SUPPORTED). Once playing, the page routes the element through Web
 * Audio, which hears only silence from a cross-origin element without CORS, so a level above zero means the
 * page really gets the decoded samples.
 *
 * <p>Chromium runs with a fresh profile, no network services of its own (the machine has no network), no
 * sandbox (tests run as root), autoplay without a gesture and muted output (there may be no sound card;
 * media time still advances). {@link #close()} ends the browser, its driver and the page server.
 */
final class BrowserAudio implements AutoCloseable {


    private static final String SCRIPT = """
            const radio = document.getElementById('radio');
            window.radioEvents = [];
            ['loadstart', 'loadedmetadata', 'canplay', 'playing', 'waiting', 'stalled', 'ended', 'error']
                .forEach(name => radio.addEventListener(name, () => window.radioEvents.push(name)));
            let analyser = null;
            radio.addEventListener('playing', () => {
              if (analyser) return;
              const context = new AudioContext();
              analyser = context.createAnalyser();
              context.createMediaElementSource(radio).connect(analyser);
              analyser.connect(context.destination);
            });
            window.radioLevel = () => {
              if (!analyser) return 0;
              const samples = new Float32Array(analyser.fftSize);
              analyser.getFloatTimeDomainData(samples);
              return samples.reduce((peak, s) => Math.max(peak, Math.abs(s)), 0);
            };
            window.readIcyTitle = async url => {
              const response = await fetch(url, {headers: {'Icy-MetaData': '1'}});
              const metaint = parseInt(response.headers.get('icy-metaint'));
              const found = [String(response.status), response.headers.get('icy-metaint'), response.headers.get('icy-name')];
              const reader = response.body.getReader();
              let bytes = new Uint8Array(0);
              for (let p = metaint; metaint > 0 && bytes.length < 1000000;) {
                const chunk = await reader.read();
                if (chunk.done) break;
                const joined = new Uint8Array(bytes.length + chunk.value.length);
                joined.set(bytes);
                joined.set(chunk.value, bytes.length);
                bytes = joined;
                for (; p < bytes.length && p + 1 + bytes[p] * 16 <= bytes.length; p += 1 + bytes[p] * 16 + metaint) {
                  const title = /StreamTitle='(.*?)';/.exec(new TextDecoder().decode(bytes.subarray(p + 1, p + 1 + bytes[p] * 16)));
                  if (title) {
                    reader.cancel();
                    return found.concat(title[1]);
                  }
                }
              }
              reader.cancel();
              return found.concat('no title in ' + bytes.length + ' bytes');
            };
            """;

    private static final String STATE = "const radio = document.getElementById('radio');"
            + " return [radio.currentTime, radio.readyState, radio.paused,"
            + " radio.error ? radio.error.code + ' ' + radio.error.message : '',"
            + " window.radioEvents.join(' '), window.radioLevel()];";

    private final HttpServer pages;
    private final HeadlessChromium chromium;
    private final ChromeDriver browser;

    private BrowserAudio(HttpServer pages, HeadlessChromium chromium) {
        this.pages = pages;
        this.chromium = chromium;
        this.browser = chromium.browser();
    }

    /** Skips (fails on CI) unless chromium and chromedriver are installed, then starts both. */
    static BrowserAudio start(Path work) throws IOException {
        HttpServer pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.start();
        try {
            // autoplay without a gesture, output muted: there may be no sound card; media time still advances
            return new BrowserAudio(pages, HeadlessChromium.start(work,
                    "--autoplay-policy=no-user-gesture-required", "--mute-audio"));
        } catch (IOException | RuntimeException e) {
            pages.stop(0);
            throw e;
        }
    }

    /** Serves a page whose audio element plays {@code streamUrl}, and opens it. */
    void open(String streamUrl) {
        String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Listen</title></head><body>"
                + "<audio id=\"radio\" crossorigin=\"anonymous\" autoplay src=\"" + streamUrl + "\"></audio>"
                + "<script>" + SCRIPT + "</script></body></html>";
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        pages.createContext("/listen.html", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        browser.get(pageUrl());
    }

    /** @return the origin the page is served from (the stream's differs by its port) */
    String pageUrl() {
        return "http://127.0.0.1:" + pages.getAddress().getPort() + "/listen.html";
    }

    /** @return what the audio element reports now */
    Playback playback() {
        List<?> state = (List<?>) ((JavascriptExecutor) browser).executeScript(STATE);
        return new Playback(((Number) state.get(0)).doubleValue(), ((Number) state.get(1)).intValue(),
                (Boolean) state.get(2), (String) state.get(3), (String) state.get(4),
                ((Number) state.get(5)).doubleValue());
    }

    /**
     * Reads {@code streamUrl} with {@code fetch()} and {@code Icy-MetaData: 1} from the page, as a web player
     * that shows titles does: a header outside CORS's safe list, so the browser sends a preflight first, and
     * the answer's {@code icy-*} headers are visible to the page only when the station exposes them.
     *
     * @return the status, the {@code icy-metaint} and {@code icy-name} the page sees (null when hidden), and
     *         the first StreamTitle in the stream; a failed fetch comes back as one "error: ..." item
     */
    List<Object> readIcyTitle(String streamUrl) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[1];"
                + " window.readIcyTitle(arguments[0]).then(done, e => done(['error: ' + e]));", streamUrl);
        return new ArrayList<>((List<?>) result);
    }

    /** @return the status a {@code fetch()} of {@code url} from the page sees, or "error: ..." when it fails */
    String fetchStatus(String url) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[1];"
                + " fetch(arguments[0]).then(r => done(String(r.status)), e => done('error: ' + e));", url);
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            pages.stop(0);
        }
    }

    /**
     * One look at the audio element.
     *
     * @param currentTime seconds played
     * @param readyState HTMLMediaElement.readyState (2 = HAVE_CURRENT_DATA and more)
     * @param paused whether it is paused
     * @param error the MediaError code and message, empty without one
     * @param events the media events fired so far, in order
     * @param level the peak sample (0..1) Web Audio hears now; 0 for silence or a refused cross-origin stream
     */
    record Playback(double currentTime, int readyState, boolean paused, String error, String events, double level) {

        /** @return the state for assertion messages */
        @Override
        public String toString() {
            return Map.of("currentTime", currentTime, "readyState", readyState, "paused", paused, "error", error,
                    "events", events, "level", level).toString();
        }
    }
}
