package dev.latchkey.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.auth.session.SessionClaims;
import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.caller.SessionOutcome;
import dev.latchkey.caller.SessionPrincipal;
import dev.latchkey.user.User;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SessionAuthenticationMechanismTest {

    private final Map<String, String> headers = new HashMap<>();
    private final List<Cookie> cookies = new ArrayList<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final List<String> validated = new ArrayList<>();
    private String path = "/auth/me";
    private Function<String, SessionOutcome> outcomes = token -> new SessionOutcome.Refused("Invalid or expired token");
    private SessionPrincipal loggedIn;
    private Set<String> loggedInGroups;
    private final SessionAuthenticationMechanism mechanism = new SessionAuthenticationMechanism();

    SessionAuthenticationMechanismTest() {
        mechanism.validator = new SessionValidator() {
            @Override
            public SessionOutcome validate(String token) {
                validated.add(token);
                return outcomes.apply(token);
            }
        };
        mechanism.cookie = new SessionCookie() {
            @Override
            public String name() {
                return "access_token";
            }
        };
    }

    @Test
    void aRequestWithoutATokenIsLeftAnonymousWithoutAnyCheck() {
        assertEquals(AuthenticationStatus.NOT_DONE, authenticate());
        assertEquals(List.of(), validated);
        assertNull(attributes.get(SessionOutcome.ATTRIBUTE));
    }

    @Test
    void aValidCookieSignsTheUserInWithTheRolesOfTheirRow() throws Exception {
        cookies.add(new Cookie("other", "x"));
        cookies.add(new Cookie("access_token", "cookie-token"));
        outcomes = token -> valid(7, false, null);

        assertEquals(AuthenticationStatus.SUCCESS, authenticate());

        assertEquals(List.of("cookie-token"), validated);
        assertEquals("7", loggedIn.getName());
        assertEquals(Set.of("user"), loggedInGroups);
        assertSame(SessionOutcome.Valid.class, attributes.get(SessionOutcome.ATTRIBUTE).getClass());
    }

    @Test
    void aBearerTokenComesBeforeTheCookie() throws Exception {
        headers.put("Authorization", "bearer  header-token ");
        cookies.add(new Cookie("access_token", "cookie-token"));
        outcomes = token -> valid(1, true, null);

        authenticate();

        assertEquals(List.of("header-token"), validated);
        assertEquals(Set.of("user", "admin"), loggedInGroups);
    }

    @Test
    void anAdminActingAsAUserHasOnlyTheUsersRole() throws Exception {
        headers.put("Authorization", "Bearer t");
        outcomes = token -> valid(7, true, 1L);

        authenticate();

        assertEquals(Set.of("user"), loggedInGroups);
        assertEquals(1L, loggedIn.impersonatorId());
    }

    @Test
    void aRefusedTokenLeavesTheCallerAnonymousWithTheReasonForLater() {
        cookies.add(new Cookie("access_token", "stale"));
        outcomes = token -> new SessionOutcome.Refused("Invalid or expired token");

        assertEquals(AuthenticationStatus.NOT_DONE, authenticate());

        assertNull(loggedIn);
        assertEquals(new SessionOutcome.Refused("Invalid or expired token"), attributes.get(SessionOutcome.ATTRIBUTE));
    }

    @Test
    void tokensSentToHealthOrOpenApiAreNotRead() {
        cookies.add(new Cookie("access_token", "t"));
        headers.put("Authorization", "Bearer b");
        for (String address : new String[] {"/health", "/health/ready", "/health/x", "/openapi", "/openapi/x"}) {
            path = address;
            assertEquals(AuthenticationStatus.NOT_DONE, authenticate(), address);
        }
        assertEquals(List.of(), validated);
        assertNull(attributes.get(SessionOutcome.ATTRIBUTE));

        path = "/healthy";
        authenticate();
        assertEquals(List.of("b"), validated);
    }

    @Test
    void anEmptyCookieIsNoToken() {
        cookies.add(new Cookie("access_token", ""));

        assertEquals(AuthenticationStatus.NOT_DONE, authenticate());
        assertEquals(List.of(), validated);
    }

    @Test
    void aDatabaseThatDoesNotAnswerLeavesTheTokenUncheckedAndAnyOtherFailurePasses() {
        cookies.add(new Cookie("access_token", "t"));
        RuntimeException unavailable = new RuntimeException(new SQLTransientConnectionException("timed out"));
        outcomes = token -> {
            throw unavailable;
        };

        assertEquals(AuthenticationStatus.NOT_DONE, authenticate());
        assertEquals(new SessionOutcome.Unchecked(unavailable), attributes.get(SessionOutcome.ATTRIBUTE));

        IllegalStateException bug = new IllegalStateException("bug");
        outcomes = token -> {
            throw bug;
        };
        assertSame(bug, assertThrows(IllegalStateException.class, this::authenticate));
    }

    private AuthenticationStatus authenticate() {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        HttpMessageContext context = (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpMessageContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "doNothing" -> AuthenticationStatus.NOT_DONE;
                    case "notifyContainerAboutLogin" -> {
                        loggedIn = (SessionPrincipal) args[0];
                        @SuppressWarnings("unchecked")
                        Set<String> groups = (Set<String>) args[1];
                        loggedInGroups = groups;
                        yield AuthenticationStatus.SUCCESS;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return mechanism.validateRequest(request, null, context);
    }

    private static SessionOutcome.Valid valid(long userId, boolean admin, Long impersonatorId) {
        try {
            User user = Rows.user(userId);
            if (admin) {
                user.changeRole(User.ROLE_ADMIN, Instant.now());
            }
            return new SessionOutcome.Valid(user, new SessionClaims(userId, "s1",
                    Instant.now().plusSeconds(60), false, impersonatorId), null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
