package org.lawflow.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What Tasklist's task pane and its notices say to the officer: every visible text, and the placeholder, aria-label,
 * title and alt of every rendered element (screen readers and tooltips speak those), and the options of visible lists.
 * The bpmn.io watermark of Camunda Forms is left out: its licence requires it to stay as it is.
 */
final class PageTexts {

    /** Latin words an officer may meet: document formats, 身份证 ID, and the product's own name. */
    static final Set<String> ALLOWED = Set.of("PDF", "ID", "ZIP", "LawFlow");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    private static final String COLLECT = """
            const out = [];
            const skip = (el) => !el || el.closest('.fjs-powered-by, .fjs-powered-by-lightbox, script, style, noscript');
            const shown = (el) => {
              if (!el || !el.getClientRects().length) return false;
              const style = getComputedStyle(el);
              return style.visibility !== 'hidden' && style.display !== 'none';
            };
            for (const root of document.querySelectorAll('[cam-tasklist-task], .page-notifications')) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = n.data.trim();
              if (text && !skip(n.parentElement) && shown(n.parentElement)) out.push('text: ' + text);
            }
            for (const el of root.querySelectorAll('*')) {
              if (skip(el) || !shown(el)) continue;
              for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
                const value = el.getAttribute(name);
                if (value && value.trim()) out.push(name + ': ' + value.trim());
              }
              if (el.tagName === 'SELECT') for (const o of el.options) out.push('option: ' + o.text);
            }
            }
            return out;
            """;

    private PageTexts() {
    }

    /** Every text of the page as "kind: text". */
    @SuppressWarnings("unchecked")
    static List<String> collect(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(COLLECT);
    }

    /**
     * The texts of the page that contain a Latin word outside {@link #ALLOWED} and {@code names} (the login names
     * officers type, e.g. the attendees of 集体讨论).
     */
    static List<String> english(WebDriver driver, Set<String> names) {
        List<String> found = new ArrayList<>();
        for (String text : collect(driver)) {
            Matcher m = WORD.matcher(text.substring(text.indexOf(':') + 1));
            while (m.find()) {
                if (!ALLOWED.contains(m.group()) && !names.contains(m.group())) {
                    found.add(text);
                    break;
                }
            }
        }
        return found;
    }
}
