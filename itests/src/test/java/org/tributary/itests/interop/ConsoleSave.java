package org.tributary.itests.interop;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.tributary.itests.support.CfgFile;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Saves a configuration the way the Felix Web Console's form does (its {@code configMgr} POST, every
 * field of the form with the metatype's types), so Karaf rewrites the {@code .cfg} file as after a save
 * by hand in the browser.
 */
final class ConsoleSave {

    private ConsoleSave() {
    }

    /** Posts every key of {@code etc/<pid>.cfg} with its current value, {@code changes} replacing some. */
    static void post(TributaryDistribution server, String pid, Map<String, String> changes)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        Path cfg = server.home().resolve("etc/" + pid + ".cfg");
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            String key = CfgFile.keyOf(line);
            if (key != null) {
                form.put(key, line.substring(line.indexOf('=') + 1).strip());
            }
        }
        form.putAll(changes);
        StringJoiner body = new StringJoiner("&");
        body.add("apply=true").add("action=ajaxConfigManager").add("propertylist=" + encode(String.join(",", form.keySet())));
        form.forEach((key, value) -> body.add(encode(key) + "=" + encode(value)));
        String console = "http://127.0.0.1:" + server.httpPort() + "/system/console/configMgr/" + pid;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "karaf:karaf".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", console)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue("the console saves " + pid + ": " + response.statusCode() + " " + response.body(),
                response.statusCode() == 200 || response.statusCode() == 302);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
