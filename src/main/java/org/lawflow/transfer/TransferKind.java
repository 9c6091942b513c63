package org.lawflow.transfer;

import java.util.Locale;

/** What is transferred and to which process: 涉嫌犯罪案件 to the police, 问题线索 to discipline inspection. */
enum TransferKind {
    CRIMINAL("criminal-case-transfer", "涉嫌犯罪案件移送"),
    DISCIPLINE("discipline-clue-transfer", "问题线索移送");

    final String processKey;
    final String label;

    TransferKind(String processKey, String label) {
        this.processKey = processKey;
        this.label = label;
    }

    /** "criminal" / "discipline" as in the REST body; null if unknown. */
    static TransferKind parse(String value) {
        if (value == null) {
            return null;
        }
        for (TransferKind kind : values()) {
            if (kind.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        return null;
    }
}
