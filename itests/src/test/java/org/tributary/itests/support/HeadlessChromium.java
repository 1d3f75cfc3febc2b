package org.tributary.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium}, headless, driven through its {@code chromedriver} by Selenium: a fresh profile,
 * no network services of its own (the machine has no network, and their connections would be refused), no
 * sandbox (tests run as root). {@link #close()} ends the browser and its driver and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver browser;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver browser) {
        this.profile = profile;
        this.service = service;
        this.browser = browser;
    }

    /**
     * Skips (fails on CI) unless chromium and chromedriver are installed, then starts both.
     *
     * @param work       where the profile and the driver's log go
     * @param extraFlags more Chromium switches, such as {@code --window-size=1200,800}
     */
    public static HeadlessChromium start(Path work, String... extraFlags) throws IOException {
        Tools.require("chromium", "chromedriver");
        Path profile = Files.createTempDirectory(Files.createDirectories(work), "chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Tools.locate("chromedriver").toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolveSibling(profile.getFileName() + ".chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Tools.locate("chromium").toFile());
        options.addArguments(FLAGS);
        options.addArguments(extraFlags);
        options.addArguments("--user-data-dir=" + profile);
        try {
            ChromeDriver browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
            return new HeadlessChromium(profile, service, browser);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    /** @return the browser */
    public ChromeDriver browser() {
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> tree = Files.walk(profile)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + profile, e);
        }
    }
}
