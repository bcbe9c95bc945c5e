package dev.latchkey.user;

/**
 * What a sign-in knows of the linked GitHub account, which decides which admin settings may count (see
 * {@link Admissions#admit(long, String, GitHubDescription)}).
 */
public enum GitHubDescription {

    /**
     * GitHub itself described the account in this very sign-in (the web flow, a personal access token, the link
     * callback), and what it said was just stored: its login and verified address are current.
     */
    JUST_DESCRIBED_BY_GITHUB,

    /**
     * GitHub was not asked (a password sign-in, a registration): the stored login and address are those of the
     * latest GitHub sign-in and may have changed hands since; only the numeric id still names the same account.
     */
    STORED_ONLY
}
