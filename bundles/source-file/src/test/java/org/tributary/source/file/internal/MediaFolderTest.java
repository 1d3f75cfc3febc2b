package org.tributary.source.file.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/** Untrusted request paths stay inside the media folder, symbolic links included. */
public class MediaFolderTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path root;
    private Path outside;
    private MediaFolder folder;

    @Before
    public void createFolders() throws Exception {
        root = temp.newFolder("media").toPath();
        outside = temp.newFolder("outside").toPath();
        Files.writeString(root.resolve("movie.mp4"), "m");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/clip.MOV"), "m");
        Files.writeString(root.resolve("notes.txt"), "n");
        Files.createDirectories(root.resolve("folder.mp4"));
        Files.writeString(outside.resolve("secret.mp4"), "s");
        folder = new MediaFolder(root);
    }

    @Test
    public void resolvesFilesInsideTheFolder() throws Exception {
        assertEquals(root.toRealPath().resolve("movie.mp4"), folder.resolve("movie.mp4"));
        assertEquals(root.toRealPath().resolve("sub/clip.MOV"), folder.resolve("sub/clip.MOV"));
    }

    @Test
    public void rejectsPathsThatCouldLeaveTheFolder() {
        String[] paths = {null, "", "..", "../x", "../outside/secret.mp4", "a/../../etc/passwd",
            "sub/../movie.mp4", "/etc/passwd", "/" + root.resolve("movie.mp4"), "sub\\clip.MOV",
            "movie.mp4\0.txt", "movie\n.mp4", "movie\u0085.mp4", "C:/Windows/win.ini", "c:movie.mp4"};
        for (String path : paths) {
            assertReason(path, Reason.NOT_FOUND);
        }
    }

    @Test
    public void neverServesHiddenFilesNorUploadsBeingWritten() throws Exception {
        Files.writeString(root.resolve(".upload-123.partial"), "m");
        Files.writeString(root.resolve("clip.mp4.partial"), "m");
        Files.writeString(root.resolve(".hidden.mp4"), "m");
        Files.createDirectories(root.resolve(".trash"));
        Files.writeString(root.resolve(".trash/old.mp4"), "m");
        for (String path : new String[] {".upload-123.partial", "clip.mp4.partial", ".hidden.mp4", ".trash/old.mp4"}) {
            assertReason(path, Reason.NOT_FOUND);
        }
    }

    @Test
    public void rejectsWhatIsNotAReadableRegularFile() throws Exception {
        assertReason("missing.mp4", Reason.NOT_FOUND);
        assertReason("folder.mp4", Reason.NOT_FOUND);
        assertReason("sub", Reason.NOT_FOUND);
        assertReason("sub/", Reason.NOT_FOUND);
        assertReason("movie.mp4", Reason.NOT_FOUND, new MediaFolder(root.resolve("absent")));
    }

    @Test
    public void symbolicLinkLeavingTheFolderIsNotFound() throws Exception {
        Files.createSymbolicLink(root.resolve("escape.mp4"), outside.resolve("secret.mp4"));
        Files.createSymbolicLink(root.resolve("elsewhere"), outside);
        assertReason("escape.mp4", Reason.NOT_FOUND);
        assertReason("elsewhere/secret.mp4", Reason.NOT_FOUND);
    }

    @Test
    public void symbolicLinkInsideTheFolderResolvesToItsTarget() throws Exception {
        Files.createSymbolicLink(root.resolve("link.mp4"), root.resolve("movie.mp4"));
        assertEquals(root.toRealPath().resolve("movie.mp4"), folder.resolve("link.mp4"));
    }

    @Test
    public void folderReachedThroughASymbolicLinkStillConfines() throws Exception {
        Path linkedRoot = temp.getRoot().toPath().resolve("linked-media");
        Files.createSymbolicLink(linkedRoot, root);
        MediaFolder linked = new MediaFolder(linkedRoot);
        assertEquals(root.toRealPath().resolve("movie.mp4"), linked.resolve("movie.mp4"));
        Files.createSymbolicLink(root.resolve("escape.mp4"), outside.resolve("secret.mp4"));
        assertReason("escape.mp4", Reason.NOT_FOUND, linked);
    }

    @Test
    public void existingFileOfAnotherKindIsUnsupported() {
        MediaException e = assertReason("notes.txt", Reason.UNSUPPORTED);
        assertEquals("notes.txt is not a movie file (expected one of " + MediaFolder.MOVIE_EXTENSIONS + ")",
                e.getMessage());
    }

    @Test
    public void messagesCarryNoControlCharacters() {
        MediaException e = assertReason("movie\r\nX-Injected: 1.mp4", Reason.NOT_FOUND);
        assertFalse(e.getMessage(), e.getMessage().contains("\n") || e.getMessage().contains("\r"));
    }

    private MediaException assertReason(String path, Reason reason) {
        return assertReason(path, reason, folder);
    }

    private static MediaException assertReason(String path, Reason reason, MediaFolder folder) {
        try {
            Path resolved = folder.resolve(path);
            fail("'" + path + "' resolved to " + resolved);
            return null;
        } catch (MediaException e) {
            assertEquals("'" + path + "': " + e.getMessage(), reason, e.reason());
            return e;
        }
    }
}
