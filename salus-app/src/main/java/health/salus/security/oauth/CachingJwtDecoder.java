package health.salus.security.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers access tokens it has verified, for a minute and never past their expiry, so a client
 * making many calls pays for the RSA signature check once instead of on every request. What the
 * token lets the caller do is still decided afresh on every request.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt != null && (jwt.getExpiresAt() == null || jwt.getExpiresAt().isAfter(clock.instant()))) {
            return jwt;
        }
        Jwt decoded = delegate.decode(token);
        verified.put(token, decoded);
        return decoded;
    }
}
