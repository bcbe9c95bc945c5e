package dev.latchkey.auth;

import java.util.List;

/**
 * What {@code GET /auth/providers} tells the sign-in pages: the sign-in methods enabled, whether registration is open,
 * who may sign in with GitHub ({@code organizations}: allowed organizations and teams by name, empty for everyone)
 * and where GitHub is ({@code github_url}), so a page links only there.
 */
public record SignInMethods(boolean github, boolean pat, boolean password, boolean registration,
                            List<String> organizations, String githubUrl) {

    public SignInMethods {
        organizations = List.copyOf(organizations);
    }
}
