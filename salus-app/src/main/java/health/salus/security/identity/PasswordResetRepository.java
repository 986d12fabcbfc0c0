package health.salus.security.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password-reset tokens by their SHA-256 hash; a token is used by flipping {@code used} exactly once. */
@Repository
public class PasswordResetRepository {

    private final JdbcClient jdbc;

    PasswordResetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a token hash is now: usable, spent (used or expired), or unknown. */
    public enum State { USABLE, SPENT, UNKNOWN }

    public record Reset(String accountId, State state) {
    }

    public void insert(String tokenHash, String accountId, Instant now, Instant expiresAt) {
        jdbc.sql("insert into security_password_reset (token_hash, account_id, created_at, expires_at, used) "
                + "values (?, ?, ?, ?, false)").params(tokenHash, accountId, Timestamp.from(now),
                        Timestamp.from(expiresAt)).update();
    }

    /** How many links the account was sent since {@code since}, for the hourly cap. */
    public int sentSince(String accountId, Instant since) {
        return jdbc.sql("select count(*) from security_password_reset where account_id = ? and created_at > ?")
                .params(accountId, Timestamp.from(since)).query(Integer.class).single();
    }

    public Optional<Reset> find(String tokenHash, Instant now) {
        return jdbc.sql("select account_id, used, expires_at from security_password_reset where token_hash = ?")
                .param(tokenHash).query((rs, n) -> new Reset(rs.getString("account_id"),
                        rs.getBoolean("used") || !rs.getTimestamp("expires_at").toInstant().isAfter(now)
                                ? State.SPENT : State.USABLE))
                .optional();
    }

    /** Marks the token used; false when it was used (or expired) meanwhile, so only one caller wins. */
    public boolean use(String tokenHash, Instant now) {
        return jdbc.sql("update security_password_reset set used = true, used_at = ? where token_hash = ? "
                + "and used = false and expires_at > ?").params(Timestamp.from(now), tokenHash, Timestamp.from(now))
                .update() == 1;
    }

    /** Every other link of the account stops working once one was used: the newest password wins. */
    public void spendAll(String accountId, Instant now) {
        jdbc.sql("update security_password_reset set used = true, used_at = ? where account_id = ? and used = false")
                .params(Timestamp.from(now), accountId).update();
    }

    /** For tests and support: ends the validity of an account's links now. */
    public void expire(String accountId, Instant now) {
        jdbc.sql("update security_password_reset set expires_at = ? where account_id = ?")
                .params(Timestamp.from(now), accountId).update();
    }
}
