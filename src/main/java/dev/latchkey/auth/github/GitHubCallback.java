package dev.latchkey.auth.github;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.SignInSessions;
import dev.latchkey.user.Admissions;
import dev.latchkey.user.BannedException;
import dev.latchkey.user.GitHubDescription;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import dev.latchkey.github.GitHubClient;
import dev.latchkey.github.GitHubGrant;
import dev.latchkey.github.GitHubProfile;
import dev.latchkey.github.GitHubRefusedException;
import dev.latchkey.github.GitHubUnavailableException;
import dev.latchkey.membership.MembershipRefusal;
import dev.latchkey.membership.Admission;
import dev.latchkey.membership.OrganizationGate;

/**
 * Completes a GitHub sign-in, or the linking of GitHub to a signed-in account, when GitHub sends the browser back.
 *
 * <pre>
 * browser ── GET /auth/github/callback?code&amp;state ──▶ Latchkey
 *   (1) consume the state, once, atomically       (2) check it was issued to this browser
 *   (3) honour GitHub's own error                  (3b) when linking, check the session that asked is live
 *   (4) exchange the code (PKCE)        ──▶ GitHub (5) fetch the user (and emails)   ──▶ GitHub
 *   (6) refuse a banned user                       (6b) refuse a non-member of the allowed orgs/teams ──▶ GitHub
 *   (7) when linking, attach GitHub to the account that asked
 *   (8) record user and encrypted token            (9) start a new session (ending the one that asked to link),
 *                                                      then 302 to the frontend
 * </pre>
 */
@ApplicationScoped
class GitHubCallback {

    private static final Logger LOG = Logger.getLogger(GitHubCallback.class.getName());

    @Inject
    OAuthStates states;

    @Inject
    GitHubClient github;

    @Inject
    GitHubAccounts accounts;

    @Inject
    SignInSessions sessions;

    @Inject
    FrontendRedirects frontend;

    @Inject
    GitHubLinks links;

    @Inject
    Users users;

    @Inject
    Admissions admissions;

    @Inject
    AuditTrail audit;

    @Inject
    OrganizationGate gate;

    /** What GitHub (and the browser) brought back. */
    record Arrival(String code, String state, String error, String boundState, ClientDevice device) {
    }

    /** A finished sign-in: the session started and where the browser goes next. */
    record Completed(SignInSessions.IssuedSession session, URI destination) {
    }

    Completed complete(Arrival arrival) {
        // (1) Consumed before anything else, so a state is never usable twice even when a later step fails.
        OAuthState state = consume(arrival.state()).orElseThrow(GitHubSignInFailure::invalidState);
        // (2) The state must come back to the browser it was issued to.
        if (!sameSecret(arrival.state(), arrival.boundState())) {
            throw GitHubSignInFailure.invalidState();
        }
        // Built before anything is written, and cleaned again (a state may predate today's rules), so no failure to
        // build it can follow a stored session.
        URI destination = frontend.to(frontend.sanitize(state.redirectPath()));
        // (3) GitHub's own answer: the user may have said no.
        if (arrival.error() != null) {
            throw "access_denied".equals(arrival.error())
                    ? GitHubSignInFailure.accessDenied() : GitHubSignInFailure.authorizationRefused();
        }
        if (arrival.code() == null || arrival.code().isBlank() || arrival.code().length() > 256) {
            throw GitHubSignInFailure.exchangeFailed();
        }
        // (3b) Ending sessions or changing the password meanwhile stops a link that a session thief started.
        Optional<OAuthStates.Linking> linking = state.linking();
        if (linking.isPresent() && !links.askedByLiveSession(linking.get())) {
            throw GitHubSignInFailure.signInAgainToLink();
        }
        // (4) Code for token.
        GitHubGrant grant = exchange(arrival.code(), state.codeVerifier());
        // (5) Who signed in.
        GitHubProfile profile = fetchProfile(grant.accessToken());
        // (6) Before anything of theirs is written; a linking user is checked when their session starts.
        refuseIfBanned(profile);
        // (6b) Only members of an allowed organization or team, asked with the token just issued.
        Admission admission = admitMember(profile, grant.accessToken(), linking.map(OAuthStates.Linking::userId));
        // (7) Never by matching emails: only an authorization the signed-in user started links an account.
        linking.ifPresent(asked -> link(asked.userId(), profile));
        // (8) One row per GitHub account, even when first sign-ins race; a linked account is found by its GitHub id.
        User user = accounts.record(profile, grant);
        // (8b) What the gate found (memberships, an admin team's role) is the user's from this sign-in on.
        gate.admitted(user.id(), admission, linking.isPresent() ? "link" : "github");
        // (9) A new session every time: no fixation. It replaces the browser's session that asked to link.
        try {
            SignInSessions.IssuedSession session = sessions.begin(user.id(), arrival.device(), "github",
                    GitHubDescription.JUST_DESCRIBED_BY_GITHUB);
            linking.ifPresent(links::endAskingSession);
            return new Completed(session, destination);
        } catch (BannedException banned) {
            throw GitHubSignInFailure.banned(banned.detail());
        }
    }

    private void refuseIfBanned(GitHubProfile profile) {
        try {
            users.findByGitHubId(profile.identity().githubId())
                    .ifPresent(known -> admissions.refuseIfBanned(known, "github"));
        } catch (BannedException banned) {
            throw GitHubSignInFailure.banned(banned.detail());
        }
    }

    private Admission admitMember(GitHubProfile profile, String token, Optional<Long> linkingUserId) {
        try {
            return gate.admit(profile.identity(), token, linkingUserId.isPresent() ? "link" : "github", linkingUserId);
        } catch (MembershipRefusal refused) {
            if ("not_a_member".equals(refused.errorCode())) {
                // Latchkey keeps nothing of a refused sign-in, so the grant GitHub just made is withdrawn too.
                revokeQuietly(token);
            }
            throw GitHubSignInFailure.membership(refused);
        }
    }

    private void revokeQuietly(String token) {
        try {
            github.revokeToken(token);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not revoke a refused sign-in's GitHub token: " + e.getClass().getSimpleName());
        }
    }

    private void link(long userId, GitHubProfile profile) {
        try {
            links.attach(userId, profile.identity());
            audit.record(AuditType.ACCOUNT_LINKED, userId, userId,
                    Map.of("provider", "github", "login", profile.identity().login()));
        } catch (GitHubSignInFailure refused) {
            throw refused;
        } catch (RuntimeException lostRace) {
            // A simultaneous link or first sign-in took this GitHub account: the unique index refused the second.
            if (links.ownedByAnother(userId, profile.identity().githubId())) {
                throw GitHubSignInFailure.alreadyLinked();
            }
            throw lostRace;
        }
    }

    private Optional<OAuthState> consume(String state) {
        try {
            return states.consume(state);
        } catch (RuntimeException concurrentConsumerWon) {
            return Optional.empty();
        }
    }

    private GitHubGrant exchange(String code, String verifier) {
        try {
            return github.exchangeCode(code, verifier);
        } catch (GitHubUnavailableException e) {
            LOG.warning(() -> "GitHub code exchange failed: " + e.getMessage());
            throw GitHubSignInFailure.unavailable();
        } catch (GitHubRefusedException e) {
            LOG.info(() -> "GitHub refused a code exchange: " + e.getMessage());
            throw e.serverError() ? GitHubSignInFailure.exchangeFailedAtGitHub() : GitHubSignInFailure.exchangeFailed();
        }
    }

    private GitHubProfile fetchProfile(String token) {
        try {
            return github.fetchProfile(token);
        } catch (GitHubUnavailableException e) {
            LOG.warning(() -> "GitHub did not answer for the user: " + e.getMessage());
            throw GitHubSignInFailure.unavailable();
        } catch (GitHubRefusedException | ClassCastException | NullPointerException | ArithmeticException e) {
            LOG.warning(() -> "Could not read the GitHub user: " + e.getMessage());
            throw GitHubSignInFailure.userFetchFailed();
        }
    }

    private static boolean sameSecret(String presented, String bound) {
        return bound != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), bound.getBytes(StandardCharsets.UTF_8));
    }
}
