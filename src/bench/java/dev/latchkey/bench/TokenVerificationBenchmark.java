package dev.latchkey.bench;

import dev.latchkey.auth.session.SessionClaims;
import dev.latchkey.auth.session.SessionTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing and verifying a session JWT: signature (HS256, pinned), kid, expiry, issuer and claims.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {

    private SessionTokens tokens;
    private String token;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        tokens = Wiring.create(SessionTokens.class, "keys", Wiring.secretKeys(), "issuer", Wiring.ISSUER);
        Wiring.postConstruct(tokens, "init");
        token = tokens.issue(42L, "a-session-id-of-forty-three-characters-abcde", Instant.now().plus(Duration.ofDays(1)));
    }

    @Benchmark
    public Optional<SessionClaims> verifyToken() {
        return tokens.verify(token, Instant.now());
    }
}
