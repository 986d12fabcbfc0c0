package health.salus.workspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.security.Role;
import health.salus.security.identity.AccountRepository;
import health.salus.support.BrowserTest;
import health.salus.support.Chromium;
import health.salus.support.TestUsers;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * axe-core finds no WCAG 2.1 A/AA violation on the administration and privacy office screens, at desktop
 * width and at 360 px, in their states with data and with errors. With {@code -Dsalus.write-docs=true}
 * they are also saved to docs/screenshots/, as EveryPageAccessibilityTest does for the other pages.
 */
class AdministrationAccessibilityTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @Autowired
    AccountRepository accountRepository;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;

    record Page(String name, Role role, Runnable open) {
    }

    @Test
    void everyAdministrationScreenHasNoWcag21AaViolationsOnDesktopAndPhone() {
        String nurse = TestUsers.create(accounts, Role.NURSE, null);
        String nurseId = accounts.idOf(nurse).orElseThrow();
        accountRepository.recordFailure(nurseId, 1, Instant.now().plus(1, ChronoUnit.HOURS));
        String patient = "p" + UUID.randomUUID();
        trail.record(new AuditRecord(Instant.now(), AuditCategory.PATIENT_DATA, "read", AuditOutcome.SUCCESS,
                new AuditRecord.Actor("client:lab-feed", List.of("integration"), null), patient, "Observation",
                List.of("obs-1", "obs-2"), PurposeOfUse.BREAK_GLASS, AuditRecord.Origin.NONE, "break-glass"));
        String alert = UUID.randomUUID().toString();
        jdbc.update("insert into audit_alert (id, rule, severity, actor_id, patient_id, detail, created_at, open_key) "
                + "values (?, 'access-volume', 'high', 'someone', ?, 'count=120 window=PT1H', ?, ?)", alert, patient,
                java.sql.Timestamp.from(Instant.now()), "access-volume|" + alert);

        List<Page> pages = List.of(
                new Page("admin-users", Role.ADMINISTRATOR, () -> browser.open("/admin/users")),
                new Page("admin-account", Role.ADMINISTRATOR, () -> browser.open("/admin/users/" + nurseId)),
                new Page("admin-new-account-errors", Role.ADMINISTRATOR, () -> browser.open("/admin/users/new")
                        .submit("#create")),
                new Page("admin-policy", Role.ADMINISTRATOR, () -> browser.open("/admin/policy")),
                new Page("admin-verification", Role.ADMINISTRATOR, () -> browser.open("/admin/verification")
                        .submit("#verify-now")),
                new Page("audit-search", Role.PRIVACY_OFFICER, () -> browser.open("/admin/audit?patient=" + patient)),
                new Page("audit-search-errors", Role.PRIVACY_OFFICER, () -> browser.open("/admin/audit?from=someday")),
                new Page("security-alerts", Role.PRIVACY_OFFICER, () -> browser.open("/admin/alerts")),
                new Page("security-alerts-es", Role.PRIVACY_OFFICER, () -> browser.open("/admin/alerts?lang=es")),
                new Page("audit-home", Role.AUDITOR, () -> browser.open("/home/auditor?lang=en")));

        List<String> violations = new ArrayList<>();
        boolean writeDocs = Boolean.getBoolean("salus.write-docs");
        for (int width : new int[] {Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH}) {
            Role signedInAs = null;
            for (Page page : pages) {
                if (page.role() != signedInAs) {
                    signInAs(page.role());
                    signedInAs = page.role();
                }
                browser.width(width);
                page.open().run();
                assertThat(browser.text("h1")).as(page.name()).isNotEqualTo("This page is not available to you");
                browser.accessibilityViolations().forEach(v -> violations.add(page.name() + " @" + width + "px: " + v));
                if (writeDocs) {
                    browser.screenshot(SCREENSHOTS.resolve(page.name()
                            + (width == Chromium.PHONE_WIDTH ? "-360" : "-desktop") + ".png"));
                }
            }
            browser.open("/admin/audit?lang=en"); // leave the language as the next round expects
        }
        assertThat(violations).as("axe-core WCAG 2.1 A/AA violations").isEmpty();
    }
}
