package dev.latchkey.web;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
        submit(work).whenComplete((value, failure) -> resume(response, value, failure));
    }

    /** Resumes with the value, or with the failure (unwrapped from a later step's wrapper) for the mapper. */
    public static void resume(AsyncResponse response, Object value, Throwable failure) {
        if (failure instanceof CompletionException wrapped && wrapped.getCause() != null) {
            response.resume(wrapped.getCause());
        } else if (failure != null) {
            response.resume(failure);
        } else {
            response.resume(value);
        }
    }

    /**
     * What {@code work} returns, or the failure it throws, computed on the pool: for a request answered after more
     * than one step (each on its own pool). Fails with the busy 503 when the work was never run.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        long queuedAt = System.nanoTime();
        try {
            executor.execute(context.contextualRunnable(() -> complete(outcome, work, queuedAt)));
        } catch (RejectedExecutionException full) {
            outcome.completeExceptionally(new ApiException(503, busyDetail));
        }
        return outcome;
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    private <T> void complete(CompletableFuture<T> outcome, Supplier<T> work, long queuedAt) {
        if (System.nanoTime() - queuedAt > maxWaitNanos) {
            outcome.completeExceptionally(new ApiException(503, busyDetail));
            return;
        }
        try {
            outcome.complete(work.get());
        } catch (Throwable failure) {
            // Mapped like a failure on the request's thread; a thrown one would leave the client waiting forever.
            // Checked ones too: a @Transactional commit that fails throws RollbackException (seen on WildFly).
            outcome.completeExceptionally(failure);
        }
    }
}
