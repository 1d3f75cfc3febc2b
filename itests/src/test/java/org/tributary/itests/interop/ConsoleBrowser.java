package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tributary.itests.support.HeadlessChromium;

/**
 * The Felix Web Console's Streaming pages in a headless Chromium, logged in as Karaf's admin: the console
 * asks for HTTP Basic, so every request of the browser carries the {@code Authorization} header (set once
 * through the DevTools protocol, as a proxy or a saved login would). Saves a screenshot of a page into the
 * folder named by {@code -Dtributary.screenshots=DIR} when that property is set.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** What the pages must never run: a script or element that came in a client's text. */
    static final String HOSTILE = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final HeadlessChromium chromium;
    private final ChromeDriver browser;
    private final String console;

    private ConsoleBrowser(HeadlessChromium chromium, String console) {
        this.chromium = chromium;
        this.browser = chromium.browser();
        this.console = console;
    }

    /** Starts Chromium (1200x800) logged in to the console at {@code http://127.0.0.1:httpPort/system/console}. */
    static ConsoleBrowser start(Path work, int httpPort, String user, String password) throws IOException {
        HeadlessChromium chromium = HeadlessChromium.start(work, "--window-size=1200,800");
        try {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            chromium.browser().executeCdpCommand("Network.enable", Map.of());
            chromium.browser().executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
            return new ConsoleBrowser(chromium, "http://127.0.0.1:" + httpPort + "/system/console");
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    /** Opens {@code /system/console/LABEL} and waits for its first data to be drawn. */
    void open(String label) {
        browser.get(console + "/" + label);
        await(label + " loaded").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() ->
                !browser.findElements(By.id("tributary")).isEmpty()
                        && (!text("tributary-status").isEmpty() || !text("tributary-updated").isEmpty()));
    }

    /** @return the visible text of the element with this id, or empty */
    String text(String id) {
        List<WebElement> found = browser.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    /** Waits for a row of table body {@code tbodyId} whose text contains {@code part}, and returns it. */
    WebElement awaitRow(String tbodyId, String part) {
        return await("a row with " + part + " in " + tbodyId).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> row(tbodyId, part), row -> row != null);
    }

    /** Waits until no row of {@code tbodyId} contains {@code part}. */
    void awaitNoRow(String tbodyId, String part) {
        await("no row with " + part + " in " + tbodyId).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> row(tbodyId, part) == null);
    }

    private WebElement row(String tbodyId, String part) {
        for (WebElement row : browser.findElements(By.cssSelector("#" + tbodyId + " > tr"))) {
            try {
                if (row.getText().contains(part)) {
                    return row;
                }
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        }
        return null;
    }

    /** Clicks {@code button} and accepts the confirmation it asks for; returns the question. */
    String clickAndConfirm(WebElement button) {
        button.click();
        return acceptConfirmation();
    }

    /**
     * Clicks what {@code by} finds in the row of {@code tbodyId} that contains {@code part}, again when the
     * page's polling redrew the row in between.
     */
    void clickInRow(String tbodyId, String part, By by) {
        await("a click on " + by + " in the row with " + part).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .ignoreException(StaleElementReferenceException.class).until(() -> {
                    awaitRow(tbodyId, part).findElement(by).click();
                    return true;
                });
    }

    /** @return the attribute {@code name} of what {@code by} finds in the row of {@code tbodyId} with {@code part} */
    String attributeInRow(String tbodyId, String part, By by, String name) {
        return await("the " + name + " of " + by + " in the row with " + part).atMost(WAIT)
                .pollInterval(Duration.ofMillis(250)).ignoreException(StaleElementReferenceException.class)
                .until(() -> awaitRow(tbodyId, part).findElement(by).getAttribute(name), value -> value != null);
    }

    /** Like {@link #clickInRow}, then accepts the confirmation it asks for; returns the question. */
    String clickInRowAndConfirm(String tbodyId, String part, By by) {
        clickInRow(tbodyId, part, by);
        return acceptConfirmation();
    }

    private String acceptConfirmation() {
        return await("a confirmation").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                var alert = browser.switchTo().alert();
                String question = alert.getText();
                alert.accept();
                return question;
            } catch (NoAlertPresentException notYet) {
                return null;
            }
        }, question -> question != null);
    }

    /** Waits until the status line says something containing {@code part}. */
    void awaitStatus(String part) {
        await("status line with " + part).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> text("tributary-status"), status -> status.contains(part));
    }

    /** Asserts that nothing a client sent ran or became markup on the page. */
    void assertNothingInjected() {
        Object found = browser.executeScript("return [String(window.pwned),"
                + " document.querySelectorAll('#tributary script, #tributary img').length];");
        assertEquals("scripts or images injected into " + browser.getCurrentUrl(), List.of("undefined", 0L), found);
    }

    /** Saves the page as {@code NAME.png} into the screenshot folder, when one is named. */
    void screenshot(String name) throws IOException {
        String folder = System.getProperty("tributary.screenshots", "");
        if (!folder.isEmpty()) {
            Path dir = Files.createDirectories(Path.of(folder));
            Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** @return the browser, for what the helpers above do not cover */
    ChromeDriver browser() {
        return browser;
    }

    @Override
    public void close() {
        chromium.close();
    }
}
