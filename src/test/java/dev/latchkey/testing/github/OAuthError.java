package dev.latchkey.testing.github;

import java.util.Arrays;

/** The errors GitHub's token endpoint reports in a 200 answer, with its own descriptions and help anchors. */
enum OAuthError {
    INCORRECT_CLIENT_CREDENTIALS("incorrect_client_credentials",
            "The client_id and/or client_secret passed are incorrect.", "incorrect-client-credentials"),
    REDIRECT_URI_MISMATCH("redirect_uri_mismatch",
            "The redirect_uri MUST match the registered callback URL for this application.", "redirect-uri-mismatch2"),
    BAD_VERIFICATION_CODE("bad_verification_code",
            "The code passed is incorrect or expired.", "bad-verification-code"),
    BAD_REFRESH_TOKEN("bad_refresh_token",
            "The refresh token passed is incorrect or expired.", "bad-refresh-token"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type",
            "The grant type is not supported.", "unsupported-grant-type"),
    UNVERIFIED_USER_EMAIL("unverified_user_email",
            "The user must have a verified primary email.", "unverified-user-email");

    private static final String TROUBLESHOOTING =
            "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

    private final String code;
    private final String description;
    private final String anchor;

    OAuthError(String code, String description, String anchor) {
        this.code = code;
        this.description = description;
        this.anchor = anchor;
    }

    String code() {
        return code;
    }

    String description() {
        return description;
    }

    String uri() {
        return TROUBLESHOOTING + "#" + anchor;
    }

    static String descriptionOf(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst()
                .map(OAuthError::description).orElse("The request failed: " + code + ".");
    }

    static String uriOf(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst()
                .map(OAuthError::uri).orElse(TROUBLESHOOTING);
    }
}
