package dev.latchkey.web;

import dev.latchkey.db.DatabaseFailures;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception into {@code application/problem+json}, so no stack trace or server detail reaches a client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException api) {
            Response.ResponseBuilder response = Response.fromResponse(Problems.response(api.status(), api.detail()));
            api.headers().forEach(response::header);
            return response.build();
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return Problems.response(status, StatusDetails.forStatus(status));
        }
        if (failure instanceof ProcessingException) {
            // Unreadable request bodies surface as processing errors in some JAX-RS implementations.
            return Problems.response(400, StatusDetails.forStatus(400));
        }
        if (DatabaseFailures.unavailable(failure)) {
            return databaseUnavailable(failure);
        }
        LOG.log(Level.SEVERE, "Unexpected failure while answering a request", failure);
        return Problems.response(500, StatusDetails.forStatus(500));
    }

    static Response databaseUnavailable(Throwable failure) {
        logUnavailable(failure);
        return Response.fromResponse(Problems.response(503, DatabaseFailures.DETAIL))
                .header("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS)
                .build();
    }

    /** Expected while the database is down: one line in the log, no stack trace for every request. */
    static void logUnavailable(Throwable failure) {
        LOG.warning(() -> "Answered 503: the database is not answering (" + rootCause(failure) + ")");
    }

    /** The innermost failure's type and message: a driver's message names the host, never bound values. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
