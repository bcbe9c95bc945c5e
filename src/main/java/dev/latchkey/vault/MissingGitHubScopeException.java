package dev.latchkey.vault;

import dev.latchkey.web.ApiException;

/**
 * A route needs an OAuth scope the user's stored GitHub token lacks; reconnecting GitHub grants it.
 */
public class MissingGitHubScopeException extends ApiException {

    public MissingGitHubScopeException(String scope) {
        super(403, "Your GitHub authorization lacks the " + scope + " scope — reconnect GitHub to grant it");
    }
}
