package dev.latchkey.web;

import java.util.Map;

/**
 * A failure a client can act on, answered as {@code application/problem+json} with its status and detail.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    public ApiException(int status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiException(int status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Whether the audit trail already has this refusal, recorded where it was decided (a ban, for example). */
    public boolean auditedWhereDecided() {
        return false;
    }
}
