package dev.latchkey.webhook;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.web.ApiException;
import dev.latchkey.web.ProblemWriter;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GitHub's webhook deliveries ({@code POST /webhooks/github}): judged by their headers before a byte of the body is
 * read, at most {@link #MAX_IN_FLIGHT} bodies read at once and each within {@link #BODY_TIME_LIMIT}, the signature
 * computed while the body streams in, and the payload parsed only once GitHub's signature matched.
 *
 * <p>A servlet rather than a JAX-RS resource: only the servlet API reads a body without blocking a thread on it and
 * bounds the time it may take.
 */
@WebServlet(urlPatterns = "/webhooks/github", asyncSupported = true, loadOnStartup = 1)
public class GitHubWebhookServlet extends HttpServlet {

    static final String NOT_CONFIGURED = "GitHub webhooks are not configured: set GITHUB_WEBHOOK_SECRET";
    static final String BUSY = "Too many webhook deliveries at once; try again in a moment";
    static final String FAILED = "Something went wrong on our side; try again later.";
    static final int MAX_IN_FLIGHT = 4;
    /** GitHub itself gives up on a delivery after 10 seconds. */
    static final Duration BODY_TIME_LIMIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(GitHubWebhookServlet.class.getName());

    private final DeliveriesInFlight inFlight = new DeliveriesInFlight(MAX_IN_FLIGHT, BODY_TIME_LIMIT.multipliedBy(2),
            System::nanoTime);

    @Inject
    @ConfigProperty(name = "GITHUB_WEBHOOK_SECRET")
    Optional<String> secret;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    AuditTrail audit;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ContextService context;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            response.sendError(405);
        } else {
            try {
                receive(request, response);
            } catch (ApiException refused) {
                refuse(response, refused, request.getProtocol().startsWith("HTTP/1"));
            }
        }
    }

    /** (1) configured, (2) headers, (3) a place among the bodies being read, (4) the body, signed, (5) processed. */
    private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = secret.filter(value -> !value.isEmpty())
                .orElseThrow(() -> new ApiException(503, NOT_CONFIGURED));
        DeliveryHeaders headers = DeliveryHeaders.of(request);
        Object place = new Object();
        if (!inFlight.enter(place)) {
            throw new ApiException(503, BUSY, Map.of("Retry-After", Long.toString(BODY_TIME_LIMIT.toSeconds())));
        }
        WebhookBody body = new WebhookBody(key, headers.payloadRead(), headers.declaredLength());
        if (!request.getProtocol().startsWith("HTTP/1")) {
            // Grizzly (Payara) loses or doubles answers when the body of an upgraded HTTP/2 request is read without
            // blocking; GitHub sends HTTP/1.1. This path still has the place and the time limit, checked per read.
            try {
                processed(DeliveryReader.readBlocking(request.getInputStream(), headers, body, BODY_TIME_LIMIT))
                        .write(response);
            } finally {
                inFlight.leave(place);
            }
            return;
        }
        try {
            AsyncContext async = request.startAsync();
            async.setTimeout(BODY_TIME_LIMIT.toMillis());
            ServletInputStream in = request.getInputStream();
            Runnable release = () -> inFlight.leave(place);
            DeliveryReader reader = new DeliveryReader(async, in, headers, body, release,
                    GitHubWebhookServlet::refuse, processLater(async, ClientDevice.of(request), release));
            async.addListener(reader);
            in.setReadListener(reader);
        } catch (IOException | RuntimeException failure) {
            inFlight.leave(place);
            throw failure;
        }
    }

    /**
     * (5) for a body read without blocking: processed on a managed thread, in the context of this request's thread,
     * and answered there unless the time limit answered first; its place is freed only then, so at most
     * {@link #MAX_IN_FLIGHT} bodies are held at once. Not through {@link AsyncContext#dispatch()}: Open Liberty now
     * and then loses a dispatch made from a read listener (SRVE8046E) and the client gets an empty 200.
     */
    private BiConsumer<DeliveryReader, DeliveryReader.VerifiedDelivery> processLater(
            AsyncContext async, ClientDevice client, Runnable release) {
        BiConsumer<DeliveryReader, DeliveryReader.VerifiedDelivery> process = context.contextualConsumer(
                (reader, delivery) -> {
                    try {
                        audit.onBehalfOf(client.ipAddress(), client.userAgent(),
                                () -> answerFirst(reader, processed(delivery), async));
                    } finally {
                        release.run();
                    }
                });
        return (reader, delivery) -> {
            try {
                executor.execute(() -> process.accept(reader, delivery));
            } catch (RejectedExecutionException stopping) {
                release.run();
                if (reader.claimAnswer()) {
                    refuse(async, new ApiException(503, BUSY, Map.of("Retry-After",
                            Long.toString(BODY_TIME_LIMIT.toSeconds()))));
                }
            }
        };
    }

    private static boolean answerFirst(DeliveryReader reader, WebhookAnswer answer, AsyncContext async) {
        if (!reader.claimAnswer()) {
            return false;
        }
        try {
            answer.write((HttpServletResponse) async.getResponse());
            return true;
        } catch (IOException | RuntimeException gone) {
            LOG.fine(() -> "Could not answer a webhook delivery: " + gone.getClass().getSimpleName());
            return false;
        } finally {
            async.complete();
        }
    }

    private WebhookAnswer processed(DeliveryReader.VerifiedDelivery delivery) {
        DeliveryHeaders headers = delivery.headers();
        try {
            JsonObject payload = headers.payloadRead()
                    ? WebhookPayload.parse(delivery.payload(), headers.contentType()) : JsonValue.EMPTY_JSON_OBJECT;
            return new WebhookAnswer(200, deliveries.process(headers.id(), headers.event(), payload));
        } catch (ApiException refused) {
            return new WebhookAnswer(refused.status(), refused.detail());
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "Unexpected failure while processing a webhook delivery", unexpected);
            return new WebhookAnswer(500, FAILED);
        }
    }

    /** Answers a refused delivery, closing an HTTP/1 connection: the rest of its body is never read. */
    private static void refuse(HttpServletResponse response, ApiException refused, boolean http1)
            throws IOException {
        refused.headers().forEach(response::setHeader);
        if (http1) {
            response.setHeader("Connection", "close");
        }
        ProblemWriter.write(response, refused.status(), refused.detail());
    }

    private static void refuse(AsyncContext async, ApiException refused) {
        try {
            refuse((HttpServletResponse) async.getResponse(), refused, true);
        } catch (IOException | RuntimeException gone) {
            LOG.fine(() -> "Could not answer a refused webhook delivery: " + gone.getClass().getSimpleName());
        } finally {
            async.complete();
        }
    }
}
