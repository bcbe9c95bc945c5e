package dev.latchkey.web;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps a failed {@code @Transactional} call like any other failure (a database that does not answer is a 503), ahead
 * of Jersey's own mapper for it (Payara), which rethrows it and leaves the server's bare 500.
 */
@Provider
public class TransactionalProblemMapper implements ExceptionMapper<TransactionalException> {

    private final ProblemMapper problems = new ProblemMapper();

    @Override
    public Response toResponse(TransactionalException failure) {
        return problems.toResponse(failure);
    }
}
