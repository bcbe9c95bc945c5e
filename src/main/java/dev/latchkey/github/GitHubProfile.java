package dev.latchkey.github;

import dev.latchkey.user.GitHubIdentity;
import java.util.List;

/**
 * What GitHub says of a token's owner, and the scopes the token has ({@code X-OAuth-Scopes}).
 */
public record GitHubProfile(GitHubIdentity identity, List<String> scopes) {
}
