package health.salus.workspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.security.AccountSummary;
import health.salus.security.Role;
import health.salus.security.identity.AccountRepository;
import health.salus.support.BrowserTest;
import health.salus.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrator's and privacy office's screens in a real browser: accounts and roles, the audit
 * search and its CSV download, alerts, the chain check; and each of them refused to roles not given
 * that work, with no header link.
 */
class AdministrationBrowserTest extends BrowserTest {

    static final List<String> SCREENS = List.of("/admin/users", "/admin/users/new", "/admin/policy", "/admin/audit",
            "/admin/alerts", "/admin/verification");

    @Autowired
    AccountRepository accountRepository;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdministratorGivesARoleAndUnlocksAnAccountButCannotRemoveTheirOwnAdministratorRole() {
        String nurse = TestUsers.create(accounts, Role.NURSE, null);
        String nurseId = accounts.idOf(nurse).orElseThrow();
        accountRepository.recordFailure(nurseId, 1, Instant.now().plus(15, ChronoUnit.MINUTES));
        String admin = signInAs(Role.ADMINISTRATOR);
        String adminId = accounts.idOf(admin).orElseThrow();

        browser.open("/admin/users?name=" + nurse);
        assertThat(browser.findAll("#accounts tbody tr")).hasSize(1);
        assertThat(browser.text("#accounts tbody tr")).contains(nurse).contains("Nurse").contains("Locked")
                .contains("Set up");
        assertThat(browser.text("#accounts .last-sign-in")).isEqualTo("Never");
        browser.submit("#accounts tbody tr a");
        assertThat(browser.path()).isEqualTo("/admin/users/" + nurseId);

        browser.select("#grantRole", "care-coordinator").submit("#grant");
        assertThat(browser.text("#done")).isEqualTo("The role was given.");
        assertThat(browser.findAll("#held-roles li")).extracting(li -> li.getAttribute("data-role"))
                .containsExactlyInAnyOrder("nurse", "care-coordinator");
        browser.submit("#unlock");
        assertThat(browser.text("#done")).isEqualTo("The account was unlocked.");
        AccountSummary changed = accounts.summary(nurseId).orElseThrow();
        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.NURSE, Role.CARE_COORDINATOR);
        assertThat(changed.locked()).isFalse();
        // both changes are on the trail, naming the administrator
        assertThat(jdbc.queryForList("select action from audit_entry where actor_id = ? and category = "
                + "'ADMINISTRATION' and detail like ?", String.class, adminId, "account=" + nurseId + "%"))
                .containsExactlyInAnyOrder("role-granted", "account-unlocked");

        browser.open("/admin/users?name=" + admin);
        assertThat(browser.text("#accounts .last-sign-in")).isNotEqualTo("Never").contains(String.valueOf(
                java.time.Year.now().getValue()));
        browser.open("/admin/users/" + adminId).submit("#revoke-administrator");
        assertThat(browser.text("#error-summary")).contains("You cannot remove your own administrator role");
        assertThat(browser.find("#revoke-administrator").getAttribute("aria-invalid")).isEqualTo("true");
        browser.submit("#disable");
        assertThat(browser.text("#error-summary")).contains("You cannot disable your own account");
        AccountSummary self = accounts.summary(adminId).orElseThrow();
        assertThat(self.roles()).contains(Role.ADMINISTRATOR);
        assertThat(self.disabled()).isFalse();
    }

    @Test
    void anAdministratorCreatesAStaffAccountAfterEveryFieldIsChecked() {
        signInAs(Role.ADMINISTRATOR);
        browser.open("/admin/users/new").submit("#create");
        assertThat(browser.findAll("#error-summary li")).hasSize(4);
        assertThat(browser.find("#username").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#password").getAttribute("aria-describedby")).contains("password-error");

        String username = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        browser.type("#username", username).type("#displayName", "Dana Reyes")
                .type("#password", "Quiet-Harbor-Lantern-72").click("#role-front-desk").submit("#create");
        assertThat(browser.text("#done")).isEqualTo("The account was created.");
        AccountSummary created = accounts.summary(accounts.idOf(username).orElseThrow()).orElseThrow();
        assertThat(created.roles()).containsExactly(Role.FRONT_DESK);
        assertThat(created.mfaEnrolled()).isFalse();
    }

    @Test
    void aPrivacyOfficerFiltersTheTrailByPatientAndDownloadsTheSameFilterAsCsv() {
        String patient = "p" + UUID.randomUUID();
        String otherPatient = "p" + UUID.randomUUID();
        record(patient, "read", "=cmd|' /C calc'!A0");
        record(otherPatient, "search", null);
        String officer = signInAs(Role.PRIVACY_OFFICER);

        browser.open("/admin/audit").type("#patient", patient).submit("#search");
        // the read, and the officer's own look at this patient's entries (recorded before the answer)
        assertThat(browser.findAll("#entries tbody tr")).extracting(tr -> tr.findElement(
                org.openqa.selenium.By.cssSelector(".patient-id")).getText()).containsOnly(patient);
        assertThat(browser.findAll("#entries tbody tr")).extracting(tr -> tr.findElements(
                org.openqa.selenium.By.tagName("td")).get(2).getText()).contains("read", "report")
                .doesNotContain("search");
        assertThat(browser.find("main").getText()).doesNotContain(otherPatient);

        String href = browser.find("#export").getAttribute("href");
        assertThat(href).contains("patient=" + patient);
        Map<String, Object> csv = fetch(href);
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("disposition")).startsWith("attachment; filename=\"audit-entries-");
        assertThat((String) csv.get("type")).startsWith("text/csv");
        String[] lines = ((String) csv.get("body")).split("\r\n");
        assertThat(lines[0]).startsWith("sequence,recorded_at,occurred_at,category,action,outcome,actor_id,");
        List<String> rows = List.of(lines).subList(1, lines.length);
        assertThat(rows).allMatch(row -> row.contains("," + patient + ","));
        assertThat(rows).filteredOn(row -> row.contains(",read,SUCCESS,")).singleElement().asString()
                .contains(",'=cmd|' /C calc'!A0,");
        assertThat(rows).noneMatch(row -> row.contains(otherPatient) || row.contains(",search,"));
        String officerId = accounts.idOf(officer).orElseThrow();
        assertThat(jdbc.queryForList("select action from audit_entry where category = 'AUDIT' and actor_id = ? "
                + "and patient_id = ?", String.class, officerId, patient)).containsExactlyInAnyOrder("report", "export");
    }

    @Test
    void aBadDateIsShownAtItsFieldAndNothingIsSearched() {
        signInAs(Role.AUDITOR);
        browser.open("/admin/audit?from=2026-13-40&patient=has%20space");
        assertThat(browser.findAll("#error-summary li")).hasSize(2);
        assertThat(browser.find("#from").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#patient").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findAll("#entries")).isEmpty();
    }

    @Test
    void aPrivacyOfficerAcknowledgesAnAlertWithANote() {
        String alert = raiseAlert();
        String officer = signInAs(Role.PRIVACY_OFFICER);
        browser.open("/admin/alerts");
        assertThat(browser.text("#alert-" + alert + " h2")).contains("Break-glass used").contains("High");
        browser.type("#note-" + alert, "Called Dr. Lee; emergency confirmed.").submit("#acknowledge-" + alert);
        assertThat(browser.text("#done")).isEqualTo("The alert was acknowledged.");
        assertThat(browser.findAll("#alert-" + alert)).isEmpty();

        browser.open("/admin/alerts?status=all");
        assertThat(browser.text("#alert-" + alert + " .alert-note")).isEqualTo("Called Dr. Lee; emergency confirmed.");
        assertThat(browser.text("#alert-" + alert + " .acknowledged")).startsWith("by " + officer);
        assertThat(browser.findAll("#acknowledge-" + alert)).isEmpty();
        assertThat(jdbc.queryForObject("select acknowledged_by from audit_alert where id = ?", String.class, alert))
                .isEqualTo(accounts.idOf(officer).orElseThrow());
    }

    @Test
    void theChainCheckShowsHowFarTheTrailWasVerified() {
        signInAs(Role.AUDITOR);
        browser.open("/admin/verification").submit("#verify-now");
        assertThat(browser.text("#done")).isEqualTo("The chain was checked just now.");
        long head = jdbc.queryForObject("select last_sequence from audit_chain_head where id = 1", Long.class);
        assertThat(Long.parseLong(browser.text("#head-sequence").replace(",", ""))).isPositive()
                .isLessThanOrEqualTo(head);
        // the shared test trail is never left tampered with (AuditChainTest restores what it breaks)
        assertThat(browser.text("#verdict")).isEqualTo("The chain is intact: no entry was changed, removed or inserted.");
        assertThat(browser.findAll("#broken-title")).isEmpty();
        assertThat(browser.text("#verified-at")).isNotBlank();
    }

    @Test
    void theAccessPolicyReadsAsTablesWithTheFilesHash() throws Exception {
        signInAs(Role.AUDITOR);
        browser.open("/admin/policy");
        byte[] file = new org.springframework.core.io.ClassPathResource("security/access-policy.yml")
                .getContentAsByteArray();
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(file));
        assertThat(browser.text("#policy-sha256")).isEqualTo(sha256);
        assertThat(browser.text("#role-physician")).contains("May use break-glass")
                .contains("Patients in their care").contains("read, search, create, change");
        assertThat(browser.text("#role-front-desk")).contains("Appointment: ").contains("comment");
        assertThat(browser.text("#role-integration")).contains("Every type except AuditEvent");
    }

    @Test
    void aPhysicianAndTheFrontDeskGetTheNotPermittedPageOnEveryScreenAndNoLinks() {
        for (Role role : List.of(Role.PHYSICIAN, Role.FRONT_DESK)) {
            String username = signInAs(role);
            for (String screen : SCREENS) {
                browser.open(screen);
                assertThat(browser.text("h1")).as(role + " " + screen).isEqualTo("This page is not available to you");
            }
            browser.open("/");
            assertThat(browser.findAll("nav.main-nav a[href^='/admin']")).as(role.code()).isEmpty();
            // the audit screens' refusals are on the trail, as the audit API's are
            assertThat(jdbc.queryForList("select action from audit_entry where category = 'AUDIT' and outcome = "
                    + "'DENIED' and actor_id = ?", String.class, accounts.idOf(username).orElseThrow()))
                    .containsExactlyInAnyOrder("report", "alerts-list", "verification-status");
        }
    }

    @Test
    void anAuditorSeesTheTrailLinksButNotAccountsOrAlerts() {
        signInAs(Role.AUDITOR);
        browser.open("/");
        assertThat(browser.findAll("nav.main-nav a[href^='/admin']")).extracting(a -> a.getAttribute("pathname"))
                .containsExactlyInAnyOrder("/admin/audit", "/admin/verification", "/admin/policy");
        for (String screen : List.of("/admin/users", "/admin/alerts")) {
            browser.open(screen);
            assertThat(browser.text("h1")).as(screen).isEqualTo("This page is not available to you");
        }
    }

    private void record(String patient, String action, String detail) {
        trail.record(new AuditRecord(Instant.now(), AuditCategory.PATIENT_DATA, action, AuditOutcome.SUCCESS,
                new AuditRecord.Actor("client:lab-feed", List.of("integration"), null), patient, "Observation",
                List.of("obs-1"), PurposeOfUse.TREATMENT, AuditRecord.Origin.NONE, detail));
    }

    /** An open break-glass alert, as the monitor stores one. */
    private String raiseAlert() {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into audit_alert (id, rule, severity, actor_id, patient_id, detail, created_at, open_key) "
                + "values (?, 'break-glass', 'high', 'someone', ?, 'grant=g1', ?, ?)", id, "p" + UUID.randomUUID(),
                java.sql.Timestamp.from(Instant.now()), "break-glass|" + id);
        return id;
    }

    /** The download as the signed-in browser gets it (same origin, so with the session cookie). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String href) {
        return (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(body => done({
                  status: r.status, disposition: r.headers.get('content-disposition'),
                  type: r.headers.get('content-type'), body: body})));
                """, href);
    }
}
