package org.tributary.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.tributary.security.PathRefusedException.Reason;

/**
 * The full table of request paths, escapes and malformed values against one folder:
 * <pre>
 * base/
 *   media/               the confined folder
 *     a.mp4
 *     100%.mp4           a literal percent sign is a name, not an escape
 *     sub/b.mp4
 *     sub/up.mp4       -> ../a.mp4          (a link that stays inside)
 *     out.mp4          -> ../secret.mp4     (a link that leads out)
 *     outdir           -> ..                (a folder link that leads out)
 *     dangling.mp4     -> nothing.mp4
 *   secret.mp4
 * </pre>
 */
@RunWith(Parameterized.class)
public class ConfinedFolderTest {

    private static final String OK = "OK";

    private static Path base;
    private static ConfinedFolder folder;

    @Parameters(name = "{index}: \"{0}\" -> {1}")
    public static List<Object[]> table() {
        String longName = "a/".repeat(ConfinedFolder.MAX_LENGTH / 2) + "a.mp4";
        String deep = "x/".repeat(ConfinedFolder.MAX_SEGMENTS) + "a.mp4";
        return Arrays.asList(new Object[][] {
            // what may be served
            {"a.mp4", OK, "a.mp4"},
            {"sub/b.mp4", OK, "sub/b.mp4"},
            {"sub/up.mp4", OK, "a.mp4"},
            {"100%.mp4", OK, "100%.mp4"},
            {"sub", OK, "sub"},
            {"sub/up.mp4/", Reason.MALFORMED, null},
            // parent and current segments
            {"..", Reason.MALFORMED, null},
            {"../secret.mp4", Reason.MALFORMED, null},
            {"sub/../../secret.mp4", Reason.MALFORMED, null},
            {"sub/../a.mp4", Reason.MALFORMED, null},
            {"./a.mp4", Reason.MALFORMED, null},
            {"sub/./b.mp4", Reason.MALFORMED, null},
            {"sub/..", Reason.MALFORMED, null},
            {"sub//b.mp4", Reason.MALFORMED, null},
            {"sub/", Reason.MALFORMED, null},
            {".", Reason.MALFORMED, null},
            {"", Reason.MALFORMED, null},
            {null, Reason.MALFORMED, null},
            // backslashes and Windows forms
            {"..\\secret.mp4", Reason.MALFORMED, null},
            {"sub\\..\\..\\secret.mp4", Reason.MALFORMED, null},
            {"\\secret.mp4", Reason.MALFORMED, null},
            {"C:\\Windows\\win.ini", Reason.MALFORMED, null},
            {"c:/secret.mp4", Reason.MALFORMED, null},
            {"\\\\server\\share\\a.mp4", Reason.MALFORMED, null},
            // absolute paths
            {"/etc/passwd", Reason.MALFORMED, null},
            {"//etc/passwd", Reason.MALFORMED, null},
            // percent escapes that survived the one decoding the protocol does (double encoding)
            {"%2e%2e/secret.mp4", Reason.MALFORMED, null},
            {"%2E%2E%2Fsecret.mp4", Reason.MALFORMED, null},
            {"sub%2f..%2f..%2fsecret.mp4", Reason.MALFORMED, null},
            {"..%5csecret.mp4", Reason.MALFORMED, null},
            {"%252e%252e/secret.mp4", Reason.MALFORMED, null},
            {"a.mp4%00.txt", Reason.MALFORMED, null},
            // control characters
            {"a.mp4\u0000.txt", Reason.MALFORMED, null},
            {"a.mp4\n", Reason.MALFORMED, null},
            {"sub/\u001bb.mp4", Reason.MALFORMED, null},
            {"a\u007f.mp4", Reason.MALFORMED, null},
            {"a\u0085.mp4", Reason.MALFORMED, null},
            // overlong
            {longName, Reason.MALFORMED, null},
            {deep, Reason.MALFORMED, null},
            // the file system's answer
            {"missing.mp4", Reason.MISSING, null},
            {"sub/missing/deeper.mp4", Reason.MISSING, null},
            {"dangling.mp4", Reason.MISSING, null},
            {"out.mp4", Reason.OUTSIDE, null},
            {"outdir", Reason.OUTSIDE, null},
            {"outdir/secret.mp4", Reason.OUTSIDE, null},
            {"outdir/media/a.mp4", OK, "a.mp4"},
        });
    }

    private final String path;
    private final Object expected;
    private final String target;

    public ConfinedFolderTest(String path, Object expected, String target) {
        this.path = path;
        this.expected = expected;
        this.target = target;
    }

    @BeforeClass
    public static void makeFolder() throws IOException {
        base = Files.createTempDirectory("confined");
        Path media = Files.createDirectory(base.resolve("media"));
        Files.writeString(base.resolve("secret.mp4"), "secret");
        Files.writeString(media.resolve("a.mp4"), "a");
        Files.writeString(media.resolve("100%.mp4"), "percent");
        Files.createDirectory(media.resolve("sub"));
        Files.writeString(media.resolve("sub/b.mp4"), "b");
        Files.createSymbolicLink(media.resolve("sub/up.mp4"), Path.of("../a.mp4"));
        Files.createSymbolicLink(media.resolve("out.mp4"), Path.of("../secret.mp4"));
        Files.createSymbolicLink(media.resolve("outdir"), Path.of(".."));
        Files.createSymbolicLink(media.resolve("dangling.mp4"), Path.of("nothing.mp4"));
        folder = new ConfinedFolder(media);
    }

    @AfterClass
    public static void removeFolder() throws IOException {
        try (var walk = Files.walk(base)) {
            walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void resolvesFilesOnly() {
        if (expected == OK) {
            try {
                Path file = folder.resolveFile(path);
                assertTrue(path, Files.isRegularFile(file));
            } catch (PathRefusedException e) {
                assertEquals(path, "sub", path);
                assertEquals(Reason.MISSING, e.reason());
            }
        }
    }

    @Test
    public void resolvesOnlyInsideTheFolder() throws IOException {
        if (expected == OK) {
            try {
                assertEquals(folder.root().toRealPath().resolve(target), folder.resolve(path));
                assertTrue(ConfinedFolder.problem(path).isEmpty());
            } catch (PathRefusedException e) {
                fail(path + " refused: " + e.getMessage());
            }
            return;
        }
        try {
            Path resolved = folder.resolve(path);
            fail(path + " resolved to " + resolved);
        } catch (PathRefusedException e) {
            assertEquals(e.getMessage(), expected, e.reason());
            assertEquals(expected == Reason.MALFORMED, ConfinedFolder.problem(path).isPresent());
            assertTrue("printable: " + e.getMessage(), e.getMessage().chars().noneMatch(Character::isISOControl));
            assertTrue("bounded: " + e.getMessage(), e.getMessage().length() < 300);
        }
    }
}
