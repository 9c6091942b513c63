package org.lawflow.enforcement;

import java.math.BigDecimal;

/** Amounts in 元 as the forms and documents print them: 20000元, 20600.5元. */
final class Money {

    static String text(BigDecimal amount) {
        return amount == null ? "—" : plain(amount) + "元";
    }

    /** The number alone, as variables keep it for the forms and documents: 20000, 20600.5. */
    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private Money() {
    }
}
