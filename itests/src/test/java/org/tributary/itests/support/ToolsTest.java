package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Finding client programs on a PATH. */
public class ToolsTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void findsOnlyExecutableFilesOnThePath() throws Exception {
        Path bin = folder.newFolder("bin").toPath();
        Files.createFile(bin.resolve("ffprobe"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(bin.resolve("notes"));
        String path = "/nonexistent" + File.pathSeparator + bin;
        assertTrue(Tools.onPath("ffprobe", path));
        assertEquals(Optional.of(bin.resolve("ffprobe")), Tools.find("ffprobe", path));
        assertFalse(Tools.onPath("notes", path));
        assertFalse(Tools.onPath("ffmpeg", path));
        assertFalse(Tools.onPath("../bin/ffprobe", path));
        assertFalse(Tools.onPath("ffprobe", null));
    }
}
