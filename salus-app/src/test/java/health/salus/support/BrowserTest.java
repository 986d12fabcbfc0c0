package health.salus.support;

import org.junit.jupiter.api.Tag;

import health.salus.security.Accounts;
import health.salus.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the shared application context, and one headless chromium per test class
 * (starting a browser costs about a second; starting a context costs far more, so there is no new one).
 */
@SalusIntegrationTest
@Tag("browser")
public abstract class BrowserTest {

    protected static Chromium browser;

    @LocalServerPort
    protected int port;
    @Autowired
    protected Accounts accounts;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void pointBrowserAtApplication() {
        browser.at(port).signOut().width(Chromium.DESKTOP_WIDTH);
    }

    /** A new account of {@code role} (its own TOTP step history, so codes never collide), signed in. */
    protected String signInAs(Role role) {
        String username = TestUsers.create(accounts, role, null);
        try {
            browser.signIn(username);
        } catch (IllegalStateException overloaded) {
            // sign-in is set-up here, not what is tested (SignInLandingTest tests it, without a second try): on
            // a machine too busy to write the audit trail in time it can fail once, so a fresh account tries again
            username = TestUsers.create(accounts, role, null);
            browser.signIn(username);
        }
        return username;
    }

    /** Signs in without a second try: for the tests of signing in itself. */
    protected String signInOnce(Role role) {
        String username = TestUsers.create(accounts, role, null);
        browser.signIn(username);
        return username;
    }

    protected String signInAs(Role role, String fhirUser) {
        String username = TestUsers.create(accounts, role, fhirUser);
        browser.signIn(username);
        return username;
    }
}
