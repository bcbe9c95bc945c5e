package dev.latchkey.membership;

/**
 * What the organization gate decided for one GitHub identity; of several refusals the most helpful one is kept
 * (GitHub's SSO or OAuth App rule before "not a member").
 */
record Verdict(Outcome outcome, String ssoUrl) {

    /** The outcomes, from least to most helpful to the person refused. */
    enum Outcome { NOT_A_MEMBER, OAUTH_APP_RESTRICTED, SSO_REQUIRED, ADMITTED }

    static final Verdict ADMITTED = new Verdict(Outcome.ADMITTED, null);
    static final Verdict NOT_A_MEMBER = new Verdict(Outcome.NOT_A_MEMBER, null);

    boolean admitted() {
        return outcome == Outcome.ADMITTED;
    }

    /** This verdict or the other, whichever tells the person more. */
    Verdict or(Verdict other) {
        return other.outcome.compareTo(outcome) > 0 ? other : this;
    }

    MembershipRefusal refusal() {
        return switch (outcome) {
            case SSO_REQUIRED -> MembershipRefusal.ssoRequired(ssoUrl);
            case OAUTH_APP_RESTRICTED -> MembershipRefusal.restricted();
            default -> MembershipRefusal.notAMember();
        };
    }

    /** The reason an audit event records, for example {@code not_a_member}. */
    String reason() {
        return refusal().errorCode();
    }
}
