package org.outreach.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outreach.TestWorkspace;
import org.outreach.store.Database;

/**
 * The review page in a real headless Chromium (Debian's chromium and chromium-driver; ./verify installs them):
 * a reviewer opens it, picks a contact, reads their email, sees a warning, approves — and launch follows the
 * approval.
 */
class ReviewPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    private WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_reviewer_picks_a_contact_sees_a_warning_and_approves_and_launch_follows_the_approval() throws Exception {
        var workspace = TestWorkspace.in(dir).write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN + "review: required\n");
        // A planted warning: a placeholder left in the follow-up.
        workspace.write("templates/rse/lab/nudge.ftl", "Hi ${contact.first_name}, see you at [PLACE]. TODO confirm room\n"
                + "<#include \"/rse/_signature.ftl\">\n");
        browser = chromium();
        try (Database database = Database.open(workspace.databaseUrl());
             ReviewServer server = ReviewServerTest.server(workspace, database)) {
            browser.get(server.address().toString());
            assertThat(browser.getTitle()).isEqualTo("Springfield RSE launch");

            browser.findElement(By.linkText("intro")).click();
            await().until(ExpectedConditions.presenceOfElementLocated(By.id("contact")));
            new Select(browser.findElement(By.id("contact"))).selectByValue("ben@example.edu");
            browser.findElement(By.id("show")).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("text"), "Hi Ben,"));
            assertThat(browser.findElement(By.id("text")).getText()).startsWith("Hi Ben,");
            saveScreenshot();
            assertThat(browser.findElement(By.id("warnings")).getText())
                    .contains("templates/rse/lab/nudge.ftl: warning: \"TODO\" looks like a placeholder left in the text");
            browser.findElement(By.id("previous")).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("text"), "Hi Ana,"));

            browser.findElement(By.linkText("← Overview")).click();
            await().until(ExpectedConditions.presenceOfElementLocated(By.id("reviewer")));
            browser.findElement(By.id("reviewer")).sendKeys("Grace Reviewer");
            browser.findElement(By.id("approve")).click();
            await().until(ExpectedConditions.presenceOfElementLocated(By.id("approved")));
            assertThat(browser.findElement(By.id("approved")).getText()).startsWith("Approved by Grace Reviewer");
        }

        assertThat(workspace.run("launch", "launch").code()).isZero();
        workspace.write("templates/rse/team/intro.ftl", "Subject: Changed\n\nHi ${contact.first_name}\n");
        var refused = workspace.run("launch", "launch");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("templates/rse/team/intro.ftl changed");
    }

    /** Waits for the page a click led to; a slow machine waits longer, a broken page still fails. */
    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private WebDriver chromium() {
        assertThat(CHROMIUM).as("Debian's chromium is installed (./verify installs it when missing)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1100,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The page as a reviewer sees it, kept with the build for the README and for whoever looks at CI. */
    private void saveScreenshot() throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target/review-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
