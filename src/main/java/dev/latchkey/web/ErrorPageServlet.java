package dev.latchkey.web;

import dev.latchkey.db.DatabaseFailures;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers errors raised by the container itself (outside JAX-RS) with problem+json instead of its error page.
 */
@WebServlet("/__error/*")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // A servlet or the authentication step failed because the database does not answer: say so, as JAX-RS does.
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseFailures.unavailable(failure)) {
            ProblemMapper.logUnavailable(failure);
            response.setHeader("Retry-After", Integer.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
            ProblemWriter.write(response, 503, DatabaseFailures.DETAIL);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 404;
        ProblemWriter.write(response, status, StatusDetails.forStatus(status));
    }
}
