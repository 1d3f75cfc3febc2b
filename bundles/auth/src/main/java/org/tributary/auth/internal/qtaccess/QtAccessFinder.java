package org.tributary.auth.internal.qtaccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.auth.internal.BoundedFiles;
import org.tributary.auth.internal.FileStamp;
import org.tributary.security.ConfinedFolder;
import org.tributary.security.PathRefusedException;

/**
 * Finds the access file nearest to a request's folder inside the media folder, as QTSS does: the
 * request's own folder first, then each parent up to the media folder; the first file found
 * decides alone. Nothing outside the media folder is ever read: files are resolved through
 * {@link ConfinedFolder} (symbolic links are followed, then checked). Parsed files are cached by path and {@link FileStamp}, so an edit applies at once.
 */
final class QtAccessFinder {

    /** Largest access file read. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    /** Parsed files kept. */
    static final int CACHE_SIZE = 256;

    private static final Logger LOG = LoggerFactory.getLogger(QtAccessFinder.class);

    /**
     * An access file that applies to a request.
     *
     * @param where the file's path relative to the media folder, for messages
     * @param file  the parsed file; broken when it could not be read safely or parsed
     */
    record Found(String where, QtAccessFile file) {
    }

    private record Cached(FileStamp stamp, QtAccessFile file) {
    }

    private static final int MAX_REPORTED = 1000;

    private final ConfinedFolder folder;
    private final String fileName;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Map<Path, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * @param root     the media folder
     * @param fileName the access file's name, a plain file name
     */
    QtAccessFinder(Path root, String fileName) {
        this.folder = new ConfinedFolder(root);
        this.fileName = fileName;
    }

    Path root() {
        return folder.root();
    }

    /**
     * @param folders the request's folders below the media folder, checked segments
     * @return the nearest access file, or empty when there is none
     */
    Optional<Found> nearest(List<String> folders) {
        Path realRoot;
        try {
            realRoot = folder.root().toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(broken(fileName, "the media folder cannot be read: " + e.getMessage()));
        }
        for (int depth = folders.size(); depth >= 0; depth--) {
            String where = String.join("/", folders.subList(0, depth)) + (depth > 0 ? "/" : "") + fileName;
            Path candidate;
            try {
                candidate = realRoot.resolve(where);
            } catch (InvalidPathException e) {
                return Optional.of(broken(where, "not a valid path"));
            }
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(new Found(where, load(candidate, where)));
            }
        }
        return Optional.empty();
    }

    private QtAccessFile load(Path candidate, String where) {
        Path real;
        try {
            real = folder.resolveFile(where);
        } catch (PathRefusedException e) {
            return failed(candidate, "is refused (" + e.reason() + "): " + e.getMessage());
        }
        FileStamp stamp = FileStamp.of(real);
        synchronized (cache) {
            Cached cached = cache.get(real);
            if (cached != null && cached.stamp().equals(stamp)) {
                return cached.file();
            }
        }
        QtAccessFile file;
        try {
            file = QtAccessFile.parse(BoundedFiles.readText(real, MAX_FILE_BYTES));
        } catch (IOException e) {
            return failed(candidate, "cannot be read: " + e.getMessage());
        }
        if (file.problem().isPresent()) {
            LOG.warn("Broken access file {} line {}: {}; every request below it is denied until it is fixed",
                    real, file.brokenLine(), file.problem().get());
        }
        file.ignoredLines().forEach(line -> LOG.debug("Ignoring in {} {} (users come from the realms)", real, line));
        synchronized (cache) {
            cache.put(real, new Cached(stamp, file));
        }
        return file;
    }

    private QtAccessFile failed(Path file, String problem) {
        // such a file is looked at on every request: report each problem once, not each time
        if (reported.size() > MAX_REPORTED) {
            reported.clear();
        }
        if (reported.add(file + " " + problem)) {
            LOG.warn("Access file {} {}; every request below it is denied", file, problem);
        }
        return QtAccessFile.broken(problem);
    }

    private static Found broken(String where, String problem) {
        return new Found(where, QtAccessFile.broken(problem));
    }
}
