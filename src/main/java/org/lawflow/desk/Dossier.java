package org.lawflow.desk;

import java.util.List;

/**
 * A case dossier as people read it: sections of label/value rows (Chinese labels, China time, names) and links.
 * The same data fills the Tasklist forms (form variable {@code dossier}) and the page {@code /desk/cases/{caseNo}}.
 */
record Dossier(String caseNo, String title, String url, boolean masked, List<Section> sections) {

    record Section(String title, List<Row> rows, List<Link> links) {
        Section(String title, List<Row> rows) {
            this(title, rows, List.of());
        }
    }

    record Row(String label, String value) {
    }

    record Link(String label, String url) {
    }

    /** The section with that title, if any (tests, the page). */
    Section section(String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst().orElse(null);
    }
}
