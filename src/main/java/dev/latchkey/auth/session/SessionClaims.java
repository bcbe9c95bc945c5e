package dev.latchkey.auth.session;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a verified session token: whose session it is, until when, whether an old key signed it, and the
 * admin acting as the user ({@code act}, RFC 8693), if any.
 */
public record SessionClaims(long userId, String sessionId, Instant expiresAt, boolean signedWithPreviousKey,
                            Long impersonatorId) {

    static Optional<SessionClaims> from(JWTClaimsSet claims, String issuer, Instant now, boolean previousKey)
            throws ParseException {
        Date expiry = claims.getExpirationTime();
        String sessionId = claims.getStringClaim("sid");
        String subject = claims.getSubject();
        if (expiry == null || !expiry.toInstant().isAfter(now) || !issuer.equals(claims.getIssuer())
                || sessionId == null || subject == null || !subject.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        Map<String, Object> act = claims.getJSONObjectClaim("act");
        Object actor = act == null ? null : act.get("sub");
        if (act != null && !(actor instanceof String id && id.matches("[0-9]{1,18}"))) {
            return Optional.empty();
        }
        Long impersonatorId = act == null ? null : Long.valueOf((String) actor);
        return Optional.of(new SessionClaims(Long.parseLong(subject), sessionId, expiry.toInstant(), previousKey,
                impersonatorId));
    }

    public boolean impersonated() {
        return impersonatorId != null;
    }
}
