package dev.latchkey.vault;

import dev.latchkey.web.ApiException;

/**
 * The user's GitHub token is no longer accepted (revoked on GitHub, or its refresh was refused): sign in again.
 */
class GitHubAuthorizationExpiredException extends ApiException {

    static final String DETAIL = "GitHub authorization expired — please sign in with GitHub again";

    GitHubAuthorizationExpiredException() {
        super(401, DETAIL);
    }
}
