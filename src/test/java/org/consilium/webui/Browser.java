package org.consilium.webui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person at one headless Chromium (Debian's {@code chromium} and {@code chromedriver}, never a download),
 * 1366×768 like a county hospital's laptop. Elements are found as a person (or a screen reader) finds them:
 * by their ARIA role and accessible name, which Chromium computes.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENS = Path.of("target/webui-screens");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Map<String, String> CANDIDATES = Map.ofEntries(
            Map.entry("button", "button, [role=button], input[type=submit], input[type=button]"),
            Map.entry("link", "a[href], [role=link]"),
            Map.entry("textbox", "input:not([type]), input[type=text], input[type=password], input[type=email], "
                    + "input[type=search], textarea, [role=textbox]"),
            Map.entry("heading", "h1, h2, h3, h4, [role=heading]"),
            Map.entry("combobox", "select, [role=combobox]"),
            Map.entry("checkbox", "input[type=checkbox], [role=checkbox]"),
            Map.entry("file", "input[type=file]"),
            Map.entry("navigation", "nav, [role=navigation]"),
            Map.entry("region", "section[aria-label], [role=region]"),
            Map.entry("alert", "[role=alert]"),
            Map.entry("log", "[role=log]"),
            Map.entry("application", "[role=application]"),
            Map.entry("tab", "[role=tab]"));

    final ChromeDriver driver;

    /** With more Chromium switches (a benchmark reading another origin's DICOMweb: --disable-web-security). */
    Browser(String... switches) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("consilium.test.chromium", "/usr/bin/chromium"));
        // the page's console, read into failure messages (what broke in the app, not just what is missing)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless=new", "--window-size=1366,768", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--no-first-run", "--password-store=basic", "--lang=zh-CN");
        options.addArguments(switches);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("consilium.test.chromedriver",
                        "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // every page keeps the Content-Security-Policy violations it meets, for violations()
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__cspViolations = [];document.addEventListener('securitypolicyviolation', e => "
                        + "window.__cspViolations.push(e.effectiveDirective + ' blocked ' + e.blockedURI));"));
    }

    /**
     * Moves the keyboard focus with Tab, as someone without a mouse does, until it is on the element whose
     * accessible name is {@code name}; returns that element.
     */
    WebElement tabTo(String name) {
        for (int i = 0; i < 80; i++) {
            WebElement focused = driver.switchTo().activeElement();
            if (name.equals(focused.getAccessibleName().trim())) {
                return focused;
            }
            // to the page, not the element: Tab sent to a file field would be taken for a file's name
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached '" + name + "' at " + driver.getCurrentUrl());
    }

    /** The Content-Security-Policy violations of the page shown now. */
    @SuppressWarnings("unchecked")
    List<String> violations() {
        Object v = driver.executeScript("return window.__cspViolations || []");
        return (List<String>) v;
    }

    /**
     * axe-core (the npm package the app's build installs) run on the page shown now: the serious and
     * critical violations, each as "rule-id: how many nodes (first target)".
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() throws IOException {
        if (!Boolean.TRUE.equals(driver.executeScript("return !!window.axe"))) {
            driver.executeScript(Files.readString(Path.of("src/main/webui/node_modules/axe-core/axe.min.js")));
        }
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done({violations: r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ': ' + v.nodes.length + ' (' + v.nodes[0].target.join(' ') + ') ' + v.help)}))"
                        + ".catch(e => done({violations: ['axe failed: ' + e]}));");
        return (List<String>) result.get("violations");
    }

    void open(String url) {
        driver.get(url);
    }

    /** The one visible element with this role whose accessible name is {@code name}, waiting for it. */
    WebElement find(String role, String name) {
        try {
            return await("a " + role + " named '" + name + "'", d -> only(role, name));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nvisible " + role + " candidates: " + names(role), e.getCause());
        }
    }

    private List<String> names(String role) {
        return driver.findElements(By.cssSelector(CANDIDATES.get(role))).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getAriaRole() + ":'" + e.getAccessibleName() + "'").toList();
    }

    /** Whether such an element is on the screen now. */
    boolean has(String role, String name) {
        return only(role, name) != null;
    }

    void click(String role, String name) {
        find(role, name).click();
    }

    /** Types into the text field labelled {@code label}, replacing what it held. */
    void type(String label, String text) {
        WebElement field = find("textbox", label);
        field.clear();
        field.sendKeys(text);
    }

    /** The browser console's entries since the last call. */
    String console() {
        try {
            return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .map(l -> l.getLevel() + " " + l.getMessage()).collect(java.util.stream.Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    /** Picks the option shown as {@code option} in the drop-down labelled {@code label}. */
    void choose(String label, String option) {
        new Select(find("combobox", label)).selectByVisibleText(option);
    }

    /** Chooses files (or one folder) for the file field labelled {@code label}, as the file dialog would. */
    void upload(String label, Path... files) {
        find("file", label).sendKeys(java.util.Arrays.stream(files).map(f -> f.toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    /** Cuts this browser off the network, or brings it back (Chrome's network conditions). */
    void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        driver.setNetworkConditions(conditions);
    }

    /**
     * Cuts this browser off the network or brings it back, over a link whose upload is limited to
     * {@code uploadBytesPerSecond} (0: unlimited), through the DevTools protocol's network emulation; going
     * offline fails the requests in flight, as a dropped county link does.
     */
    void network(boolean offline, int uploadBytesPerSecond) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline,
                "latency", uploadBytesPerSecond > 0 ? 40 : 0, "downloadThroughput", -1,
                "uploadThroughput", uploadBytesPerSecond > 0 ? uploadBytesPerSecond : -1));
    }

    /** Waits until the page's text contains {@code text}. */
    void awaitText(String text) {
        awaitText(text, PATIENCE);
    }

    /** Waits up to {@code patience} for a slow step (an upload, a first image on a busy machine). */
    void awaitText(String text, Duration patience) {
        await("the text '" + text + "'", patience,
                d -> d.findElement(By.tagName("body")).getText().contains(text) ? true : null);
    }

    <T> T await(String what, Function<ChromeDriver, T> condition) {
        return await(what, PATIENCE, condition);
    }

    <T> T await(String what, Duration patience, Function<ChromeDriver, T> condition) {
        try {
            return new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.apply((ChromeDriver) d));
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + patience.toSeconds() + " s for " + what + " at "
                    + driver.getCurrentUrl() + "; the page said:\n" + driver.findElement(By.tagName("body")).getText()
                    + "\nits console said:\n" + console(), e);
        }
    }

    private WebElement only(String role, String name) {
        List<WebElement> matches = driver.findElements(By.cssSelector(CANDIDATES.get(role))).stream()
                .filter(e -> e.isDisplayed() || "file".equals(role))
                .filter(e -> role.equals(e.getAriaRole()) || "region".equals(role) || "navigation".equals(role) || "log".equals(role) || "application".equals(role)
                        || "file".equals(role) || "password".equals(e.getDomAttribute("type")))
                .filter(e -> name.equals(e.getAccessibleName().trim()))
                .toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** Signs in at the app's page {@code appUrl} through Keycloak's own log-in page, in zh-CN. */
    void signIn(String appUrl, String username) {
        open(appUrl);
        click("button", "登录");
        SignInIT.keycloakLogIn(this, username, "用户名 或 电子邮箱地址", "密码", "登录");
        find("button", "退出登录");
    }

    void signOut() {
        click("button", "退出登录");
        find("button", "登录");
    }

    /** Scrolls the heading named {@code name} to the top of the window. */
    void showHeading(String name) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", find("heading", name));
    }

    /** A PNG of the top of the page, under target/webui-screens (the README's ones are copied from there). */
    void screenshot(String name) throws IOException {
        driver.executeScript("window.scrollTo(0, 0)");
        screenshotHere(name);
    }

    /** A PNG of the screen where it is scrolled to now. */
    void screenshotHere(String name) throws IOException {
        Files.createDirectories(SCREENS);
        Files.write(SCREENS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
