package health.salus.security.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.UUID;
import health.salus.security.support.SealedSecrets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA key tokens are signed with, kept in the database so every node signs and verifies with
 * the same key and tokens survive a restart. The first node to start creates it.
 */
@Component
class SigningKeys {

    private static final String SINGLE_KID_ROW = "select jwk from security_signing_key order by created_at limit 1";
    private final JdbcClient jdbc;
    private final Clock clock;
    /** The private key is stored sealed with the organisation's data key. */
    private final SealedSecrets secrets;
    /** Read once: every token verification needs it, and it changes only with a (future) key rotation. */
    private volatile JWKSet keys;

    SigningKeys(JdbcClient jdbc, Clock clock, SealedSecrets secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    JWKSet jwkSet() {
        JWKSet set = keys;
        if (set == null) {
            set = new JWKSet(jdbc.sql(SINGLE_KID_ROW).query(String.class).optional().map(this::parse)
                    .orElseGet(this::create));
            keys = set;
        }
        return set;
    }

    private RSAKey create() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            jdbc.sql("insert into security_signing_key (kid, jwk, created_at) values (?, ?, ?)")
                    .params(key.getKeyID(), secrets.seal(key.toJSONString()), Timestamp.from(clock.instant())).update();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the token signing key", e);
        } catch (DuplicateKeyException e) {
            // another node created one at the same moment; use whichever came first
        }
        return parse(jdbc.sql(SINGLE_KID_ROW).query(String.class).single());
    }

    private RSAKey parse(String stored) {
        try {
            return RSAKey.parse(secrets.open(stored));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored token signing key is unreadable", e);
        }
    }
}
