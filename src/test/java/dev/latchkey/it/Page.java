package dev.latchkey.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does on Latchkey's pages in a real browser: open, type, press, read what is shown, take a picture.
 */
final class Page implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    Page(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    Page open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Waits until the address is this path (query and all); returns this page. */
    Page at(String path) {
        wait.withMessage(() -> "expected to be at " + path + " but at " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().equals(base + path));
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    Page type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Page press(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        return this;
    }

    /** The visible text of this element, once it is shown and not empty. */
    String text(String id) {
        WebElement element = visible(id);
        wait.until(d -> !element.getText().isBlank());
        return element.getText();
    }

    /** Waits until this element shows text containing {@code expected}; returns its whole text. */
    String shows(String id, String expected) {
        WebElement element = visible(id);
        wait.withMessage(() -> "#" + id + " shows \"" + expected + "\", not \"" + element.getText() + "\"")
                .until(d -> element.getText().contains(expected));
        return element.getText();
    }

    boolean isShown(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void until(String what, java.util.function.BooleanSupplier condition) {
        wait.withMessage(what).until(d -> condition.getAsBoolean());
    }

    Object script(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    void phoneWidth() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** Saves what the page shows now as target/screenshots/{name}.png. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
        return Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
