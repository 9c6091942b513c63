package org.lawflow.review;

import java.time.LocalDate;
import java.util.Date;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/** The withdrawal period (WITHDRAWAL, 3 working days) from the statutory calendar bean {@code deadlines}. */
@Component
class WithdrawalDeadline {

    private final BeanFactory beans;

    WithdrawalDeadline(BeanFactory beans) {
        this.beans = beans;
    }

    Date from(LocalDate changedOn) {
        Object deadlines = beans.getBean("deadlines");
        try {
            return (Date) deadlines.getClass().getMethod("due", String.class, Object.class)
                    .invoke(deadlines, "WITHDRAWAL", changedOn);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("statutory calendar unavailable", e);
        }
    }
}
