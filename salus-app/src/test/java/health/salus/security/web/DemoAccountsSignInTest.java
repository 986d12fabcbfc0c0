package health.salus.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.security.DemoCredentials;
import health.salus.security.Role;
import health.salus.support.BrowserTest;
import health.salus.support.Chromium;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The demo accounts list on the sign-in page. The shared test context runs with the demo off (turning it
 * on would load the demo data and fork a second context), so the sign-in controller is built here with
 * demo hints switched on and its view rendered through the application's own Thymeleaf view resolver
 * and messages (no MockMvc: a standalone one cannot share the running context's view resolver); the page is then laid into the browser on the application's origin (its stylesheet and
 * script load as usual) for the list and for axe-core at desktop width and 360 px.
 */
class DemoAccountsSignInTest extends BrowserTest {

    @Autowired
    ThymeleafViewResolver views;
    @Autowired
    Clock clock;
    @Autowired
    WebApplicationContext context;

    @Test
    void inDemoModeTheSignInPageListsOneAccountPerRoleAndTheSharedPassword() throws Exception {
        String html = signInPage(true);
        List<String> violations = new ArrayList<>();
        for (int width : new int[] {Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH}) {
            show(html, width);
            assertThat(browser.text("#demo-accounts")).isEqualTo("Demo accounts");
            List<String> usernames = browser.findAll("section[aria-labelledby=demo-accounts] tbody td code").stream()
                    .map(WebElement::getText).toList();
            assertThat(usernames).containsExactlyElementsOf(Arrays.stream(Role.values())
                    .filter(role -> role != Role.INTEGRATION).map(Role::code).toList());
            assertThat(browser.text("section[aria-labelledby=demo-accounts] p code")).isEqualTo(DemoCredentials.PASSWORD);
            assertThat(browser.text("section[aria-labelledby=demo-accounts] tbody")).contains("Physician")
                    .contains("Front desk");
            browser.accessibilityViolations().forEach(v -> violations.add(width + " px: " + v));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void outsideDemoModeNeitherTheListNorThePasswordIsShown() throws Exception {
        String html = signInPage(false);
        assertThat(html).doesNotContain("demo-accounts").doesNotContain(DemoCredentials.PASSWORD);
        browser.open("/login");
        assertThat(browser.findAll("#demo-accounts")).isEmpty();
    }

    /** The controller's answer rendered by the application's view resolver, messages and layout. */
    private String signInPage(boolean demo) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        request.addPreferredLocale(Locale.ENGLISH);
        ExtendedModelMap model = new ExtendedModelMap();
        String viewName = new SignInController(new DemoSignInHints(demo, clock), clock).signIn(request, model);
        MockHttpServletResponse response = new MockHttpServletResponse();
        views.resolveViewName(viewName, Locale.ENGLISH).render(model, request, response);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private void show(String html, int width) {
        browser.width(width).open("/login");
        browser.driver().executeScript("document.open(); document.write(arguments[0]); document.close();", html);
        browser.await("#demo-accounts");
    }
}
