package dev.latchkey.bench;

import dev.latchkey.auth.RecentSessionChecks;
import dev.latchkey.auth.SessionValidator;
import dev.latchkey.auth.session.SessionTokens;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.caller.SessionOutcome;
import dev.latchkey.membership.MembershipSettings;
import dev.latchkey.membership.MembershipWatch;
import dev.latchkey.user.Users;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The authentication mechanism's whole validate path, against an in-memory H2 through JPA (EclipseLink), as every
 * request pays it: token verification, the user row and the live session row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionCheckBenchmark {

    private static final String URL = "jdbc:h2:mem:latchkey-bench;DB_CLOSE_DELAY=-1";
    private static final String SESSION_ID = "benchmark-session-0123456789-abcdefghijklmno";

    private EntityManagerFactory factory;
    private EntityManager em;
    private SessionValidator validator;
    private SessionValidator remembering;
    private String token;

    @Setup
    public void setUp() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").load().migrate();
        seed();
        factory = Persistence.createEntityManagerFactory("latchkey", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "jakarta.persistence.jdbc.url", URL,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", ""));
        em = factory.createEntityManager();
        SessionTokens tokens = Wiring.create(SessionTokens.class, "keys", Wiring.secretKeys(), "issuer", Wiring.ISSUER);
        Wiring.postConstruct(tokens, "init");
        Sessions sessions = Wiring.create(Sessions.class, "em", em, "lifetimeMinutes", 1440L);
        Users users = Wiring.create(Users.class, "em", em);
        MembershipWatch membership = noAllowList();
        validator = Wiring.create(SessionValidator.class, "tokens", tokens, "sessions", sessions, "users", users,
                "recent", recentChecks(0), "membership", membership);
        remembering = Wiring.create(SessionValidator.class, "tokens", tokens, "sessions", sessions, "users", users,
                "recent", recentChecks(1000), "membership", membership);
        token = tokens.issue(1L, SESSION_ID, Instant.now().plus(Duration.ofDays(1)));
        if (!(validator.validate(token) instanceof SessionOutcome.Valid)) {
            throw new IllegalStateException("The seeded session does not validate");
        }
    }

    @Benchmark
    public SessionOutcome validateSession() {
        // Each request gets a fresh persistence context in the container: read the rows again, not from this one.
        em.clear();
        return validator.validate(token);
    }

    /** The same path as {@link #validateSession} where the server checked this session less than a second ago. */
    @Benchmark
    public SessionOutcome validateRecentlyCheckedSession() {
        em.clear();
        return remembering.validate(token);
    }

    /** No organization allow-list, as the README's run command starts: membership adds nothing to the check. */
    private static MembershipWatch noAllowList() throws ReflectiveOperationException {
        Object requiredTeams = Wiring.create(Class.forName("dev.latchkey.membership.RequiredTeams"));
        MembershipSettings settings = Wiring.create(MembershipSettings.class, "organizations", Optional.empty(),
                "teams", Optional.empty(), "adminTeams", Optional.empty(), "checkMinutes", 60L, "maxStaleHours", 24L,
                "requiredTeams", requiredTeams);
        Wiring.postConstruct(settings, "read");
        return Wiring.create(MembershipWatch.class, "settings", settings);
    }

    private static RecentSessionChecks recentChecks(long millis) throws ReflectiveOperationException {
        RecentSessionChecks checks = Wiring.create(RecentSessionChecks.class, "configuredMillis", millis);
        Wiring.postConstruct(checks, "configure");
        return checks;
    }

    @TearDown
    public void tearDown() {
        em.close();
        factory.close();
    }

    private static void seed() throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        // last_seen_at in the future: the once-a-minute write never happens inside the measurement.
        Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            try (PreparedStatement user = connection.prepareStatement(
                    "INSERT INTO users (id, github_id, github_login, name, created_at, updated_at) VALUES (1, 1, 'bench', 'Bench', ?, ?)")) {
                user.setTimestamp(1, now);
                user.setTimestamp(2, now);
                user.executeUpdate();
            }
            try (PreparedStatement session = connection.prepareStatement("INSERT INTO sessions (id, user_id, "
                    + "created_at, expires_at, last_seen_at) VALUES (?, 1, ?, ?, ?)")) {
                session.setString(1, SESSION_ID);
                session.setTimestamp(2, now);
                session.setTimestamp(3, later);
                session.setTimestamp(4, later);
                session.executeUpdate();
            }
        }
    }
}
