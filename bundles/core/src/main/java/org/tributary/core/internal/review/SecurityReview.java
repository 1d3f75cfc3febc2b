package org.tributary.core.internal.review;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the default-security review once at start: the shipped karaf/karaf administrator (WARN), that
 * administrator together with a console listening beyond loopback (ERROR), and users files or keystores that
 * group or others can read (one WARN each). See {@link Review}.
 */
@Component(immediate = true)
public class SecurityReview {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityReview.class);
    private static final String JAAS_PID = "org.apache.karaf.jaas";
    private static final String AUTH_FILE_PID = "org.tributary.auth.file";
    private static final String RTSP_PID = "org.tributary.rtsp";

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public SecurityReview(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
        run(etcFolder());
    }

    void run(Path etc) {
        Map<String, Map<String, Object>> configs = new HashMap<>();
        for (String pid : List.of(JAAS_PID, ConsoleBind.WEB_PID, ConsoleBind.SSH_PID, ConsoleBind.JMX_PID,
                AUTH_FILE_PID, RTSP_PID)) {
            configs.put(pid, properties(pid));
        }
        KarafEncryption encryption = KarafEncryption.from(configs.get(JAAS_PID));
        Path usersFile = etc.resolve("users.properties");
        ShippedAdmin.State admin = ShippedAdmin.of(users(usersFile), encryption);
        for (Finding finding : Review.of(admin, encryption, ConsoleBind.of(configs), secretFiles(etc, configs))) {
            switch (finding.level()) {
                case ERROR -> LOG.error(finding.message());
                case WARN -> LOG.warn(finding.message());
                default -> LOG.info(finding.message());
            }
        }
    }

    private static List<Path> secretFiles(Path etc, Map<String, Map<String, Object>> configs) {
        List<Path> files = new ArrayList<>(List.of(etc.resolve("users.properties")));
        Map<String, Object> auth = configs.get(AUTH_FILE_PID);
        files.add(file(etc, auth.get("usersFile"), "qtusers"));
        files.add(file(etc, auth.get("groupsFile"), "qtgroups"));
        Object keystore = configs.get(RTSP_PID).get("tlsKeystore");
        if (keystore != null && !keystore.toString().isBlank()) {
            files.add(file(etc, keystore, null));
        }
        files.removeIf(Objects::isNull);
        return files;
    }

    /** A configured file, relative ones against etc/ (as the realm and the RTSPS listener resolve them). */
    private static Path file(Path etc, Object configured, String fallback) {
        String name = configured == null || configured.toString().isBlank() ? fallback : configured.toString().strip();
        if (name == null) {
            return null;
        }
        try {
            return etc.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Properties users(Path file) {
        Properties users = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            users.load(reader);
        } catch (IOException | IllegalArgumentException missing) {
            LOG.debug("cannot read {}: the shipped-password check sees no user", file);
        }
        return users;
    }

    private Map<String, Object> properties(String pid) {
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return Map.of();
            }
            Dictionary<String, Object> dictionary = found[0].getProperties();
            Map<String, Object> map = new HashMap<>();
            for (String key : Collections.list(dictionary.keys())) {
                map.put(key, dictionary.get(key));
            }
            return map;
        } catch (IOException | InvalidSyntaxException e) {
            LOG.debug("cannot read configuration {}", pid, e);
            return Map.of();
        }
    }

    private static Path etcFolder() {
        String etc = System.getProperty("karaf.etc");
        return etc != null ? Path.of(etc) : Path.of(System.getProperty("karaf.base", "."), "etc");
    }
}
