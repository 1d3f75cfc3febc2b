package org.tributary.core.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the disk of a log file has room for one more line, asked before each line is handed to the
 * logging system. A full disk makes the logging system fail on every line, cut the line it was writing
 * in two, and report it only on the server's console; here the line is held back instead (the file ends
 * on a whole line), and karaf.log says so once when the disk fills, every {@value #REMINDER_MINUTES}
 * minutes while it stays full (with the count of lines dropped), and once when there is room again.
 * A disk counts as full below {@value #RESERVE_BYTES} bytes free, room for the line being written and for
 * the header of a file rolled over. Thread-safe.
 */
final class DiskRoom {

    /** Free bytes kept in reserve: below this, the disk counts as full. */
    static final long RESERVE_BYTES = 64 * 1024;
    static final long REMINDER_MINUTES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DiskRoom.class);

    private final String what;
    private final ToLongFunction<File> usableBytes;
    private final LongSupplier nanoClock;
    private boolean full;
    private long dropped;
    private long remindedAt;

    /** @param what the file's role in the log lines, such as "Access log" */
    DiskRoom(String what) {
        this(what, File::getUsableSpace, System::nanoTime);
    }

    DiskRoom(String what, ToLongFunction<File> usableBytes, LongSupplier nanoClock) {
        this.what = what;
        this.usableBytes = usableBytes;
        this.nanoClock = nanoClock;
    }

    /**
     * @param file  the log file, or null when unknown (then there is always room)
     * @param bytes the size of the line to write
     * @return whether to write the line; false counts it as dropped
     */
    synchronized boolean room(Path file, int bytes) {
        if (file == null) {
            return true;
        }
        File folder = existingFolder(file);
        long free = usableBytes.applyAsLong(folder);
        boolean room = free >= RESERVE_BYTES + bytes;
        long now = nanoClock.getAsLong();
        if (room && full) {
            full = false;
            LOG.info("{} {}: its disk has room again ({} bytes free); {} line(s) were dropped while it was full",
                    what, file, free, dropped);
            dropped = 0;
        } else if (!room) {
            dropped++;
            if (!full) {
                full = true;
                remindedAt = now;
                LOG.warn("{} {}: its disk is full ({} bytes free, {} kept in reserve); lines are dropped until there is "
                        + "room (stream:log and the console still show them)", what, file, free, RESERVE_BYTES);
            } else if (now - remindedAt >= TimeUnit.MINUTES.toNanos(REMINDER_MINUTES)) {
                remindedAt = now;
                LOG.warn("{} {}: its disk is still full ({} bytes free); {} line(s) dropped so far", what, file, free,
                        dropped);
            }
        }
        return room;
    }

    /** The file's folder, or its nearest existing ancestor: the usable space of a missing path reads as 0. */
    private static File existingFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        while (folder != null && !folder.toFile().isDirectory()) {
            folder = folder.getParent();
        }
        return folder == null ? new File("/") : folder.toFile();
    }
}
