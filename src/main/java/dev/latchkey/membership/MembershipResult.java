package dev.latchkey.membership;

import java.util.Arrays;

/**
 * The result of a membership check as stored and shown to admins, for example {@code member} or {@code not_a_member}.
 */
public enum MembershipResult {
    NOT_CHECKED("not_checked"),
    MEMBER("member"),
    NOT_A_MEMBER("not_a_member"),
    SSO_REQUIRED("github_sso_required"),
    ORG_ACCESS_RESTRICTED("org_access_restricted"),
    NO_GITHUB_TOKEN("no_github_token"),
    GITHUB_UNAVAILABLE("github_unavailable"),
    GITHUB_ERROR("github_error");

    private final String code;

    MembershipResult(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether GitHub said the user may not be let in (as opposed to letting them in or not answering). */
    boolean refusal() {
        return this == NOT_A_MEMBER || this == SSO_REQUIRED || this == ORG_ACCESS_RESTRICTED || this == NO_GITHUB_TOKEN;
    }

    static MembershipResult of(Verdict verdict) {
        return switch (verdict.outcome()) {
            case ADMITTED -> MEMBER;
            case SSO_REQUIRED -> SSO_REQUIRED;
            case OAUTH_APP_RESTRICTED -> ORG_ACCESS_RESTRICTED;
            case NOT_A_MEMBER -> NOT_A_MEMBER;
        };
    }

    static MembershipResult of(String code) {
        return Arrays.stream(values()).filter(result -> result.code.equals(code)).findFirst().orElse(NOT_CHECKED);
    }
}
