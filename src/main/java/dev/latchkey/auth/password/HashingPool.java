package dev.latchkey.auth.password;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.web.RequestPool;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Answers the requests that hash a password from a pool of as many threads as hashes may run at once, so sign-ins
 * waiting for bcrypt hold no request thread.
 */
@ApplicationScoped
public class HashingPool {

    static final int QUEUE_LENGTH = 1000;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ContextService context;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    private RequestPool pool;

    @PostConstruct
    void start() {
        pool = new RequestPool(hasher.concurrency(), QUEUE_LENGTH, Duration.ofSeconds(PasswordHasher.WAIT_SECONDS),
                PasswordHasher.BUSY, threads, context);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    /** Answers the suspended request with {@code work}'s outcome; its audit events carry {@code client}. */
    void answer(AsyncResponse response, ClientDevice client, Supplier<?> work) {
        pool.answer(response, () -> audit.onBehalfOf(client.ipAddress(), client.userAgent(), work));
    }

    /** {@code work}'s outcome, computed on the pool, for a request that goes on elsewhere; audited as above. */
    public <T> CompletableFuture<T> submit(ClientDevice client, Supplier<T> work) {
        return pool.submit(() -> audit.onBehalfOf(client.ipAddress(), client.userAgent(), work));
    }
}
