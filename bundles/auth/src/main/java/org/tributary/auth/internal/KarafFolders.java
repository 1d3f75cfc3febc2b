package org.tributary.auth.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Default locations inside the Karaf installation, with fallbacks outside Karaf (tests, tools). */
public final class KarafFolders {

    private KarafFolders() {
    }

    /**
     * @param configured a configured path; used when not blank
     * @param fileName   the file to find in {@code ${karaf.etc}} (or {@code ./etc}) otherwise
     */
    public static Path etcFile(String configured, String fileName) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        return folder("karaf.etc", "etc").resolve(fileName);
    }

    /**
     * @param configured a configured folder; used when not blank
     * @return it, or {@code ${karaf.home}/media} (or {@code ./media})
     */
    public static Path mediaFolder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        String home = System.getProperty("karaf.home");
        return home == null || home.isBlank() ? Paths.get("media") : Paths.get(home, "media");
    }

    private static Path folder(String property, String fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? Paths.get(fallback) : Paths.get(value);
    }
}
