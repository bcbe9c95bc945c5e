package dev.latchkey.vault;

import dev.latchkey.web.ApiException;

/**
 * GitHub timed out, or refused or dropped the connection, while a signed-in user's request needed it.
 */
class GitHubNotAnsweringException extends ApiException {

    GitHubNotAnsweringException() {
        super(503, "GitHub is not answering; try again later");
    }
}
