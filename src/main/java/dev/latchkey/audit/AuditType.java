package dev.latchkey.audit;

/**
 * The kinds of security event the audit trail records, by the name stored in {@code audit_events.type}.
 */
public enum AuditType {
    SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, SESSION_ENDED, PASSWORD_CHANGED, ACCOUNT_LINKED, ACCOUNT_UNLINKED,
    ACCOUNT_DELETED, ROLE_CHANGED, USER_BANNED, USER_UNBANNED, IMPERSONATION_STARTED, IMPERSONATION_STOPPED,
    GITHUB_AUTHORIZATION_REVOKED, PASSWORD_CONFIRMATION_FAILED, SIGN_IN_REFUSED, MEMBERSHIP_ENDED;

    /** The stored name, for example {@code sign_in_failed}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
