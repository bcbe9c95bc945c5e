package dev.latchkey.web;

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
        LOG.log(Level.SEVERE, "Unexpected failure while answering a request", failure);
        return Problems.response(500, StatusDetails.forStatus(500));
    }
}
