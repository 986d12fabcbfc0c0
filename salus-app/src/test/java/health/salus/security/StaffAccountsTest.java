package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.salus.platform.InvalidFieldsException;
import health.salus.security.identity.AccountRepository;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** The administrator's reads and writes of staff accounts: summaries without secrets, checked creation, no self-lockout. */
@SalusIntegrationTest
class StaffAccountsTest {

    @Autowired
    Accounts accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    health.salus.security.identity.SignInAttempts signIns;

    @Test
    void staffSummariesTellRolesLockoutDisablementAndSecondFactorAndLeavePatientsOut() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String nurse = "nurse-" + tag;
        accounts.create(nurse, "Rosa Nurse " + tag, SignIn.PASSWORD, Set.of(Role.NURSE), Optional.empty(),
                Optional.of(SignIn.TOTP_SECRET));
        String biller = "biller-" + tag;
        accounts.create(biller, "Ben Biller", SignIn.PASSWORD, Set.of(Role.BILLER, Role.FRONT_DESK), Optional.empty(),
                Optional.empty());
        accounts.create("patient-" + tag, "Pat " + tag, SignIn.PASSWORD, Set.of(Role.PATIENT), Optional.empty(),
                Optional.empty());
        String nurseId = accounts.idOf(nurse).orElseThrow();
        String billerId = accounts.idOf(biller).orElseThrow();
        repository.recordFailure(nurseId, 1, Instant.now().plus(10, ChronoUnit.MINUTES));
        accounts.disable(billerId);

        List<AccountSummary> mine = accounts.staffAccounts(Optional.of(tag.toUpperCase()), Optional.empty());
        assertThat(mine).extracting(AccountSummary::username).containsExactly(biller, nurse);
        AccountSummary nurseSummary = mine.get(1);
        assertThat(nurseSummary.roles()).containsExactly(Role.NURSE);
        assertThat(nurseSummary.locked()).isTrue();
        assertThat(nurseSummary.disabled()).isFalse();
        assertThat(nurseSummary.mfaEnrolled()).isTrue();
        AccountSummary billerSummary = mine.get(0);
        assertThat(billerSummary.roles()).containsExactlyInAnyOrder(Role.BILLER, Role.FRONT_DESK);
        assertThat(billerSummary.disabled()).isTrue();
        assertThat(billerSummary.mfaEnrolled()).isFalse();
        // the record has nothing secret to leak: only these components
        assertThat(AccountSummary.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("id", "username", "displayName", "roles", "locked", "disabled", "mfaEnrolled",
                        "lastSignIn");
        assertThat(nurseSummary.lastSignIn()).isEmpty();
        Instant before = Instant.now().minusSeconds(1);
        signIns.succeeded(repository.findById(nurseId).orElseThrow(), true);
        assertThat(accounts.summary(nurseId).orElseThrow().lastSignIn()).hasValueSatisfying(
                at -> assertThat(at).isAfter(before));
        assertThat(accounts.summary(nurseId).orElseThrow().locked()).isFalse();

        assertThat(accounts.staffAccounts(Optional.of(tag), Optional.of(Role.FRONT_DESK)))
                .extracting(AccountSummary::username).containsExactly(biller);
        assertThat(accounts.staffAccounts(Optional.of("rosa nurse " + tag), Optional.empty()))
                .extracting(AccountSummary::username).containsExactly(nurse);
        assertThat(accounts.staffAccounts(Optional.of(tag), Optional.of(Role.AUDITOR))).isEmpty();
        assertThat(accounts.summary(billerId)).contains(billerSummary);
    }

    @Test
    void aNewStaffAccountIsCheckedFieldByFieldWithoutEchoingAndItsCreationIsAudited() {
        assertThatThrownBy(() -> accounts.createStaff("No Spaces!", " ", "short", Set.of(Role.PATIENT)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidFieldsException.FieldProblem::field)
                            .containsExactly("username", "displayName", "roles", "password");
                    assertThat(e.problems()).extracting(InvalidFieldsException.FieldProblem::message)
                            .noneMatch(message -> message.contains("No Spaces") || message.contains("short"));
                });
        String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> accounts.createStaff(username, "Clerk", username + "-Harbor-Lantern",
                Set.of(Role.FRONT_DESK))).isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.problems()).extracting(InvalidFieldsException.FieldProblem::field)
                                .containsExactly("password"));
        assertThat(accounts.exists(username)).isFalse();

        String id = accounts.createStaff(username.toUpperCase(), " Clara Clerk ", "Quiet-Harbor-Lantern-72",
                Set.of(Role.FRONT_DESK));
        AccountSummary created = accounts.summary(id).orElseThrow();
        assertThat(created.username()).isEqualTo(username);
        assertThat(created.displayName()).isEqualTo("Clara Clerk");
        assertThat(created.mfaEnrolled()).isFalse();
        assertThat(jdbc.queryForList("select action from audit_entry where detail like ?", String.class,
                "%account=" + id + "%")).contains("account-created");
        assertThatThrownBy(() -> accounts.createStaff(username, "Again", "Quiet-Harbor-Lantern-72",
                Set.of(Role.NURSE))).isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void anAdministratorCannotRevokeTheirOwnAdministratorRoleOrDisableThemselvesButMayAnotherAdministrators() {
        String admin = TestUsers.create(accounts, Role.ADMINISTRATOR, null);
        String adminId = accounts.idOf(admin).orElseThrow();
        String colleagueId = accounts.idOf(TestUsers.create(accounts, Role.ADMINISTRATOR, null)).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername(admin).password("n/a").roles("ADMINISTRATOR").build(), null, List.of()));
        try {
            assertThatThrownBy(() -> accounts.revokeRole(adminId, Role.ADMINISTRATOR))
                    .isInstanceOf(OwnAccountProtectedException.class);
            assertThatThrownBy(() -> accounts.disable(adminId)).isInstanceOf(OwnAccountProtectedException.class);
            accounts.grantRole(adminId, Role.AUDITOR);
            accounts.revokeRole(adminId, Role.AUDITOR); // their other roles are theirs to drop
            accounts.revokeRole(colleagueId, Role.ADMINISTRATOR);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(accounts.summary(adminId).orElseThrow().roles()).containsExactly(Role.ADMINISTRATOR);
        assertThat(accounts.summary(adminId).orElseThrow().disabled()).isFalse();
        assertThat(accounts.summary(colleagueId).orElseThrow().roles()).isEmpty();
        assertThat(jdbc.queryForList("select actor_id from audit_entry where action = 'role-revoked' and detail = ?",
                String.class, "account=" + colleagueId + " role=administrator")).containsExactly(adminId);
    }
}
