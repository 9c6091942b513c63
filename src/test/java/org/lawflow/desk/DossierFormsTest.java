package org.lawflow.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every task form shows the case dossier, and the same one: form-js has no shared parts, so each form carries its own
 * copy of the {@code Html_Dossier} component, and a copy left behind by an edit would show the case differently. Start
 * forms have no case yet; the task forms of {@link #NOT_ABOUT_ONE_CASE} are about an agency's many cases (no
 * {@code caseId} on the task, so the dossier filter would have nothing to show) and carry none either.
 */
class DossierFormsTest {

    /** Task forms about no single case: the head approves the year's 案卷评查情况通报, which lists every sampled case. */
    static final java.util.Set<String> NOT_ABOUT_ONE_CASE = java.util.Set.of("approve-evaluation-bulletin.form");

    @Test
    void everyTaskFormCarriesTheSameDossier() throws IOException {
        Map<String, List<String>> formsByContent = new TreeMap<>();
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
        for (Path form : forms) {
            List<String> dossiers = new ArrayList<>();
            collect(new ObjectMapper().readTree(form.toFile()).path("components"), dossiers);
            String name = form.getFileName().toString();
            if (name.startsWith("start-") || NOT_ABOUT_ONE_CASE.contains(name)) {
                assertThat(dossiers).as(name).isEmpty();
            } else {
                assertThat(dossiers).as(name).hasSize(1);
                formsByContent.computeIfAbsent(dossiers.get(0), c -> new ArrayList<>()).add(name);
            }
        }
        assertThat(formsByContent.values()).as("forms grouped by their dossier component").hasSize(1);
        assertThat(formsByContent.keySet().iterator().next()).contains("{{#loop dossier.sections}}", "table-layout:fixed");
    }

    private static void collect(JsonNode components, List<String> dossiers) {
        for (JsonNode c : components) {
            if ("Html_Dossier".equals(c.path("id").asText())) {
                dossiers.add(c.path("content").asText());
            }
            collect(c.path("components"), dossiers);
        }
    }
}
