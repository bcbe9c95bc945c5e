package dev.latchkey.user;

import dev.latchkey.web.ApiException;

/**
 * A banned user tried to sign in or sent a request: 403 with the ban message, and the reason when one was given.
 */
public class BannedException extends ApiException {

    public static final String MESSAGE =
            "You have been banned from this application. Please contact support if you believe this is an error.";

    public BannedException(UserBan ban) {
        super(403, detail(ban));
    }

    public static String detail(UserBan ban) {
        String reason = ban.reason();
        return reason == null || reason.isBlank() ? MESSAGE : MESSAGE + " Reason: " + reason;
    }

    /** A ban refusal is audited where it is decided ({@code Admissions.refuseIfBanned}). */
    @Override
    public boolean auditedWhereDecided() {
        return true;
    }
}
