package dev.latchkey.web;

/**
 * The detail message given for a bare HTTP status that no feature explained itself.
 */
final class StatusDetails {

    private StatusDetails() {
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: check its parameters and body.";
            case 401 -> "Not authenticated";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Not found: check the address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No acceptable representation: accept application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported content type: send application/json.";
            case 503 -> "The service is unavailable; try again later.";
            default -> status >= 500 ? "Something went wrong on our side; try again later."
                    : "The request could not be processed.";
        };
    }
}
