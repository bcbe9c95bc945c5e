package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Latchkey counting rate limits in its own memory ({@code RATE_LIMIT_STORE=memory}): the limits hold as exactly on
 * one server, and nothing is written to, or read from, the database for them.
 */
@ExtendWith(ArquillianExtension.class)
class MemoryRateLimitsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.withSettings(Map.of("RATE_LIMIT_STORE", "memory",
                "RATE_LIMIT_SIGNIN_PER_MINUTE", "3", "BCRYPT_COST", "4",
                // Every caller is a trusted proxy here, so X-Forwarded-For lets one test pose as many clients.
                "TRUSTED_PROXIES", "0.0.0.0/0,::/0"));
    }

    @ArquillianResource
    URL url;

    @Test
    void exactlyTheLimitOfWrongPasswordsPassesWhenTheyArriveAtOnce() throws Exception {
        // (1) Ten wrong passwords from one address at the same moment: three are checked, seven refused
        String address = "192.0.2.10";
        List<Callable<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String email = "memory-" + i + "-" + System.nanoTime() + "@example.com";
            attempts.add(() -> browser().post("/auth/login", "{\"email\":\"" + email
                    + "\",\"password\":\"not the password\"}", "X-Forwarded-For", address));
        }
        List<HttpResponse<String>> answers = Simultaneously.run(attempts);

        assertEquals(3, answers.stream().filter(a -> a.statusCode() == 401).count(), "the limit passes");
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertEquals(7, refused.size());
        for (HttpResponse<String> answer : refused) {
            assertProblem(answer, 429, "Too many requests. Please try again later.");
            long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        }
        // (2) The counts stayed in this server's memory
        assertEquals(0, RateLimitWindows.attempts(RateLimitWindows.signInsFrom(address)));
    }

    @Test
    void countsOtherServersMadeInTheDatabaseAreNotSeen() throws Exception {
        // Each server counts its own: the trade-off RATE_LIMIT_STORE=memory makes for no database write per attempt.
        String address = "192.0.2.20";
        RateLimitWindows.plant(RateLimitWindows.signInsFrom(address), 1000, 10);

        HttpResponse<String> answer = browser().post("/auth/login", "{\"email\":\"memory-elsewhere-"
                + System.nanoTime() + "@example.com\",\"password\":\"not the password\"}", "X-Forwarded-For", address);
        assertProblem(answer, 401, "Invalid credentials");
        assertEquals(1000, RateLimitWindows.attempts(RateLimitWindows.signInsFrom(address)));
    }

    private Browser browser() {
        return new Browser(java.net.URI.create(url.toString()));
    }
}
