package org.tributary.source.file.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.source.file.internal.mp4.MovieIndex;

/**
 * A small least-recently-used cache of parsed movie indexes, keyed by a file's real path, size and
 * modification time: many viewers of one movie share one parse, and a replaced file is parsed
 * again. Concurrent requests for the same file wait for a single parse. Failures are not cached.
 */
final class MovieIndexCache {

    /** Parses a movie when the cache does not hold it. */
    @FunctionalInterface
    interface Loader {
        MovieIndex load(Path file) throws MediaException;
    }

    private record Key(Path file, long size, FileTime modified) {
    }

    private final int capacity;
    private final Map<Key, CompletableFuture<MovieIndex>> entries;

    /** @param capacity the number of indexes kept; 0 or less disables caching */
    MovieIndexCache(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<MovieIndex>> eldest) {
                return size() > MovieIndexCache.this.capacity;
            }
        };
    }

    /**
     * @param file   the real path of the movie
     * @param loader parses it when needed
     * @return the cached or freshly parsed index
     */
    MovieIndex get(Path file, Loader loader) throws MediaException {
        if (capacity == 0) {
            return loader.load(file);
        }
        Key key = keyOf(file);
        CompletableFuture<MovieIndex> future;
        boolean owner = false;
        synchronized (entries) {
            future = entries.get(key);
            if (future == null) {
                // an older version of the same file will not be asked for again
                entries.keySet().removeIf(k -> k.file().equals(file));
                future = new CompletableFuture<>();
                entries.put(key, future);
                owner = true;
            }
        }
        if (owner) {
            try {
                future.complete(loader.load(file));
            } catch (MediaException | RuntimeException e) {
                synchronized (entries) {
                    entries.remove(key, future);
                }
                future.completeExceptionally(e);
            }
        }
        return await(future, file);
    }

    /** @return the number of indexes held */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private static Key keyOf(Path file) throws MediaException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Key(file, attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            throw new MediaException(Reason.NOT_FOUND, file.getFileName() + " cannot be read: " + e, e);
        }
    }

    private static MovieIndex await(CompletableFuture<MovieIndex> future, Path file) throws MediaException {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MediaException media) {
                throw new MediaException(media.reason(), media.getMessage(), media);
            }
            throw new MediaException(Reason.CORRUPT, file.getFileName() + " could not be indexed: " + cause, cause);
        }
    }
}
