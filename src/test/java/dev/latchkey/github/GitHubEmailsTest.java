package dev.latchkey.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.testing.github.Email;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubEmailsTest {

    private FakeGitHub github;
    private GitHubEmails emails;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        GitHubSettings settings = new GitHubSettings();
        settings.apiUrl = github.apiUrl();
        settings.timeoutSeconds = 5;
        GitHubHttp http = new GitHubHttp();
        http.settings = settings;
        http.silence = new GitHubSilence();
        http.init();
        emails = new GitHubEmails();
        emails.http = http;
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void thePrimaryVerifiedAddressWinsOverVerifiedOnesListedBeforeIt() {
        assertEquals(Optional.of("main@example.com"), emailsOf(List.of(
                Email.secondary("other@example.com"), new Email("main@example.com", true, true, "private"))));
    }

    @Test
    void thePrimaryVerifiedAddressWinsEvenOnALaterPage() {
        List<Email> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(Email.secondary("old" + i + "@example.com"));
        }
        many.add(new Email("main@example.com", true, true, "private"));
        assertEquals(Optional.of("main@example.com"), emailsOf(many));
    }

    @Test
    void withAnUnverifiedPrimaryTheFirstVerifiedAddressIsTaken() {
        assertEquals(Optional.of("work@example.com"), emailsOf(List.of(
                new Email("new@example.com", true, false, "private"), new Email("typo@example.com", false, false, null),
                Email.secondary("work@example.com"), Email.secondary("home@example.com"))));
    }

    @Test
    void anUnverifiedAddressIsNeverTaken() {
        assertEquals(Optional.empty(), emailsOf(List.of(new Email("new@example.com", true, false, "private"),
                new Email("typo@example.com", false, false, null))));
        assertEquals(Optional.empty(), emailsOf(List.of()));
    }

    @Test
    void withoutTheUserEmailScopeNoAddressIsKnown() {
        GitHubUser user = github.createUser("noscope").withPrivateEmail();
        assertEquals(Optional.empty(), emails.primaryVerified(github.issueToken(user, null, "repo")));
    }

    private Optional<String> emailsOf(List<Email> addresses) {
        GitHubUser user = github.createUser("user" + System.nanoTime()).withEmails(addresses);
        return emails.primaryVerified(github.issueToken(user, null, "user:email"));
    }
}
