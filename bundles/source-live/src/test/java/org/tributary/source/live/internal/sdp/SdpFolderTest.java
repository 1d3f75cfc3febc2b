package org.tributary.source.live.internal.sdp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

public class SdpFolderTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private Path media;
    private SdpFolder folder;

    @Before
    public void createFolder() throws Exception {
        media = temp.newFolder("media").toPath();
        Files.writeString(media.resolve("cam.sdp"), "v=0\r\n");
        Files.createDirectories(media.resolve("sub"));
        Files.writeString(media.resolve("sub/CAM2.SDP"), "v=0\r\n");
        Files.writeString(temp.getRoot().toPath().resolve("outside.sdp"), "v=0\r\n");
        folder = new SdpFolder(media);
    }

    private void assertNotFound(String path) {
        MediaException e = assertThrows(path, MediaException.class, () -> folder.resolve(path));
        assertEquals(path + ": " + e.getMessage(), Reason.NOT_FOUND, e.reason());
    }

    @Test
    public void filesOfTheFolderResolveToTheirRealPath() throws Exception {
        assertEquals(media.resolve("cam.sdp").toRealPath(), folder.resolve("cam.sdp"));
        assertEquals(media.resolve("sub/CAM2.SDP").toRealPath(), folder.resolve("sub/CAM2.SDP"));
    }

    @Test
    public void pathsThatCouldLeaveTheFolderAreNotFound() {
        for (String path : new String[] {"../outside.sdp", "sub/../../outside.sdp", "/etc/x.sdp", "sub\\..\\cam.sdp",
                "cam\u0000.sdp", "c\nam.sdp", "./cam.sdp", "sub//CAM2.SDP", "", "C:/x.sdp", "x".repeat(300) + ".sdp"}) {
            assertNotFound(path);
        }
        assertNotFound(null);
    }

    @Test
    public void linksOutOfTheFolderDirectoriesAndOtherNamesAreNotFound() throws Exception {
        Files.createSymbolicLink(media.resolve("link.sdp"), temp.getRoot().toPath().resolve("outside.sdp"));
        assertNotFound("link.sdp");
        Files.createDirectories(media.resolve("dir.sdp"));
        assertNotFound("dir.sdp");
        assertNotFound("missing.sdp");
        Files.writeString(media.resolve("movie.mp4"), "");
        assertNotFound("movie.mp4");
    }

    @Test
    public void readingIsBounded() throws Exception {
        Path file = folder.resolve("cam.sdp");
        assertEquals("v=0\r\n", SdpFolder.read(file, "cam.sdp", 5));
        MediaException e = assertThrows(MediaException.class, () -> SdpFolder.read(file, "cam.sdp", 4));
        assertEquals(Reason.INVALID, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("cam.sdp is larger than 4 bytes"));
    }
}
