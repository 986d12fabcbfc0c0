package health.salus.security.identity;

import health.salus.security.Role;
import health.salus.security.support.SealedSecrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their roles and recovery codes in the {@code security_*} tables. */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, username, display_name, password_hash, fhir_user, enabled, "
            + "failed_attempts, locked_until, totp_secret, totp_last_step";
    /** An account with its roles in one round trip (it is read on every request). */
    private static final String WITH_ROLES = "select a.id, a.username, a.display_name, a.password_hash, a.fhir_user, "
            + "a.enabled, a.failed_attempts, a.locked_until, a.totp_secret, a.totp_last_step, r.role "
            + "from security_account a left join security_account_role r on r.account_id = a.id where ";
    private final JdbcClient jdbc;
    /** TOTP secrets are stored sealed: a copy of the database must not yield second-factor codes. */
    private final SealedSecrets secrets;

    AccountRepository(JdbcClient jdbc, SealedSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public Optional<Account> findByUsername(String username) {
        return withRoles("a.username = ?", username.toLowerCase(Locale.ROOT));
    }

    public Optional<Account> findById(String id) {
        return withRoles("a.id = ?", id);
    }

    private Optional<Account> withRoles(String condition, String value) {
        List<Account> rows = jdbc.sql(WITH_ROLES + condition).param(value).query((rs, n) -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Optional.ofNullable(rs.getString("role")).flatMap(Role::fromCode).ifPresent(roles::add);
            return account(rs, roles);
        }).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.forEach(row -> roles.addAll(row.roles()));
        Account first = rows.get(0);
        return Optional.of(new Account(first.id(), first.username(), first.displayName(), first.passwordHash(),
                first.fhirUser(), first.enabled(), first.failedAttempts(), first.lockedUntil(), first.totpSecret(),
                first.totpLastStep(), roles));
    }

    /** The ids of the accounts linked to a Practitioner, Patient or RelatedPerson ({@code Practitioner/abc}). */
    public List<String> idsLinkedTo(String fhirUser) {
        return jdbc.sql("select id from security_account where fhir_user = ?").param(fhirUser).query(String.class)
                .list();
    }

    public List<Account> findAll() {
        return jdbc.sql("select " + COLUMNS + " from security_account order by username").query(this::map).list();
    }

    /** An account's listable facts: no password hash, and only whether a second factor is set up. */
    public record Summary(String id, String username, String displayName, boolean enabled,
            Optional<Instant> lockedUntil, boolean mfaEnrolled, Optional<Instant> lastSignIn, Set<Role> roles) {
    }

    /** Every account with its roles, by username, in one query (the secrets are never read). */
    public List<Summary> summaries() {
        return summaries("1 = 1", List.of());
    }

    public Optional<Summary> summary(String id) {
        return summaries("a.id = ?", List.of(id)).stream().findFirst();
    }

    private List<Summary> summaries(String condition, List<Object> params) {
        java.util.Map<String, Summary> byId = new java.util.LinkedHashMap<>();
        var query = jdbc.sql("select a.id, a.username, a.display_name, a.enabled, a.locked_until, a.last_signed_in_at, "
                + "case when a.totp_secret is null then false else true end as mfa, r.role from security_account a "
                + "left join security_account_role r on r.account_id = a.id where " + condition
                + " order by a.username, r.role");
        for (Object param : params) {
            query = query.param(param);
        }
        query.query(rs -> {
            Summary summary = byId.get(rs.getString("id"));
            if (summary == null) {
                summary = new Summary(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getBoolean("enabled"), instant(rs.getTimestamp("locked_until")), rs.getBoolean("mfa"),
                        instant(rs.getTimestamp("last_signed_in_at")), EnumSet.noneOf(Role.class));
                byId.put(summary.id(), summary);
            }
            Optional.ofNullable(rs.getString("role")).flatMap(Role::fromCode).ifPresent(summary.roles()::add);
        });
        return List.copyOf(byId.values());
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    /** When the account last completed every factor of a sign-in. */
    public void recordSignIn(String id, Instant at) {
        jdbc.sql("update security_account set last_signed_in_at = ? where id = ?").params(Timestamp.from(at), id)
                .update();
    }

    @Transactional
    public void insert(Account account, Instant now) {
        jdbc.sql("insert into security_account (id, username, display_name, password_hash, fhir_user, enabled, "
                + "failed_attempts, locked_until, totp_secret, totp_last_step, password_changed_at, created_at) "
                + "values (?, ?, ?, ?, ?, ?, 0, null, ?, 0, ?, ?)")
                .params(account.id(), account.username().toLowerCase(Locale.ROOT), account.displayName(),
                        account.passwordHash(), account.fhirUser().orElse(null), account.enabled(),
                        account.totpSecret().map(secrets::seal).orElse(null), Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        account.roles().forEach(role -> jdbc.sql("insert into security_account_role (account_id, role) values (?, ?)")
                .params(account.id(), role.code()).update());
    }

    /** Counts a failed attempt; the fifth in a row locks the account until {@code lockUntil}. */
    public int recordFailure(String id, int lockAfter, Instant lockUntil) {
        jdbc.sql("update security_account set failed_attempts = failed_attempts + 1 where id = ?").param(id).update();
        int failures = jdbc.sql("select failed_attempts from security_account where id = ?").param(id)
                .query(Integer.class).single();
        if (failures >= lockAfter) {
            jdbc.sql("update security_account set locked_until = ?, failed_attempts = 0 where id = ?")
                    .params(Timestamp.from(lockUntil), id).update();
        }
        return failures;
    }

    public void recordSuccess(String id) {
        jdbc.sql("update security_account set failed_attempts = 0, locked_until = null where id = ?").param(id)
                .update();
    }

    public void unlock(String id) {
        recordSuccess(id);
    }

    /** A new password (and the account enabled), as accepting an invitation sets it. */
    public void setPassword(String id, String passwordHash, Instant now) {
        jdbc.sql("update security_account set password_hash = ?, enabled = true, password_changed_at = ? where id = ?")
                .params(passwordHash, Timestamp.from(now), id).update();
    }

    /**
     * A password chosen through a reset link: the failure count starts over, but the account stays
     * as enabled or disabled, and as locked, as it was (a reset is no way round a lockout).
     */
    public void resetPassword(String id, String passwordHash, Instant now) {
        jdbc.sql("update security_account set password_hash = ?, failed_attempts = 0, password_changed_at = ? "
                + "where id = ?").params(passwordHash, Timestamp.from(now), id).update();
    }

    /** Whether the account existed and its flag changed. */
    public boolean setEnabled(String id, boolean enabled) {
        return jdbc.sql("update security_account set enabled = ? where id = ? and enabled <> ?")
                .params(enabled, id, enabled).update() == 1;
    }

    /** Whether the role was added (false when the account already held it). */
    @Transactional
    public boolean addRole(String id, Role role) {
        if (findById(id).map(account -> account.roles().contains(role)).orElse(true)) {
            return false;
        }
        return jdbc.sql("insert into security_account_role (account_id, role) values (?, ?)")
                .params(id, role.code()).update() == 1;
    }

    public boolean removeRole(String id, Role role) {
        return jdbc.sql("delete from security_account_role where account_id = ? and role = ?")
                .params(id, role.code()).update() == 1;
    }

    public void setTotp(String id, String base32Secret) {
        jdbc.sql("update security_account set totp_secret = ?, totp_last_step = 0 where id = ?")
                .params(secrets.seal(base32Secret), id).update();
    }

    /** Stores the step a code was accepted for, only if no later one was: a code works once. */
    public boolean advanceTotpStep(String id, long step) {
        return jdbc.sql("update security_account set totp_last_step = ? where id = ? and totp_last_step < ?")
                .params(step, id, step).update() == 1;
    }

    public void replaceRecoveryCodes(String id, List<String> hashes) {
        jdbc.sql("delete from security_recovery_code where account_id = ?").param(id).update();
        hashes.forEach(hash -> jdbc.sql("insert into security_recovery_code (account_id, code_hash) values (?, ?)")
                .params(id, hash).update());
    }

    public List<String> unusedRecoveryCodeHashes(String id) {
        return jdbc.sql("select code_hash from security_recovery_code where account_id = ? and used_at is null")
                .param(id).query(String.class).list();
    }

    public boolean useRecoveryCode(String id, String hash, Instant now) {
        return jdbc.sql("update security_recovery_code set used_at = ? where account_id = ? and code_hash = ? "
                + "and used_at is null").params(Timestamp.from(now), id, hash).update() == 1;
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        return account(rs, roles(rs.getString("id")));
    }

    private Account account(ResultSet rs, Set<Role> roles) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Optional.ofNullable(rs.getString("fhir_user")), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), Optional.ofNullable(locked).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("totp_secret")).map(secrets::open), rs.getLong("totp_last_step"),
                roles);
    }

    private Set<Role> roles(String id) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from security_account_role where account_id = ?").param(id).query(String.class).list()
                .forEach(code -> Role.fromCode(code).ifPresent(roles::add));
        return roles;
    }
}
