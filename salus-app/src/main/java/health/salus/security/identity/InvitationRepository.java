package health.salus.security.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitation tokens by their SHA-256 hash; a token is used by flipping {@code used_at} exactly once. */
@Repository
public class InvitationRepository {

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, String accountId, Instant now, Instant expiresAt) {
        jdbc.sql("insert into security_account_invitation (token_hash, account_id, created_at, expires_at) "
                + "values (?, ?, ?, ?)").params(tokenHash, accountId, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    /** The account of an unused, unexpired invitation. */
    public Optional<String> pendingAccount(String tokenHash, Instant now) {
        return jdbc.sql("select account_id from security_account_invitation where token_hash = ? and used_at is null "
                + "and expires_at > ?").params(tokenHash, Timestamp.from(now)).query(String.class).optional();
    }

    /** Marks the invitation used; false when it was used (or expired) meanwhile, so only one caller wins. */
    public boolean use(String tokenHash, Instant now) {
        return jdbc.sql("update security_account_invitation set used_at = ? where token_hash = ? and used_at is null "
                + "and expires_at > ?").params(Timestamp.from(now), tokenHash, Timestamp.from(now)).update() == 1;
    }

    /** For tests and support: ends an invitation's validity now. */
    public void expire(String accountId, Instant now) {
        jdbc.sql("update security_account_invitation set expires_at = ? where account_id = ?")
                .params(Timestamp.from(now), accountId).update();
    }
}
