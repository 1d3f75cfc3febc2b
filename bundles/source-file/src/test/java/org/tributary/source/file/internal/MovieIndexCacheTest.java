package org.tributary.source.file.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.source.file.internal.mp4.MovieIndex;
import org.tributary.source.file.internal.mp4.MovieIndexParser;

public class MovieIndexCacheTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final AtomicInteger loads = new AtomicInteger();
    private Path a;
    private Path b;
    private Path c;

    @Before
    public void copyMovies() throws Exception {
        Path sample = Paths.get(getClass().getResource("/tiny-mp3.mp4").toURI());
        a = Files.copy(sample, temp.getRoot().toPath().resolve("a.mp4"));
        b = Files.copy(sample, temp.getRoot().toPath().resolve("b.mp4"));
        c = Files.copy(sample, temp.getRoot().toPath().resolve("c.mp4"));
    }

    private MovieIndex load(Path file) throws MediaException {
        loads.incrementAndGet();
        try (FileChannel channel = FileChannel.open(file)) {
            return MovieIndexParser.parse(file, channel, file.getFileName().toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void sameFileVersionIsParsedOnce() throws Exception {
        MovieIndexCache cache = new MovieIndexCache(4);
        MovieIndex first = cache.get(a, this::load);
        assertSame(first, cache.get(a, this::load));
        assertEquals(1, loads.get());
    }

    @Test
    public void changedFileIsParsedAgainAndTheOldVersionDropped() throws Exception {
        MovieIndexCache cache = new MovieIndexCache(4);
        MovieIndex first = cache.get(a, this::load);
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 10_000));
        MovieIndex second = cache.get(a, this::load);
        assertEquals(2, loads.get());
        assertEquals(1, cache.size());
        assertSame(second, cache.get(a, this::load));
        assertEquals(first.duration(), second.duration(), 0);
    }

    @Test
    public void leastRecentlyUsedIsEvicted() throws Exception {
        MovieIndexCache cache = new MovieIndexCache(2);
        cache.get(a, this::load);
        cache.get(b, this::load);
        cache.get(a, this::load);
        cache.get(c, this::load);
        assertEquals(3, loads.get());
        cache.get(a, this::load);
        assertEquals(3, loads.get());
        cache.get(b, this::load);
        assertEquals(4, loads.get());
    }

    @Test
    public void failuresAreNotCached() throws Exception {
        MovieIndexCache cache = new MovieIndexCache(2);
        MediaException e = assertThrows(MediaException.class, () -> cache.get(a, file -> {
            throw new MediaException(Reason.CORRUPT, "a.mp4 is bad");
        }));
        assertEquals(Reason.CORRUPT, e.reason());
        assertEquals("a.mp4 is bad", e.getMessage());
        cache.get(a, this::load);
        assertEquals(1, loads.get());
    }

    @Test
    public void zeroCapacityParsesEveryTime() throws Exception {
        MovieIndexCache cache = new MovieIndexCache(0);
        cache.get(a, this::load);
        cache.get(a, this::load);
        assertEquals(2, loads.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void concurrentViewersWaitForOneParse() throws Exception {
        MovieIndexCache cache = new MovieIndexCache(4);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> viewers = new ArrayList<>();
        List<MovieIndex> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread viewer = new Thread(() -> {
                try {
                    MovieIndex index = cache.get(a, file -> {
                        awaitQuietly(release);
                        return load(file);
                    });
                    synchronized (results) {
                        results.add(index);
                    }
                } catch (MediaException | RuntimeException e) {
                    throw new IllegalStateException(e);
                }
            });
            viewers.add(viewer);
            viewer.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> viewers.stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING));
        release.countDown();
        for (Thread viewer : viewers) {
            viewer.join(10_000);
        }
        assertEquals(8, results.size());
        assertEquals(1, loads.get());
        results.forEach(index -> assertSame(results.get(0), index));
    }
}
