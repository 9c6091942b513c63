package org.lawflow.transfer;

import org.lawflow.system.StatutoryCount;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Transfer rules an installation may adjust ({@code lawflow.transfer.*}). The periods themselves are statutory
 * periods of the calendar ({@code lawflow.periods.TRANSFER_APPROVAL} etc.).
 *
 * @param minTeamSize special team size, never below {@link StatutoryCount#MIN_TRANSFER_TEAM} [verified]
 * @param clueFeedbackRequired whether the receiving discipline body's feedback must be recorded before a clue
 *        transfer is closed; the feedback obligation of the clue-transfer measures could not be verified [U],
 *        so the default only requires the receipt
 */
@ConfigurationProperties("lawflow.transfer")
record TransferSettings(Integer minTeamSize, Boolean clueFeedbackRequired) {

    TransferSettings {
        int least = StatutoryCount.MIN_TRANSFER_TEAM.value();
        minTeamSize = minTeamSize == null || minTeamSize < least ? least : minTeamSize;
        clueFeedbackRequired = clueFeedbackRequired != null && clueFeedbackRequired;
    }

    static TransferSettings defaults() {
        return new TransferSettings(null, null);
    }
}
