package dev.latchkey.webhook;

import dev.latchkey.web.ApiException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Reads a delivery's body as its bytes arrive (non-blocking), so a slow sender holds no request thread, and settles
 * the delivery exactly once: verified (handed to be processed and answered), or refused.
 */
final class DeliveryReader implements ReadListener, AsyncListener {

    static final String TOO_SLOW = "The webhook body did not arrive within 10 seconds";
    static final String UNREADABLE = "The request body could not be read.";
    static final String PROCESSING_TOO_SLOW = "The webhook delivery could not be processed in time; try again later";

    private static final Logger LOG = Logger.getLogger(DeliveryReader.class.getName());

    /** The body arrives in pieces of up to this size; only the kept payload grows with it. */
    private final byte[] buffer = new byte[16 * 1024];
    private final AtomicBoolean settled = new AtomicBoolean();
    private final AsyncContext async;
    private final ServletInputStream in;
    private final DeliveryHeaders headers;
    private final WebhookBody body;
    private final Runnable release;
    private final BiConsumer<AsyncContext, ApiException> refuse;
    private final BiConsumer<DeliveryReader, VerifiedDelivery> process;
    private final AtomicBoolean answered = new AtomicBoolean();

    DeliveryReader(AsyncContext async, ServletInputStream in, DeliveryHeaders headers, WebhookBody body,
                   Runnable release, BiConsumer<AsyncContext, ApiException> refuse,
                   BiConsumer<DeliveryReader, VerifiedDelivery> process) {
        this.async = async;
        this.in = in;
        this.headers = headers;
        this.body = body;
        this.release = release;
        this.refuse = refuse;
        this.process = process;
    }

    /** Reads the whole body on this thread, each read within the time limit; the delivery if GitHub signed it. */
    static VerifiedDelivery readBlocking(InputStream in, DeliveryHeaders headers, WebhookBody body,
                                         Duration timeLimit) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                if (System.nanoTime() > deadline) {
                    throw new ApiException(408, TOO_SLOW);
                }
                body.append(buffer, read);
            }
        } catch (IOException broken) {
            throw new ApiException(400, UNREADABLE);
        }
        if (!body.signedBy(headers.signature())) {
            throw new ApiException(401, DeliveryHeaders.BAD_SIGNATURE);
        }
        return new VerifiedDelivery(headers, body.text());
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!settled.get() && in.isReady()) {
            int read = in.read(buffer);
            if (read == -1) {
                return;
            }
            try {
                body.append(buffer, read);
            } catch (ApiException overCap) {
                settle(overCap);
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        if (!body.signedBy(headers.signature())) {
            release.run();
            answered.set(true);
            refuse.accept(async, new ApiException(401, DeliveryHeaders.BAD_SIGNATURE));
            return;
        }
        // Signed by GitHub from here on: processed with the request's context; whoever ends it frees the place and
        // answers through claimAnswer(), unless the time limit answered first.
        process.accept(this, new VerifiedDelivery(headers, body.text()));
    }

    /**
     * True for exactly one caller: the processing of a verified delivery, or the time limit or a broken connection
     * meanwhile. Only that caller writes the answer and completes the request.
     */
    boolean claimAnswer() {
        return answered.compareAndSet(false, true);
    }

    @Override
    public void onError(Throwable failure) {
        LOG.fine(() -> "A webhook body broke off: " + failure.getClass().getSimpleName());
        settle(new ApiException(400, UNREADABLE));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        if (!settle(new ApiException(408, TOO_SLOW)) && claimAnswer()) {
            // Still being processed: the container would otherwise answer with an error page of its own.
            refuse.accept(async, new ApiException(503, PROCESSING_TOO_SLOW));
        }
    }

    @Override
    public void onError(AsyncEvent event) {
        if (!settle(new ApiException(400, UNREADABLE)) && claimAnswer()) {
            async.complete();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // Ended by the container (the client went away) before the body settled: free the place all the same.
        if (settled.compareAndSet(false, true)) {
            release.run();
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted.
    }

    /** Refuses a delivery whose body has not settled yet; false once it has (refused, or verified). */
    private boolean settle(ApiException refusal) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        release.run();
        answered.set(true);
        refuse.accept(async, refusal);
        return true;
    }

    /** A delivery whose signature matched: its headers and the payload kept for reading. */
    record VerifiedDelivery(DeliveryHeaders headers, String payload) {
    }
}
