package org.lawflow.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver; nothing is ever downloaded. Outside CI a
 * missing Chromium skips the browser tests with a message; in CI it fails them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;
    private final String baseUrl;

    private Browser(String baseUrl) throws Exception {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=zh-CN", "--accept-lang=zh-CN,zh", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("lawflow-chromium"));
        // On Linux --lang alone leaves navigator.languages at en-US; Tasklist picks its locale from it.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static Browser open(String baseUrl) throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser tests: install chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "Chromium not installed: browser test skipped (apt-get install chromium chromium-driver)");
        return new Browser(baseUrl);
    }

    /** Logs into Tasklist the way a person does (Camunda's own login form). */
    void loginToTasklist(String user) {
        login("tasklist", user);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")));
    }

    /** Logs into one of Camunda's webapps (tasklist, cockpit, admin, welcome) through its login form. */
    void login(String app, String user) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/camunda/app/" + app + "/default/");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
        form.findElement(By.cssSelector("input[type='text']")).sendKeys(user);
        form.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    }

    void logout() {
        driver.manage().deleteAllCookies();
    }

    /** Opens a task by id (Tasklist deep link), claims it if it is a group task, waits for its Camunda Form. */
    void openTask(String taskId) {
        driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
        claimAndAwaitForm();
    }

    /**
     * Finds a task the way a person does: clicks the filter (我的待办, 本组待办) in the left column, then, in the list,
     * the task of that name whose card shows the case number; claims it if it is a group task and waits for its
     * Camunda Form. Returns the task's id (from the link clicked).
     */
    String openFromList(String filter, String caseNo, String taskName) {
        WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(90));
        slow.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'task-filter')]"
                + "//h4[contains(@class,'name')]/a[text()[normalize-space(.)='" + filter + "']]"))).click();
        slow.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active h4.name"),
                filter));
        By link = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][contains(normalize-space(.),'"
                + caseNo + "')]//h4[contains(@class,'task')]/a[normalize-space(.)='" + taskName + "']");
        WebElement task = slow.until(ExpectedConditions.elementToBeClickable(link));
        String href = task.getAttribute("href");
        scrollToCenter(task);
        task.click();
        String taskId = href.substring(href.indexOf("task=") + "task=".length()).replaceAll("[&].*$", "");
        slow.until(ExpectedConditions.urlContains(taskId));
        claimAndAwaitForm();
        return taskId;
    }

    private void claimAndAwaitForm() {
        new WebDriverWait(driver, Duration.ofSeconds(90))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
        var claim = driver.findElements(By.cssSelector("[cam-tasklist-task-meta] .claim"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-task-meta] .unclaim")));
        }
        wait.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
    }

    /** A Camunda Form field by its component id (form-js prefixes ids with a per-render form key). */
    WebElement field(String componentId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fjs-form [id$='-" + componentId + "']")));
    }

    void clickLabel(String text) {
        WebElement label = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'fjs-form')]//label[normalize-space(.)='" + text + "']")));
        scrollToCenter(label);
        label.click();
    }

    /** Clicks a form field (checkbox, radio) after scrolling it clear of Tasklist's fixed footer. */
    void click(String componentId) {
        WebElement element = field(componentId);
        scrollToCenter(element);
        element.click();
    }

    private void scrollToCenter(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /**
     * Picks options of a taglist as a person does: clicks into it, types the start of each option's label to narrow
     * the list, and clicks the option; waits until the tag shows.
     */
    void pickTags(String componentId, String... labels) {
        WebElement taglist = field(componentId);
        for (String label : labels) {
            scrollToCenter(taglist);
            taglist.click();
            taglist.sendKeys(label.substring(0, 1));
            WebElement container = taglist.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field-taglist')]"));
            pickFromDropdown(container, label);
            wait.until(d -> container.findElements(By.cssSelector(".fjs-taglist-tag")).stream()
                    .anyMatch(tag -> tag.getText().contains(label)));
        }
    }

    /** Picks an option of a (searchable or plain) select as a person does: opens it, types, clicks the option. */
    void pickOption(String componentId, String label) {
        pickOption(componentId, label.substring(0, 1), label);
    }

    /** Picks an option of a searchable select by typing {@code typed} (part of it) and clicking the option {@code label}. */
    void pickOption(String componentId, String typed, String label) {
        WebElement select = field(componentId).findElement(
                By.xpath("ancestor::div[contains(@class,'fjs-form-field-select')]"));
        scrollToCenter(select);
        var inputs = select.findElements(By.cssSelector("input.fjs-input"));
        if (!inputs.isEmpty()) {
            inputs.get(0).click();
            inputs.get(0).sendKeys(typed);
        } else {
            select.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")).click();
        }
        pickFromDropdown(select, label);
    }

    /** A field's open dropdown list: clicks the item whose text contains {@code label}. */
    private void pickFromDropdown(WebElement field, String label) {
        WebElement item = wait.until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(i -> i.getText().contains(label) && i.isDisplayed()).findFirst().orElse(null));
        item.click();
    }

    /**
     * Types a day into a date field in the format its placeholder shows (form-js follows the browser's locale) and
     * waits until the field holds a day.
     */
    void typeDate(String componentId, java.time.LocalDate day) {
        WebElement input = field(componentId + "-date");
        // lawflow-forms.js shows the format in Chinese (年/月/日 for yyyy/mm/dd, in the browser's order)
        String format = String.valueOf(input.getAttribute("placeholder")).toLowerCase(java.util.Locale.ROOT)
                .replace("年", "yyyy").replace("月", "mm").replace("日", "dd");
        String text = format.replace("yyyy", String.valueOf(day.getYear()))
                .replaceAll("mm", String.format("%02d", day.getMonthValue()))
                .replaceAll("(?<![0-9])m", String.valueOf(day.getMonthValue()))
                .replace("dd", String.format("%02d", day.getDayOfMonth()))
                .replaceAll("(?<![0-9])d", String.valueOf(day.getDayOfMonth()));
        scrollToCenter(input);
        input.click();
        input.sendKeys(text);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        driver.findElement(By.cssSelector(".fjs-form h3, .fjs-form .fjs-form-field-text")).click(); // leave the field
        wait.until(d -> !String.valueOf(input.getAttribute("value")).isBlank());
    }

    /** Types a time (HH:mm) into the time part of a date-and-time field and confirms it with Enter. */
    void typeTime(String componentId, String time) {
        WebElement input = field(componentId + "-time");
        scrollToCenter(input);
        input.click();
        input.sendKeys(time);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(d -> time.equals(input.getAttribute("value")));
    }

    /** Keeps the page's HTML next to the screenshots (to see what a form rendered when a step fails). */
    void savePage(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (Exception ignored) {
            // as screenshot
        }
    }

    /**
     * Tasklist's 发起流程: opens the dialog, clicks the process whose name contains {@code name} and waits for its
     * start form in the dialog.
     */
    void startProcess(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[contains(@class,'processes')]//a[contains("
                + "normalize-space(.),'" + name + "')]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".modal-body .fjs-form")));
    }

    /** The start dialog's 开始 (start) button; waits until the dialog has closed. */
    void startInDialog() {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".modal-footer button.btn-primary[ng-click='startProcessInstance()']"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-body .fjs-form")));
    }

    void complete() {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".form-actions button.btn-primary")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", button);
        button.click();
    }

    void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (Exception ignored) {
            // a missing screenshot must not hide the real failure
        }
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }

}
