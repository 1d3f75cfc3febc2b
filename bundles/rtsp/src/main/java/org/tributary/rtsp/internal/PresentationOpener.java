package org.tributary.rtsp.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.tributary.api.MediaPresentation;

/**
 * Opens presentations away from the event loops: a source may read a movie's index from disk or wait
 * for an origin server (an on-demand relay), and meanwhile the loop must go on serving its other
 * connections. The answer comes back on the connection's loop.
 */
final class PresentationOpener {

    private static final int THREADS = 32;
    private static final int QUEUED = 256;

    private final Executor executor;
    private final ExecutorService owned;

    private PresentationOpener(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** @return an opener with its own bounded pool; too many opens at once get 503 */
    static PresentationOpener pooled() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED), new DefaultThreadFactory("tributary-rtsp-open", true));
        pool.allowCoreThreadTimeOut(true);
        return new PresentationOpener(pool, pool);
    }

    /** @return an opener that opens on the calling thread, for tests on embedded channels */
    static PresentationOpener direct() {
        return new PresentationOpener(Runnable::run, null);
    }

    /**
     * @return the presentation, completed on {@code loop}; failed with an {@link RtspException} that
     *         carries the status to answer (possibly wrapped in a {@code CompletionException})
     */
    CompletionStage<MediaPresentation> open(ServerContext context, String path, EventLoop loop) {
        CompletableFuture<MediaPresentation> opened = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    opened.complete(RequestProcessor.open(context, path));
                } catch (RtspException | RuntimeException e) {
                    opened.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            opened.completeExceptionally(new RtspException(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "more than " + (THREADS + QUEUED) + " presentations are being opened at once"));
        }
        return opened.whenCompleteAsync((presentation, failure) -> { }, loop);
    }

    /** Stops the pool's threads; opens still running finish on their own. */
    void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
