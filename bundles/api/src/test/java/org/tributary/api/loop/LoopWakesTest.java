package org.tributary.api.loop;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.Test;

public class LoopWakesTest {

    /** An executor that keeps its tasks until run. */
    private static class Loop implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
        }
    }

    private static final class Target implements LoopWakes.Wakeable {
        final Loop loop;
        boolean pending;
        int woken;

        Target(Loop loop) {
            this.loop = loop;
        }

        @Override
        public Executor executor() {
            return loop;
        }

        @Override
        public boolean claimWake() {
            boolean claimed = !pending;
            pending = true;
            return claimed;
        }

        @Override
        public void woken() {
            pending = false;
            woken++;
        }
    }

    @Test
    public void oneTaskPerLoopWakesEveryTargetOnIt() {
        Loop a = new Loop();
        Loop b = new Loop();
        List<Target> targets = List.of(new Target(a), new Target(b), new Target(a), new Target(a));
        LoopWakes.wake(targets);
        assertEquals(1, a.tasks.size());
        assertEquals(1, b.tasks.size());
        a.runAll();
        b.runAll();
        targets.forEach(target -> assertEquals(1, target.woken));
    }

    @Test
    public void aTargetWithAWakePendingIsNotWokenTwice() {
        Loop a = new Loop();
        Target target = new Target(a);
        LoopWakes.wake(List.of(target));
        LoopWakes.wake(List.of(target));
        assertEquals(1, a.tasks.size());
        a.runAll();
        assertEquals(1, target.woken);
        LoopWakes.wake(List.of(target));
        assertEquals(1, a.tasks.size());
    }

    @Test
    public void oneTargetIsWokenOnceUntilItsWakeRuns() {
        Loop a = new Loop();
        Target target = new Target(a);
        LoopWakes.wake(target);
        LoopWakes.wake(target);
        assertEquals(1, a.tasks.size());
        a.runAll();
        assertEquals(1, target.woken);
        LoopWakes.wake(target);
        assertEquals(1, a.tasks.size());
    }

    @Test
    public void aLoopThatWasShutDownIsSkipped() {
        Loop live = new Loop();
        Loop shutDown = new Loop() {
            @Override
            public void execute(Runnable task) {
                throw new java.util.concurrent.RejectedExecutionException("event executor terminated");
            }
        };
        Target gone = new Target(shutDown);
        Target alive = new Target(live);
        LoopWakes.wake(gone);
        LoopWakes.wake(List.of(gone, alive, new Target(shutDown)));
        live.runAll();
        assertEquals(1, alive.woken);
        assertEquals(0, gone.woken);
    }
}
