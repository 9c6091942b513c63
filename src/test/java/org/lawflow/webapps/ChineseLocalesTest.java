package org.lawflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our zh.json for each Camunda webapp against the English original in the Camunda webjar on the classpath:
 * every key of en.json is there, each label keeps its placeholders and HTML tags, and no label was left in English.
 * A Camunda upgrade that adds labels makes this test fail until they are translated.
 */
class ChineseLocalesTest {

    private static final String APP_DIR = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** AngularJS interpolations ({{ name }}) and the HTML tags the Camunda labels use. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|</?(a|strong|b|i|em|br|code|span|p)\\b[^>]*>");
    private static final Pattern URL_PATTERN = Pattern.compile("(https?:)?//\\S+|/camunda-welcome");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    /** Words that stay in Latin letters in Chinese too: standards, abbreviations, the vendor's name. */
    private static final Set<String> LATIN_WHITELIST = Set.of("BPMN", "DMN", "CMMN", "ID", "REST", "Camunda");

    /** Cockpit appends these to English nouns for the plural ("instance" + "s"); Chinese has no plural ending. */
    private static final Set<String> PLURAL_SUFFIX_KEYS =
            Set.of("PLGN_BATCH_S", "PLGN_MIG_S", "PLGN_MOD_DIALOG_S", "PLGN_MOD_RESTART_DIALOG_S");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void chineseHasEveryKeyOfTheEnglishOriginal(String app) throws IOException {
        JsonNode en = english(app);
        JsonNode zh = chinese(app);
        Set<String> missing = new TreeSet<>(keyPaths(en, ""));
        missing.removeAll(keyPaths(zh, ""));
        Set<String> extra = new TreeSet<>(keyPaths(zh, ""));
        extra.removeAll(keyPaths(en, ""));
        assertThat(missing).as(app + ": keys of en.json missing in zh.json").isEmpty();
        assertThat(extra).as(app + ": keys in zh.json that en.json does not have").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void everyLabelKeepsItsPlaceholdersAndIsChinese(String app) throws IOException {
        JsonNode en = english(app).get("labels");
        JsonNode zh = chinese(app).get("labels");
        List<String> wrongPlaceholders = new ArrayList<>();
        List<String> leftInEnglish = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            String english = label.getValue().asText();
            JsonNode translated = zh.get(label.getKey());
            if (translated == null) {
                continue; // reported by the key test
            }
            String chinese = translated.asText();
            if (!placeholders(english).equals(placeholders(chinese))) {
                wrongPlaceholders.add(label.getKey() + ": " + placeholders(english) + " vs " + placeholders(chinese));
            }
            boolean pluralEnding = PLURAL_SUFFIX_KEYS.contains(label.getKey()) && english.equals("s") && chinese.isEmpty();
            if (LATIN.matcher(visibleText(english)).find() && !looksChinese(chinese) && !pluralEnding) {
                leftInEnglish.add(label.getKey() + " = " + chinese);
            }
        }
        assertSoftly(softly -> {
            softly.assertThat(wrongPlaceholders).as(app + ": labels whose placeholders differ from en.json").isEmpty();
            softly.assertThat(leftInEnglish).as(app + ": labels left in English").isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void configOffersChinese(String app) throws IOException {
        String config = resource(APP_DIR + app + "/scripts/config.js");
        assertThat(config).as(app + " config.js").containsPattern("(?m)^\\s*availableLocales: \\['zh', 'en'\\]");
    }

    /** The checks themselves must catch what they are meant to catch. */
    @Test
    void checksRecogniseEnglishAndLostPlaceholders() {
        assertThat(looksChinese("Start process")).isFalse();
        assertThat(looksChinese("BPMN")).isTrue();
        assertThat(looksChinese("流程 ID")).isTrue();
        assertThat(placeholders("Delete {{name}}? <a href=\"x\">here</a>"))
                .isNotEqualTo(placeholders("删除 {{ name }}？<a href=\"x\">这里</a>"))
                .isEqualTo(placeholders("删除<a href=\"x\">这里</a> {{name}}？"));
        assertThat(placeholders("<null>")).isEmpty();
    }

    private static boolean looksChinese(String text) {
        if (CJK.matcher(text).find()) {
            return true;
        }
        String rest = visibleText(text);
        for (String word : LATIN_WHITELIST) {
            rest = rest.replaceAll("\\b" + word + "\\b", "");
        }
        return !LATIN.matcher(rest).find();
    }

    /** What a user reads: without placeholders, tags and links. */
    private static String visibleText(String label) {
        return URL_PATTERN.matcher(PLACEHOLDER.matcher(label).replaceAll(" ")).replaceAll(" ");
    }

    /** Placeholders and tags in their order of appearance sorted, since Chinese word order differs. */
    private static List<String> placeholders(String label) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(label);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        found.sort(null);
        return found;
    }

    private static Set<String> keyPaths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                paths.add(prefix + name);
                paths.addAll(keyPaths(node.get(name), prefix + name + "."));
            });
        }
        return paths;
    }

    private static JsonNode english(String app) throws IOException {
        // our resources hold no en.json, so the class path answers with the one in Camunda's webjar
        URL url = ChineseLocalesTest.class.getClassLoader().getResource(APP_DIR + app + "/locales/en.json");
        assertThat(url).as("en.json of " + app + " in the Camunda webjar").isNotNull();
        assertThat(url.toString()).contains("camunda-webapp-webjar");
        return parse(resource(APP_DIR + app + "/locales/en.json"));
    }

    private static JsonNode chinese(String app) throws IOException {
        return parse(resource(APP_DIR + app + "/locales/zh.json"));
    }

    private static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json); // Camunda's files start with a BOM
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ChineseLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
