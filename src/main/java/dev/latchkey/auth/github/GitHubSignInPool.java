package dev.latchkey.auth.github;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.github.GitHubSilence;
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
 * Answers the sign-ins that wait on GitHub (the OAuth callback, PAT sign-in) from a pool of their own, so a slow or
 * silent GitHub holds no request thread that session checks need.
 */
@ApplicationScoped
public class GitHubSignInPool {

    static final int THREADS = 32;
    static final int QUEUE_LENGTH = 1000;
    static final String BUSY = "Too many GitHub sign-ins at once; try again in a moment";
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ContextService context;

    @Inject
    AuditTrail audit;

    @Inject
    GitHubSilence silence;

    private RequestPool pool;

    @PostConstruct
    void start() {
        // Threads here mostly wait on the network, so more of them than cores cost little.
        pool = new RequestPool(THREADS, QUEUE_LENGTH, MAX_WAIT, BUSY, threads, context);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    /** Answers the suspended request with {@code work}'s outcome; its audit events carry {@code client}. */
    public void answer(AsyncResponse response, ClientDevice client, Supplier<?> work) {
        pool.answer(response, queued(client, work));
    }

    /** {@code work}'s outcome, computed on the pool, for a request answered after more than one step. */
    public <T> CompletableFuture<T> submit(ClientDevice client, Supplier<T> work) {
        return pool.submit(queued(client, work));
    }

    /** {@code work} as the pool runs it: on behalf of {@code client}, failing fast if GitHub fell silent meanwhile. */
    private <T> Supplier<T> queued(ClientDevice client, Supplier<T> work) {
        long queuedAt = System.nanoTime();
        return () -> silence.runQueuedAt(queuedAt,
                () -> audit.onBehalfOf(client.ipAddress(), client.userAgent(), work));
    }
}
