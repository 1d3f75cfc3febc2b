package org.tributary.source.live.internal.relay;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.tributary.api.LiveSource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * One pull started because a viewer asked: an {@link OriginPull} on its own thread that viewers can
 * wait for, bounded, until the origin plays. It runs once; whether to pull again is the
 * {@link OnDemandRelay}'s decision.
 */
final class DemandedPull {

    private final OriginUrl origin;
    private final OriginPull pull;
    private final Thread thread;
    private final CompletableFuture<Void> playing = new CompletableFuture<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /**
     * @param connect how long viewers wait for the origin to play; the pull's own socket time-outs are
     *                twice as long, so a silent origin is given up by the waiting viewer, with one
     *                clear cause, rather than by a read time-out racing with it
     * @param ended   told once on the pull's thread when it ended, with the cause, or {@code null}
     *                when {@link #stop} ended it
     */
    DemandedPull(OriginUrl origin, String path, LiveSource live, Duration connect,
                 BiConsumer<DemandedPull, String> ended) {
        this.origin = origin;
        this.pull = new OriginPull(origin, path, live, (int) connect.multipliedBy(2).toMillis(),
                () -> playing.complete(null));
        this.thread = new Thread(() -> run(ended), "tributary-relay-" + path);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run(BiConsumer<DemandedPull, String> ended) {
        String cause = pull.runToEnd();
        // the relay forgets this pull before its waiters wake up, so none of them finds it still running
        ended.accept(this, stopped.get() ? null : cause);
        // waiters learn why; a pull that played has completed already and this changes nothing
        playing.completeExceptionally(new OriginException(cause));
    }

    /**
     * Waits until the origin answered PLAY.
     *
     * @throws MediaException   NOT_FOUND naming the origin and the cause when the pull failed or was stopped
     * @throws TimeoutException when the origin did not play within {@code timeout}
     */
    void awaitPlaying(Duration timeout) throws MediaException, TimeoutException {
        try {
            playing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new MediaException(Reason.NOT_FOUND, failure(origin, e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Reason.NOT_FOUND, failure(origin, "interrupted while waiting"), e);
        }
    }

    /** @return the message viewers get when the origin cannot be pulled */
    static String failure(OriginUrl origin, String cause) {
        return "relay origin " + origin + " cannot be pulled: " + cause;
    }

    /** @return whether the origin answered PLAY (and it has not failed before that) */
    boolean isPlaying() {
        return playing.isDone() && !playing.isCompletedExceptionally();
    }

    /** Ends the pull (TEARDOWN, local broadcast ended); waiters get {@code reason}. Any thread, idempotent. */
    void stop(String reason) {
        stopped.set(true);
        playing.completeExceptionally(new OriginException(reason));
        pull.close();
    }

    /** @return whether the pull's thread ended within {@code millis} */
    boolean join(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }
}
