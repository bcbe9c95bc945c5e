package dev.latchkey.auth.pat;

import java.util.regex.Pattern;

/**
 * Tells whether a string looks like a GitHub token a person can sign in with, before GitHub is ever asked.
 */
final class PatShape {

    static final int MAX_LENGTH = 255;

    // Installation (ghs_) and refresh (ghr_) tokens act for an app, not for a person, so they cannot sign anyone in.
    private static final Pattern SHAPE = Pattern.compile("(?:ghp_|github_pat_|gho_|ghu_)[A-Za-z0-9_]+");

    private PatShape() {
    }

    static boolean accepts(String token) {
        return token != null && token.length() <= MAX_LENGTH && SHAPE.matcher(token).matches();
    }

    /**
     * An OAuth App ({@code gho_}) or GitHub App ({@code ghu_}) user token: issued to some app, which need not be
     * Latchkey's; personal access tokens belong to no app.
     */
    static boolean issuedToAnApp(String token) {
        return token.startsWith("gho_") || token.startsWith("ghu_");
    }
}
