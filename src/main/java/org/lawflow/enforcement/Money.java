package org.lawflow.enforcement;

import java.math.BigDecimal;

/** Amounts in 元 as the forms and documents print them: 20000元, 20600.5元. */
final class Money {

    static String text(BigDecimal amount) {
        return amount == null ? "—" : amount.stripTrailingZeros().toPlainString() + "元";
    }

    private Money() {
    }
}
