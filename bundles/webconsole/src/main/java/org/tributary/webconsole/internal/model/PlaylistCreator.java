package org.tributary.webconsole.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tributary.webconsole.internal.api.ApiResponse;
import org.tributary.webconsole.internal.json.JsonReader;

/**
 * Creates a playlist broadcast from media files: a new factory configuration of
 * {@code org.tributary.live.playlist} (keys path, items, mode), named after its path.
 */
final class PlaylistCreator {

    static final String FACTORY_PID = "org.tributary.live.playlist";
    private static final Set<String> MODES = Set.of("sequential", "loop", "weighted-random");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A media path, with a weight after '*' for weighted-random mode; plain characters only, written to a .cfg file. */
    private static final Pattern ITEM = Pattern.compile("/?[A-Za-z0-9][A-Za-z0-9/._ -]{0,511}(\\*[0-9]{1,4})?");

    private final Services services;

    PlaylistCreator(Services services) {
        this.services = services;
    }

    ApiResponse create(InputStream body) {
        Optional<ConfigurationAdmin> admin = services.configAdmin();
        if (admin.isEmpty()) {
            return ApiResponse.message(503, "Configuration Admin is not available");
        }
        Map<String, Object> request;
        try {
            request = JsonReader.object(body, 64 * 1024);
        } catch (IOException | IllegalArgumentException e) {
            return ApiResponse.message(400, "The body must be a JSON object {\"path\", \"items\", \"mode\"}: "
                    + e.getMessage());
        }
        String path = request.get("path") instanceof String s ? s.replaceFirst("^/+", "") : "";
        List<String> items = JsonReader.strings(request.get("items"));
        String mode = request.get("mode") instanceof String s ? s : "sequential";
        if (!PATH.matcher(path).matches()) {
            return ApiResponse.message(400, "Bad playlist path: use letters, digits, '.', '_' or '-', such as channel1");
        }
        if (items.isEmpty() || !items.stream().allMatch(i -> ITEM.matcher(i).matches())) {
            return ApiResponse.message(400, "Give the playlist one or more items, such as [\"/sample.mp4\"]");
        }
        if (!MODES.contains(mode)) {
            return ApiResponse.message(400, "Bad mode " + mode + ": use sequential, loop or weighted-random");
        }
        try {
            Configuration config = admin.get().getFactoryConfiguration(FACTORY_PID, path, "?");
            if (config.getProperties() != null) {
                return ApiResponse.message(409, "A playlist named " + path + " exists already");
            }
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("path", path);
            // one ';'-separated value, as in a hand-written .cfg file, so the file and the configuration agree
            props.put("items", String.join(";", items.stream().map(i -> i.startsWith("/") ? i : "/" + i).toList()));
            props.put("mode", mode);
            Optional<Path> file = etcFile(path);
            file.ifPresent(f -> props.put("felix.fileinstall.filename", f.toUri().toString()));
            config.update(props);
            if (file.isPresent()) {
                write(file.get(), props);
            }
            return ApiResponse.message(201, "Created playlist " + path + " (" + config.getPid() + ")");
        } catch (IOException e) {
            return ApiResponse.message(500, "Could not save the playlist: " + e.getMessage());
        }
    }

    /**
     * @param path the playlist's path
     * @return the file Karaf's file install keeps the configuration in, so that it survives a restart and
     *         can be edited by hand; empty outside Karaf
     */
    private static Optional<Path> etcFile(String path) {
        String etc = System.getProperty("karaf.etc");
        return etc == null ? Optional.empty() : Optional.of(Path.of(etc, FACTORY_PID + "-" + path + ".cfg"));
    }

    /**
     * Writes the configuration's file (file install keeps an existing file up to date, but does not create
     * one); written to a temporary file and moved into place, so file install never reads half a file.
     */
    private static void write(Path file, Dictionary<String, Object> props) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        StringBuilder text = new StringBuilder("# a playlist created in the management API or console\n");
        for (String key : List.of("path", "items", "mode")) {
            text.append(key).append(" = ").append(props.get(key)).append('\n');
        }
        Path temporary = Files.createTempFile(file.getParent(), ".playlist-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
