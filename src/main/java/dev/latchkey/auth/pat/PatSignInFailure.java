package dev.latchkey.auth.pat;

import dev.latchkey.web.ApiException;

/**
 * A personal-access-token sign-in that cannot finish, with the detail that tells the client what to do.
 */
class PatSignInFailure extends ApiException {

    private static final String EXPECTED_BODY = "{\"token\": \"<your GitHub personal access token>\"}";

    private PatSignInFailure(int status, String detail) {
        super(status, detail);
    }

    static PatSignInFailure notJson() {
        return new PatSignInFailure(400, "The request body must be a JSON object: " + EXPECTED_BODY);
    }

    static PatSignInFailure notJsonContentType() {
        return new PatSignInFailure(415, "Unsupported content type: send application/json.");
    }

    static PatSignInFailure missingToken() {
        return new PatSignInFailure(400, "Missing token: send " + EXPECTED_BODY);
    }

    static PatSignInFailure malformedToken() {
        return new PatSignInFailure(400, "Malformed GitHub token: expected ghp_, github_pat_, gho_ or ghu_ followed by"
                + " letters, digits or underscores, at most " + PatShape.MAX_LENGTH + " characters in all");
    }

    static PatSignInFailure invalidToken() {
        return new PatSignInFailure(401, "Invalid GitHub token");
    }

    static PatSignInFailure anotherApplication() {
        return new PatSignInFailure(401, "This token was issued to another application");
    }

    static PatSignInFailure appTokenUncheckable() {
        return new PatSignInFailure(401, "gho_ and ghu_ tokens cannot be checked because GitHub sign-in is not"
                + " configured here: sign in with a personal access token (ghp_ or github_pat_)");
    }

    static PatSignInFailure checkFailed() {
        return new PatSignInFailure(502, "Failed to check the token with GitHub");
    }

    static PatSignInFailure userFetchFailed() {
        return new PatSignInFailure(502, "Failed to fetch GitHub user");
    }

    static PatSignInFailure disabled() {
        return new PatSignInFailure(404, "Personal access token sign-in is disabled");
    }

    static PatSignInFailure noEmail() {
        return new PatSignInFailure(400,
                "Could not determine your GitHub email. Ensure the token has the user:email scope.");
    }

    static PatSignInFailure unavailable() {
        return new PatSignInFailure(503, "GitHub is not answering; try again later");
    }
}
