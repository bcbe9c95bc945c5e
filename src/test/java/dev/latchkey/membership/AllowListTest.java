package dev.latchkey.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowListTest {

    @Test
    void unsetOrBlankListsLetEveryoneIn() {
        assertFalse(AllowList.parse(Optional.empty(), Optional.empty()).active());
        assertFalse(AllowList.parse(Optional.of(" , "), Optional.of("")).active());
    }

    @Test
    void organizationsAreTrimmedLowerCasedAndCountedOnce() {
        AllowList list = AllowList.parse(Optional.of(" Acme, other-org ,acme,"), Optional.empty());

        assertTrue(list.active());
        assertEquals(List.of("acme", "other-org"), list.organizations());
        assertEquals("orgs=acme,other-org teams=", list.describe());
    }

    @Test
    void teamsAreOrganizationSlashSlug() {
        AllowList list = AllowList.parse(Optional.empty(), Optional.of("Acme/Core-Team, acme/ops_2,acme/core-team"));

        assertTrue(list.active());
        assertEquals(List.of(new AllowList.TeamEntry("acme", "core-team"), new AllowList.TeamEntry("acme", "ops_2")),
                list.teams());
        assertEquals("orgs= teams=acme/core-team,acme/ops_2", list.describe());
    }

    @Test
    void malformedEntriesStopTheDeploymentNamingTheEntry() {
        IllegalStateException org = assertThrows(IllegalStateException.class,
                () -> AllowList.parse(Optional.of("acme,not an org"), Optional.empty()));
        assertEquals("GITHUB_ALLOWED_ORGS must list organization logins, comma-separated, not not an org",
                org.getMessage());
        for (String team : List.of("acme", "acme/", "/core", "acme/core/extra", "ac me/core")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AllowList.parse(Optional.empty(), Optional.of(team)), team);
            assertEquals("GITHUB_ALLOWED_TEAMS must list org/team-slug entries, comma-separated, not " + team,
                    refused.getMessage());
        }
    }

    @Test
    void teamsRoutesRequireAreAskedAboutButAdmitNobody() {
        RequiredTeams required = new RequiredTeams();
        required.require(AllowList.team("Acme/Reviewers", "@RequiresGitHubTeam"));
        required.require(AllowList.team("acme/reviewers", "@RequiresGitHubTeam"));
        required.require(AllowList.team("acme/admins", "@RequiresGitHubTeam"));

        AllowList list = AllowList.parse(Optional.empty(), Optional.empty(), Optional.of("acme/admins"))
                .requiring(required.teams());

        assertFalse(list.active(), "a required team lets no one in by itself");
        assertTrue(list.checked());
        assertEquals(List.of(new AllowList.TeamEntry("acme", "admins"), new AllowList.TeamEntry("acme", "reviewers")),
                list.allTeams());
        assertEquals("orgs= teams=", list.describe());
        assertFalse(AllowList.parse(Optional.empty(), Optional.empty()).requiring(List.of()).checked());
    }

    @Test
    void readOrgIsAskedForWhenOnlyARouteRequiresATeam() {
        MembershipSettings settings = new MembershipSettings();
        settings.organizations = Optional.empty();
        settings.teams = Optional.empty();
        settings.adminTeams = Optional.empty();
        settings.checkMinutes = 60;
        settings.maxStaleHours = 24;
        settings.requiredTeams = new RequiredTeams();
        settings.read();
        assertEquals("read:user", settings.scopesToAsk("read:user"));

        settings.requiredTeams.require(AllowList.team("acme/reviewers", "@RequiresGitHubTeam"));

        assertEquals("read:user read:org", settings.scopesToAsk("read:user"));
        assertEquals(List.of("acme/reviewers"), settings.allowList().allTeams().stream().map(Object::toString)
                .toList());
        assertEquals(List.of(), settings.allowedNames(), "the sign-in pages name only the teams that let people in");
    }

    @Test
    void readOrgIsAskedForOnlyWhenAnAllowListIsSetAndNotAlreadyAsked() {
        assertEquals("repo read:user", MembershipSettings.withReadOrg("repo read:user", false));
        assertEquals("repo read:user read:org", MembershipSettings.withReadOrg("repo read:user", true));
        assertEquals("repo read:org", MembershipSettings.withReadOrg("repo read:org", true));
        assertEquals("repo,read:org", MembershipSettings.withReadOrg("repo,read:org", true));
        assertEquals("read:org", MembershipSettings.withReadOrg("", true));
    }

    @Test
    void theMostHelpfulRefusalWins() {
        Verdict sso = new Verdict(Verdict.Outcome.SSO_REQUIRED, "https://github.com/orgs/acme/sso");
        Verdict restricted = new Verdict(Verdict.Outcome.OAUTH_APP_RESTRICTED, null);

        assertEquals(sso, Verdict.NOT_A_MEMBER.or(sso).or(restricted));
        assertEquals(restricted, Verdict.NOT_A_MEMBER.or(restricted));
        assertEquals(Verdict.ADMITTED, sso.or(Verdict.ADMITTED));
        assertEquals("github_sso_required", sso.reason());
        assertEquals("not_a_member", Verdict.NOT_A_MEMBER.reason());
    }

    @Test
    void adminTeamsAreAskedAboutButDoNotGateByThemselves() {
        AllowList adminsOnly = AllowList.parse(Optional.empty(), Optional.empty(), Optional.of("Acme/Admins"));
        assertFalse(adminsOnly.active(), "admin teams alone let every GitHub account in");
        assertTrue(adminsOnly.checked(), "but memberships are checked, for the role");

        AllowList both = AllowList.parse(Optional.of("acme"), Optional.of("acme/core"),
                Optional.of("acme/admins,acme/core"));
        assertEquals(List.of(new AllowList.TeamEntry("acme", "core"), new AllowList.TeamEntry("acme", "admins")),
                both.allTeams(), "each team once, allowed ones first");
        IllegalStateException malformed = assertThrows(IllegalStateException.class,
                () -> AllowList.parse(Optional.empty(), Optional.empty(), Optional.of("acme")));
        assertEquals("GITHUB_ADMIN_TEAMS must list org/team-slug entries, comma-separated, not acme",
                malformed.getMessage());
    }
}
