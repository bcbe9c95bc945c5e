package dev.latchkey.web;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bounded pool that answers suspended JAX-RS requests, so requests that wait long (on bcrypt, on GitHub) hold no
 * request thread that session checks need.
 *
 * <p>A request still queued after {@code maxWait}, or arriving while {@code queueLength} wait, is answered 503 with
 * {@code busyDetail} and its work never runs.
 *
 * <p>Each task runs in the container context captured when it was queued ({@code context}), begun and ended around
 * the task: on a managed thread alone, Open Liberty keeps one context for the thread's whole life, and with it every
 * connection the thread's tasks used, until the pool has taken all of them.
 */
public final class RequestPool {

    private final ThreadPoolExecutor executor;
    private final long maxWaitNanos;
    private final String busyDetail;
    private final ContextService context;

    public RequestPool(int size, int queueLength, Duration maxWait, String busyDetail, ThreadFactory threads,
            ContextService context) {
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueLength), threads);
        this.maxWaitNanos = maxWait.toNanos();
        this.busyDetail = busyDetail;
        this.context = context;
    }

    /**
     * Answers the suspended request with what {@code work} returns, or with the problem it throws, computed on the
     * pool. The work must not reach for the request itself (its scope is not active there): read it first.
     */
    public void answer(AsyncResponse response, Supplier<?> work) {
        long queuedAt = System.nanoTime();
        try {
            executor.execute(context.contextualRunnable(() -> resume(response, outcome(work, queuedAt))));
        } catch (RejectedExecutionException full) {
            response.resume(new ApiException(503, busyDetail));
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    private Object outcome(Supplier<?> work, long queuedAt) {
        if (System.nanoTime() - queuedAt > maxWaitNanos) {
            return new ApiException(503, busyDetail);
        }
        try {
            return work.get();
        } catch (Throwable failure) {
            // Mapped like a failure on the request's thread; a thrown one would leave the client waiting forever.
            // Checked ones too: a @Transactional commit that fails throws RollbackException (seen on WildFly).
            return failure;
        }
    }

    private static void resume(AsyncResponse response, Object outcome) {
        if (outcome instanceof Throwable failure) {
            response.resume(failure);
        } else {
            response.resume(outcome);
        }
    }
}
