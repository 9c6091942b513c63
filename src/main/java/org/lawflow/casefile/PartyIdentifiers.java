package org.lawflow.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

import org.lawflow.system.ChinaTime;

/**
 * Check digits of the two identifiers a party can have: the citizen identity number (公民身份号码, GB 11643-1999)
 * and the unified social credit code (统一社会信用代码, GB 32100-2015). A typo caught here is a decision not
 * served on the wrong person.
 */
public final class PartyIdentifiers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Null when valid, else the reason in Chinese. */
    public static String citizenIdProblem(String id) {
        if (id == null || !id.matches("\\d{17}[\\dX]")) {
            return "公民身份号码应为18位（最后一位可为X）";
        }
        try {
            LocalDate birth = LocalDate.parse(id.substring(6, 14), BIRTH);
            if (birth.isAfter(ChinaTime.today()) || birth.getYear() < 1900) {
                return "公民身份号码中的出生日期无效";
            }
        } catch (RuntimeException e) {
            return "公民身份号码中的出生日期无效";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == id.charAt(17) ? null : "公民身份号码校验码错误";
    }

    /** Null when valid, else the reason in Chinese. */
    public static String creditCodeProblem(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为18位";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = USCC_CHARS.indexOf(code.charAt(i));
            if (value < 0) {
                return "统一社会信用代码含有无效字符";
            }
            sum += value * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return USCC_CHARS.charAt(check) == code.charAt(17) ? null : "统一社会信用代码校验码错误";
    }

    /** Masks an identifier for publication (公示): keeps the first 6 and last 4 characters. */
    public static String mask(String id) {
        if (id == null || id.length() < 10) {
            return "****";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    private PartyIdentifiers() {
    }
}
