package dev.latchkey.membership;

import dev.latchkey.github.GitHubMemberships;
import dev.latchkey.github.OrganizationAccessRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Asks GitHub, with the user's token, whether they are an active member of an allowed organization or team,
 * matching organizations and teams by id; a pending invitation is not membership.
 */
@ApplicationScoped
class MembershipCheck {

    private static final Logger LOG = Logger.getLogger(MembershipCheck.class.getName());

    @Inject
    GitHubMemberships github;

    @Inject
    ResolvedIds ids;

    Verdict verdict(AllowList allowed, String token) {
        Verdict verdict = Verdict.NOT_A_MEMBER;
        for (String organization : allowed.organizations()) {
            verdict = verdict.or(guarded(() -> organizationVerdict(organization, token)));
            if (verdict.admitted()) {
                return verdict;
            }
        }
        for (AllowList.TeamEntry team : allowed.teams()) {
            verdict = verdict.or(guarded(() -> teamVerdict(team, token)));
            if (verdict.admitted()) {
                return verdict;
            }
        }
        return verdict;
    }

    private Verdict organizationVerdict(String login, String token) {
        Optional<Long> id = ids.organization(login, token);
        return id.isPresent() && activeMember(login, id.get(), token) ? Verdict.ADMITTED : Verdict.NOT_A_MEMBER;
    }

    /** By the configured login, else (renamed since, or the login taken by another) by the login GitHub lists now. */
    private boolean activeMember(String login, long organizationId, String token) {
        Optional<GitHubMemberships.Membership> byLogin = github.membership(login, token);
        if (byLogin.isPresent() && byLogin.get().organizationId() == organizationId) {
            return byLogin.get().active();
        }
        // GET /user/orgs lists active memberships only, under today's login.
        Map<Long, String> listed = github.organizations(token);
        String current = listed.get(organizationId);
        return current != null && github.membership(current, token)
                .filter(m -> m.organizationId() == organizationId && m.active()).isPresent();
    }

    private Verdict teamVerdict(AllowList.TeamEntry entry, String token) {
        Optional<GitHubMemberships.TeamIds> team = ids.team(entry, token);
        if (team.isEmpty()) {
            // The team's organization explains a refusal (SSO, restrictions) better than "not a member".
            Optional<Long> organization = ids.organization(entry.organization(), token);
            if (organization.isPresent() && activeMember(entry.organization(), organization.get(), token)) {
                ids.unknownTeam(entry);
            }
            return Verdict.NOT_A_MEMBER;
        }
        GitHubMemberships.UserTeams teams = github.teams(token);
        if (teams.teamIds().contains(team.get().teamId())) {
            return Verdict.ADMITTED;
        }
        return teams.ssoWithheldOrganizationIds().contains(team.get().organizationId())
                ? new Verdict(Verdict.Outcome.SSO_REQUIRED, null) : Verdict.NOT_A_MEMBER;
    }

    private static Verdict guarded(java.util.function.Supplier<Verdict> check) {
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
}
