package health.salus.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the UI tests: Debian's headless chromium driven by its own chromedriver through
 * Selenium, in a fresh profile. Selenium is given both paths, so its manager never downloads a browser
 * or driver. Without chromium the tests fail (CI has it): {@code apt-get install chromium chromium-driver}.
 */
public final class Chromium implements AutoCloseable {

    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";
    /** The widths the UI is checked at: a desktop and the narrowest phone we support. */
    public static final int DESKTOP_WIDTH = 1280;
    public static final int PHONE_WIDTH = 360;
    /** axe-core rules for WCAG 2.0 and 2.1, levels A and AA. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final ChromeDriver driver;
    private final Path profile;
    private String origin = "";

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Chromium start() {
        for (String path : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(Path.of(path))) {
                throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                        + path + " is missing): apt-get install chromium chromium-driver");
            }
        }
        try {
            Path profile = Files.createTempDirectory("salus-chromium-");
            System.setProperty("webdriver.chrome.driver", DRIVER);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--disable-extensions", "--lang=en-US", "--user-data-dir=" + profile,
                    "--window-size=" + DESKTOP_WIDTH + ",900");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application under test (its random port differs per test context). */
    public Chromium at(int port) {
        this.origin = "http://127.0.0.1:" + port;
        return this;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Chromium open(String path) {
        driver.get(origin + path);
        return this;
    }

    /** The path (and query) the browser is on now. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(origin) ? url.substring(origin.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public Chromium type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Sets a field's value directly (date inputs take typed digits in the browser's locale order). */
    public Chromium setValue(String css, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", find(css), value);
        return this;
    }

    /** Picks the option with this value in a select list. */
    public Chromium select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
        return this;
    }

    public Chromium click(String css) {
        find(css).click();
        return this;
    }

    /** Clicks something that loads a new page (a submit button, a link) and waits for that page. */
    public Chromium submit(String css) {
        return submit(find(css));
    }

    public Chromium submit(WebElement element) {
        WebElement page = find("html");
        element.click();
        // the old page is gone once its root no longer answers: chromium reports that as a stale element or,
        // mid-navigation, as "node does not belong to the document" (a plain WebDriverException)
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                driver.executeScript("return document.readyState")));
        return this;
    }

    /** Waits until an element matching {@code css} is present (htmx swaps, redirects). */
    public WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Signs in through the pages as a person does: password, then the TOTP code for staff. */
    public Chromium signIn(String username) {
        signOut();
        open("/login").type("#username", username).type("#password", SignIn.PASSWORD).submit("form button[type=submit]");
        if (path().startsWith("/login/mfa")) {
            type("#code", SignIn.totpCode(SignIn.TOTP_SECRET)).submit("form button[type=submit]");
        }
        if (path().startsWith("/login")) {
            throw new IllegalStateException("Sign-in failed for a test account, still at " + path() + " showing \""
                    + findAll("h1").stream().map(WebElement::getText).findFirst().orElse("") + "\"");
        }
        return this;
    }

    /**
     * Clicks and waits until the browser has left the page: on a busy machine a click that submits a form
     * can return before the next page loads, and reading the address then sees the old one.
     */
    public Chromium clickAndAwaitNavigation(String css) {
        String before = driver.getCurrentUrl();
        click(css);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !before.equals(d.getCurrentUrl())
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    public Chromium signOut() {
        if (!origin.isEmpty()) {
            driver.get(origin + "/css/salus.css"); // cookies can only be cleared on the application's origin
            driver.manage().deleteAllCookies();
        }
        return this;
    }

    /** Desktop or phone: the viewport is emulated, so even 360 px works in headless chromium. */
    public Chromium width(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                width < 600 ? 780 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
        return this;
    }

    /** axe-core's WCAG 2.1 A/AA violations on the current page, one line each (empty when none). */
    public List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core failed on " + path() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream().map(Chromium::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    /** A PNG of the whole page (beyond the viewport), for docs/screenshots. */
    @SuppressWarnings("unchecked")
    public void screenshot(Path file) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
