package org.tributary.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DiskRoomTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final AtomicLong free = new AtomicLong(10_000_000);
    private final List<File> asked = new ArrayList<>();
    private final DiskRoom room = new DiskRoom("Access log", folder -> {
        asked.add(folder);
        return free.get();
    }, () -> 0L);

    @Test
    public void aLineIsHeldBackWhileTheDiskHasLessThanTheReserveAndWrittenOnceThereIsRoomAgain() {
        Path file = temp.getRoot().toPath().resolve("access.log");
        assertTrue(room.room(file, 200));
        free.set(DiskRoom.RESERVE_BYTES + 199);
        assertFalse("one byte short of the reserve and the line", room.room(file, 200));
        free.set(0);
        assertFalse(room.room(file, 200));
        free.set(DiskRoom.RESERVE_BYTES + 200);
        assertTrue(room.room(file, 200));
    }

    @Test
    public void aMissingFoldersSpaceIsAskedOfItsNearestExistingAncestor() {
        Path file = temp.getRoot().toPath().resolve("not/yet/made/access.log");
        assertTrue(room.room(file, 100));
        assertEquals(temp.getRoot().getAbsoluteFile(), asked.get(0));
    }

    @Test
    public void anUnknownFileAlwaysHasRoom() {
        free.set(0);
        assertTrue(room.room(null, 100));
        assertTrue("the disk is not even asked", asked.isEmpty());
    }

    @Test
    public void theRealDiskOfATemporaryFolderHasRoom() {
        assertTrue(new DiskRoom("Access log").room(temp.getRoot().toPath().resolve("access.log"), 100));
    }
}
