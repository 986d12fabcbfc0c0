package health.salus.web;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.Chromium;
import org.junit.jupiter.api.Test;

/**
 * The accessibility check the page tests rely on does find violations: a page with an image without a
 * text alternative and no language fails it. (No application needed, so no Spring context.)
 */
@org.junit.jupiter.api.Tag("browser")
class AccessibilityCheckTest {

    @Test
    void axeCoreReportsViolationsOfABrokenPage() {
        try (Chromium browser = Chromium.start()) {
            browser.driver().get("data:text/html,<!DOCTYPE html><html><head><title>t</title></head><body><main>"
                    + "<img src='data:,'><input type='text'></main></body></html>");
            assertThat(browser.accessibilityViolations()).anyMatch(v -> v.startsWith("image-alt"))
                    .anyMatch(v -> v.startsWith("html-has-lang")).anyMatch(v -> v.startsWith("label"));
        }
    }
}
