package dev.latchkey.membership;

import dev.latchkey.github.GitHubMemberships;
import dev.latchkey.github.GitHubUnavailableException;
import dev.latchkey.github.OrganizationAccessRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Asks GitHub, with the user's token, which allowed and admin organizations and teams they are an active member of,
 * matching by id; a pending invitation is not membership, and the whole check has a deadline.
 */
@ApplicationScoped
class MembershipCheck {

    private static final Logger LOG = Logger.getLogger(MembershipCheck.class.getName());
    /** Long enough for a few slow answers from GitHub, short enough that a sign-in does not seem to hang. */
    static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    GitHubMemberships github;

    @Inject
    AllowedIds ids;

    Examination examine(AllowList allowed, String token) {
        Instant askedAt = Instant.now();
        Asking asking = new Asking(token, System.nanoTime() + DEADLINE.toNanos());
        Verdict verdict = Verdict.NOT_A_MEMBER;
        List<String> found = new ArrayList<>();
        for (String organization : allowed.organizations()) {
            Verdict one = guarded(() -> organizationVerdict(organization, asking));
            verdict = verdict.or(one);
            if (one.admitted()) {
                found.add(organization);
            }
        }
        Optional<String> adminTeam = Optional.empty();
        for (AllowList.TeamEntry team : allowed.allTeams()) {
            Verdict one = guarded(() -> teamVerdict(team, asking));
            if (allowed.teams().contains(team)) {
                verdict = verdict.or(one);
            }
            if (one.admitted()) {
                found.add(team.toString());
                if (adminTeam.isEmpty() && allowed.adminTeams().contains(team)) {
                    adminTeam = Optional.of(team.toString());
                }
            }
        }
        // An admin team's member is let in too: the team is part of an organization the deployment trusts.
        if (!allowed.active() || adminTeam.isPresent()) {
            verdict = Verdict.ADMITTED;
        }
        return new Examination(verdict, found, adminTeam, askedAt);
    }

    private Verdict organizationVerdict(String login, Asking asking) {
        Optional<Long> id = asking.call(() -> ids.organization(login, asking.token));
        return id.isPresent() && activeMember(login, id.get(), asking) ? Verdict.ADMITTED : Verdict.NOT_A_MEMBER;
    }

    /** By the configured login, else (renamed since, or the login taken by another) by the login GitHub lists now. */
    private boolean activeMember(String login, long organizationId, Asking asking) {
        Optional<GitHubMemberships.Membership> byLogin = asking.call(() -> github.membership(login, asking.token));
        if (byLogin.isPresent() && byLogin.get().organizationId() == organizationId) {
            return byLogin.get().active();
        }
        // GET /user/orgs lists active memberships only, under today's login.
        String current = asking.organizations().get(organizationId);
        return current != null && asking.call(() -> github.membership(current, asking.token))
                .filter(m -> m.organizationId() == organizationId && m.active()).isPresent();
    }

    private Verdict teamVerdict(AllowList.TeamEntry entry, Asking asking) {
        Optional<GitHubMemberships.TeamIds> team = asking.call(() -> ids.team(entry, asking.token));
        if (team.isEmpty()) {
            // The team's organization explains a refusal (SSO, restrictions) better than "not a member".
            Optional<Long> organization = asking.call(() -> ids.organization(entry.organization(), asking.token));
            if (organization.isPresent() && activeMember(entry.organization(), organization.get(), asking)) {
                ids.unknownTeam(entry);
            }
            return Verdict.NOT_A_MEMBER;
        }
        GitHubMemberships.UserTeams teams = asking.teams();
        if (teams.teamIds().contains(team.get().teamId())) {
            return Verdict.ADMITTED;
        }
        return teams.ssoWithheldOrganizationIds().contains(team.get().organizationId())
                ? new Verdict(Verdict.Outcome.SSO_REQUIRED, null) : Verdict.NOT_A_MEMBER;
    }

    private static Verdict guarded(Supplier<Verdict> check) {
        try {
            return check.get();
        } catch (OrganizationAccessRefusedException refused) {
            return switch (refused.reason()) {
                case SSO_REQUIRED -> new Verdict(Verdict.Outcome.SSO_REQUIRED, refused.ssoUrl());
                case OAUTH_APP_RESTRICTED -> new Verdict(Verdict.Outcome.OAUTH_APP_RESTRICTED, null);
                case NO_ACCESS -> {
                    LOG.info("GitHub refused a token the user's organization memberships (no read:org scope?)");
                    yield Verdict.NOT_A_MEMBER;
                }
            };
        }
    }

    /** One check's questions to GitHub: each list asked at most once, none after the deadline. */
    private final class Asking {

        private final String token;
        private final long deadline;
        private Map<Long, String> organizations;
        private GitHubMemberships.UserTeams teams;

        Asking(String token, long deadline) {
            this.token = token;
            this.deadline = deadline;
        }

        <T> T call(Supplier<T> question) {
            if (System.nanoTime() - deadline > 0) {
                throw new GitHubUnavailableException("GitHub took longer than " + DEADLINE.toSeconds()
                        + " s to answer an organization membership check");
            }
            return question.get();
        }

        Map<Long, String> organizations() {
            if (organizations == null) {
                organizations = call(() -> github.organizations(token));
            }
            return organizations;
        }

        GitHubMemberships.UserTeams teams() {
            if (teams == null) {
                teams = call(() -> github.teams(token));
            }
            return teams;
        }
    }
}
