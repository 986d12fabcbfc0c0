package health.salus.web;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.security.Role;
import health.salus.support.BrowserTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shell warns before the idle sign-out. The page's clock is driven, not waited on: before any script
 * runs, a stand-in for {@code setTimeout} holds every timer of a minute or more, and the test fires the
 * one the shell set for its warning ({@code data-idle-warn}) or its limit. The application's own timeout
 * stays as configured, so no second Spring context is needed.
 */
class IdleWarningBrowserTest extends BrowserTest {

    /** Timers of 60 s or more wait in {@code window.__heldTimers} until {@code window.__fireHeldTimer(ms)}. */
    private static final String HELD_CLOCK = """
            (function () {
              var realSet = window.setTimeout, realClear = window.clearTimeout, next = 1;
              window.__heldTimers = {};
              window.setTimeout = function (fn, delay) {
                if (delay >= 60000) { var id = 'held-' + (next++); window.__heldTimers[id] = { fn: fn, delay: delay }; return id; }
                return realSet.apply(window, arguments);
              };
              window.clearTimeout = function (id) {
                if (typeof id === 'string' && id.indexOf('held-') === 0) { delete window.__heldTimers[id]; return; }
                return realClear.apply(window, arguments);
              };
              window.__fireHeldTimer = function (delay) {
                for (var id in window.__heldTimers) {
                  var timer = window.__heldTimers[id];
                  if (timer.delay === delay) { delete window.__heldTimers[id]; timer.fn(); return true; }
                }
                return false;
              };
            })();
            """;

    private String heldClockScript;

    @AfterEach
    void realClock() {
        if (heldClockScript != null) {
            browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", heldClockScript));
            heldClockScript = null;
        }
    }

    @Test
    void theIdleWarningTakesTheFocusAndStaySignedInKeepsTheSession() {
        signInAs(Role.NURSE);
        holdTheClock();
        browser.open("/account");
        WebElement dialog = browser.find("#idle-warning");
        assertThat(dialog.getAttribute("open")).isNull();

        assertThat(fire("data-idle-warn")).isTrue();

        assertThat(dialog.getAttribute("open")).isNotNull();
        // a modal dialog: announced by its title and text, and the keyboard is inside it, on "Stay signed in"
        assertThat(browser.text("#" + dialog.getAttribute("aria-labelledby"))).isEqualTo("Still there?");
        assertThat(browser.text("#" + dialog.getAttribute("aria-describedby"))).contains("signed out");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("idle-stay");
        assertThat(browser.accessibilityViolations()).isEmpty();

        browser.click("#idle-stay");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> dialog.getAttribute("open") == null);
        assertThat(browser.path()).isEqualTo("/account");
        // the warning is set again for the next idle spell, and the session still serves pages
        assertThat((Boolean) browser.driver().executeScript("return Object.values(window.__heldTimers)"
                + ".some(function (t) { return t.delay === Number(document.body.dataset.idleWarn) * 1000; })"))
                .isTrue();
        browser.open("/home/nurse");
        assertThat(browser.path()).isEqualTo("/home/nurse");
    }

    @Test
    void noIdleWarningOnASignedOutPageAndTheLimitSendsTheBrowserToSignIn() {
        holdTheClock();
        browser.open("/login");
        assertThat(browser.findAll("#idle-warning")).isEmpty();
        assertThat((Boolean) browser.driver().executeScript("return Object.keys(window.__heldTimers).length === 0"))
                .isTrue();

        signInAs(Role.NURSE);
        browser.open("/account");
        String before = browser.driver().getCurrentUrl();
        fire("data-idle-limit");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !before.equals(d.getCurrentUrl()));
        assertThat(browser.await("main h1").getText()).isEqualTo("Sign in to Salus");
        assertThat(browser.path()).isEqualTo("/login?expired");
    }

    private void holdTheClock() {
        @SuppressWarnings("unchecked")
        Map<String, Object> added = browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", HELD_CLOCK));
        heldClockScript = (String) added.get("identifier");
    }

    /** Fires the shell's timer whose delay is the body attribute's seconds. */
    private boolean fire(String attribute) {
        return (Boolean) browser.driver().executeScript("return window.__fireHeldTimer(Number("
                + "document.body.getAttribute(arguments[0])) * 1000)", attribute);
    }
}
