package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.channel.DefaultEventLoop;
import org.junit.After;
import org.junit.Test;

/** One timer per loop: the sessions due in the same tick all write, then each flushes once. */
public class PacingWheelTest {

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @After
    public void tearDown() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** Logs its wake-ups and flushes, and their times. */
    private final class Logged extends PacingWheel.Paced {
        final String name;
        final List<Long> wokenAt = new CopyOnWriteArrayList<>();

        Logged(String name) {
            this.name = name;
        }

        @Override
        void wake() {
            wokenAt.add(System.nanoTime());
            events.add("wake " + name);
        }

        @Override
        void flush() {
            events.add("flush " + name);
        }
    }

    @Test
    public void sessionsDueInOneTickAllWakeBeforeAnyFlushes() throws Exception {
        Logged a = new Logged("a");
        Logged b = new Logged("b");
        Logged c = new Logged("c");
        loop.submit(() -> {
            long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
            PacingWheel.of(loop).schedule(a, due);
            PacingWheel.of(loop).schedule(b, due);
            PacingWheel.of(loop).schedule(c, due + TimeUnit.MILLISECONDS.toNanos(50));
        }).get();

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 6);
        assertEquals(List.of("wake a", "wake b"), sorted(events.subList(0, 2)));
        assertEquals(List.of("flush a", "flush b"), sorted(events.subList(2, 4)));
        assertEquals(List.of("wake c", "flush c"), events.subList(4, 6));
    }

    @Test
    public void aNewWakeUpReplacesTheOneWaitedFor() throws Exception {
        Logged a = new Logged("a");
        long[] asked = new long[1];
        loop.submit(() -> {
            long now = System.nanoTime();
            PacingWheel.of(loop).schedule(a, now + TimeUnit.MILLISECONDS.toNanos(40));
            asked[0] = now + TimeUnit.MILLISECONDS.toNanos(20);
            PacingWheel.of(loop).schedule(a, asked[0]);
        }).get();

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        // a second wake-up would come 20 ms after the first
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        long early = asked[0] - a.wokenAt.get(0);
        assertTrue("woke " + early + " ns before the time asked", early <= PacingWheel.TICK_NANOS);
    }

    @Test
    public void schedulingFromAnotherThreadHandsTheWakeUpToTheLoop() {
        Logged a = new Logged("a");
        Thread[] woke = new Thread[1];
        PacingWheel.of(loop).schedule(new PacingWheel.Paced() {
            @Override
            void wake() {
                woke[0] = Thread.currentThread();
                a.wake();
            }

            @Override
            void flush() {
                a.flush();
            }
        }, System.nanoTime());

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertTrue(loop.inEventLoop(woke[0]));
    }

    @Test
    public void aWakeUpInThePastComesAtTheNextTick() throws Exception {
        Logged a = new Logged("a");
        loop.submit(() -> PacingWheel.of(loop).schedule(a, System.nanoTime() - TimeUnit.SECONDS.toNanos(1))).get();

        await().atMost(Duration.ofSeconds(5)).until(() -> events.equals(List.of("wake a", "flush a")));
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
