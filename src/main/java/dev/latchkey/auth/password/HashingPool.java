package dev.latchkey.auth.password;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the requests that hash a password on a small pool of their own, so sign-ins waiting for bcrypt hold no request
 * thread that session checks need.
 *
 * <p>The pool has as many threads as hashes may run at once. A request still queued after 30 seconds, or arriving
 * when 1,000 wait, is answered 503 without hashing.
 */
@ApplicationScoped
class HashingPool {

    static final int QUEUE_LENGTH = 1000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    private ThreadPoolExecutor executor;
    private long maxWaitNanos;

    protected HashingPool() {
    }

    HashingPool(int size, ThreadFactory threads, Duration maxWait, AuditTrail audit) {
        this.audit = audit;
        start(size, threads, maxWait);
    }

    @PostConstruct
    void start() {
        start(hasher.concurrency(), threads, Duration.ofSeconds(PasswordHasher.WAIT_SECONDS));
    }

    private void start(int size, ThreadFactory factory, Duration maxWait) {
        executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_LENGTH),
                factory);
        maxWaitNanos = maxWait.toNanos();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Answers the suspended request with what {@code work} returns, or with the problem it throws, computed on the
     * pool on behalf of {@code client} (read on the request's thread: the request cannot be reached from the pool).
     */
    void answer(AsyncResponse response, ClientDevice client, Supplier<?> work) {
        long queuedAt = System.nanoTime();
        try {
            executor.execute(() -> resume(response, outcome(client, work, queuedAt)));
        } catch (RejectedExecutionException full) {
            response.resume(new ApiException(503, PasswordHasher.BUSY));
        }
    }

    private Object outcome(ClientDevice client, Supplier<?> work, long queuedAt) {
        if (System.nanoTime() - queuedAt > maxWaitNanos) {
            return new ApiException(503, PasswordHasher.BUSY);
        }
        try {
            return audit.onBehalfOf(client.ipAddress(), client.userAgent(), work);
        } catch (RuntimeException | Error failure) {
            // Mapped like a failure on the request's thread; a thrown one would leave the client waiting forever.
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
