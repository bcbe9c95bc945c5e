package dev.latchkey.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The pool that slow requests wait in: answers off the request's thread, failures as problems, a busy 503.
 */
class RequestPoolTest {

    private static final String BUSY = "Too busy; try again in a moment";
    private static final int QUEUE_LENGTH = 10;
    /** Outside a container there is no context to apply: tasks run as they are. */
    private static final ContextService NO_CONTEXT = contextService(task -> task);

    @Test
    void answersWithWhatTheWorkReturnsComputedOnAThreadOtherThanTheCallers() throws Exception {
        RequestPool pool = new RequestPool(1, QUEUE_LENGTH, Duration.ofSeconds(30), BUSY, Thread::new, NO_CONTEXT);
        RecordingResponse response = new RecordingResponse();
        Thread caller = Thread.currentThread();

        pool.answer(response, () -> Map.of("ran on the caller", Thread.currentThread() == caller));

        assertEquals(Map.of("ran on the caller", false), response.outcome());
    }

    @Test
    void answersWithTheProblemTheWorkThrows() throws Exception {
        RequestPool pool = new RequestPool(1, QUEUE_LENGTH, Duration.ofSeconds(30), BUSY, Thread::new, NO_CONTEXT);
        RecordingResponse response = new RecordingResponse();

        pool.answer(response, () -> {
            throw new ApiException(401, "Invalid credentials");
        });

        ApiException problem = assertInstanceOf(ApiException.class, response.outcome());
        assertEquals(401, problem.status());
    }

    @Test
    void answersWithACheckedFailureThrownUndeclaredAsATransactionInterceptorDoes() throws Exception {
        RequestPool pool = new RequestPool(1, QUEUE_LENGTH, Duration.ofSeconds(30), BUSY, Thread::new, NO_CONTEXT);
        RecordingResponse response = new RecordingResponse();

        pool.answer(response, () -> throwUndeclared(new RollbackException("The commit failed")));

        assertInstanceOf(RollbackException.class, response.outcome());
    }

    @Test
    void aRequestAnsweredInStepsOnTwoPoolsGetsTheLastStepsValueOrTheFirstFailure() throws Exception {
        RequestPool first = new RequestPool(1, QUEUE_LENGTH, Duration.ofSeconds(30), BUSY, Thread::new, NO_CONTEXT);
        RequestPool second = new RequestPool(1, QUEUE_LENGTH, Duration.ofSeconds(30), BUSY, Thread::new, NO_CONTEXT);
        RecordingResponse done = new RecordingResponse();
        first.submit(() -> "confirmed").thenCompose(step -> second.submit(() -> step + " and deleted"))
                .whenComplete((value, failure) -> RequestPool.resume(done, value, failure));
        assertEquals("confirmed and deleted", done.outcome());

        RecordingResponse refused = new RecordingResponse();
        AtomicBoolean secondRan = new AtomicBoolean();
        first.<String>submit(() -> {
            throw new ApiException(403, "Invalid credentials");
        }).thenCompose(step -> second.submit(() -> secondRan.getAndSet(true)))
                .whenComplete((value, failure) -> RequestPool.resume(refused, value, failure));
        ApiException problem = assertInstanceOf(ApiException.class, refused.outcome());
        assertEquals(403, problem.status());
        assertFalse(secondRan.get());
    }

    @Test
    void aRequestQueuedLongerThanTheWaitIsAnsweredBusyWithoutRunning() throws Exception {
        RequestPool pool = new RequestPool(1, QUEUE_LENGTH, Duration.ofMillis(500), BUSY, Thread::new, NO_CONTEXT);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingResponse first = new RecordingResponse();
        pool.answer(first, () -> {
            started.countDown();
            await(release);
            return "first";
        });
        // Queued only once the only thread is taken, so it is the second request that waits too long.
        assertTrue(started.await(10, TimeUnit.SECONDS), "the first request runs");
        RecordingResponse queued = new RecordingResponse();
        AtomicBoolean ran = new AtomicBoolean();
        pool.answer(queued, () -> ran.getAndSet(true));

        Thread.sleep(1500);
        release.countDown();

        assertEquals("first", first.outcome());
        ApiException busy = assertInstanceOf(ApiException.class, queued.outcome());
        assertEquals(503, busy.status());
        assertEquals(BUSY, busy.detail());
        assertFalse(ran.get(), "the queued work must not run once its client was told to try again");
    }

    @Test
    void aRequestArrivingWhenTheQueueIsFullIsAnsweredBusyAtOnce() throws Exception {
        RequestPool pool = new RequestPool(1, QUEUE_LENGTH, Duration.ofSeconds(30), BUSY, Thread::new, NO_CONTEXT);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i <= QUEUE_LENGTH; i++) {
            pool.answer(new RecordingResponse(), () -> await(release));
        }
        RecordingResponse overflow = new RecordingResponse();

        pool.answer(overflow, () -> "never");

        ApiException busy = assertInstanceOf(ApiException.class, overflow.future.getNow(null));
        assertEquals(503, busy.status());
        release.countDown();
    }

    @Test
    void runsTheWorkInsideTheContextCapturedWhenTheRequestWasQueued() throws Exception {
        ThreadLocal<Boolean> inContext = ThreadLocal.withInitial(() -> false);
        ContextService context = contextService(task -> () -> {
            inContext.set(true);
            try {
                task.run();
            } finally {
                inContext.set(false);
            }
        });
        RequestPool pool = new RequestPool(1, QUEUE_LENGTH, Duration.ofSeconds(30), BUSY, Thread::new, context);
        RecordingResponse response = new RecordingResponse();

        pool.answer(response, inContext::get);

        assertEquals(true, response.outcome());
    }

    /** A ContextService whose contextual runnables are made by {@code contextualRunnable}. */
    private static ContextService contextService(UnaryOperator<Runnable> contextualRunnable) {
        return (ContextService) Proxy.newProxyInstance(ContextService.class.getClassLoader(),
                new Class<?>[] {ContextService.class},
                (proxy, method, args) -> contextualRunnable.apply((Runnable) args[0]));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> Object throwUndeclared(Throwable failure) throws T {
        throw (T) failure;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An AsyncResponse that keeps what it was resumed with. */
    private static final class RecordingResponse implements AsyncResponse {

        final CompletableFuture<Object> future = new CompletableFuture<>();

        Object outcome() throws Exception {
            return future.get(10, TimeUnit.SECONDS);
        }

        @Override
        public boolean resume(Object response) {
            return future.complete(response);
        }

        @Override
        public boolean resume(Throwable response) {
            return future.complete(response);
        }

        @Override
        public boolean cancel() {
            return future.cancel(false);
        }

        @Override
        public boolean cancel(int retryAfter) {
            return cancel();
        }

        @Override
        public boolean cancel(Date retryAfter) {
            return cancel();
        }

        @Override
        public boolean isSuspended() {
            return !future.isDone();
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public boolean setTimeout(long time, TimeUnit unit) {
            return false;
        }

        @Override
        public void setTimeoutHandler(TimeoutHandler handler) {
        }

        @Override
        public Collection<Class<?>> register(Class<?> callback) {
            return java.util.List.of();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
            return Map.of();
        }

        @Override
        public Collection<Class<?>> register(Object callback) {
            return java.util.List.of();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
            return Map.of();
        }
    }
}
