package org.lawflow.review;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PartyIdentifiers;

/**
 * Masks the personal data of natural persons in text that goes to the public (公示, 个人信息保护法): the citizen
 * party's name, identity numbers (18 and old 15 digits), phone numbers and addresses, in the same style as the
 * public page's 执法对象/证件号码 columns (马**, 630102********3019). An organisation party's name, 统一社会信用代码
 * and address are public by law and stay as written.
 */
public final class PersonalDataMasker {

    private static final Pattern ID_18 = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern ID_15 = Pattern.compile("(?<![0-9A-Za-z])\\d{15}(?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])(?:(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}"
            + "|(?:0\\d{2,3}[-－]|[（(]0\\d{2,3}[)）])\\d{7,8}|0[1-9]\\d{9,10})(?![0-9])");
    // An address needs a street, compound or village with a house number right after an administrative division or
    // a word like 住址; this keeps case numbers (宁交执罚〔2026〕1号) and 道路运输条例 out.
    private static final String AFTER = "(?<=[省市区县州盟旗镇乡]|住址[:：]?|地址[:：]?|住所[:：]?|住|位于|居住在|居住于)";
    private static final String PLACE_NAME = "[^\\s\\p{P}\\p{S}省市区县州盟旗镇乡]{1,12}?";
    private static final String NUMERAL = "[0-9０-９A-Za-z一二三四五六七八九十百千零〇]+";
    private static final String UNIT = "(?:" + NUMERAL + "(?:号楼|号院|栋|幢|座|单元|层|楼|室|号|户))";
    private static final Pattern ADDRESS = Pattern.compile(AFTER + "(?:"
            + PLACE_NAME + "(?:路|街|大道|巷|胡同|弄)" + NUMERAL + "(?:[-－][0-9]+)?号院?" + UNIT + "*"
            + "|" + PLACE_NAME + "(?:小区|花园|家园|公寓|新村|大厦|苑)" + UNIT + "+"
            + "|" + PLACE_NAME + "村(?:" + NUMERAL + "(?:社|组|号))+)");
    /** The divisions an address starts with (省, 市/州, 区/县): coarse enough to stay readable. */
    private static final Pattern DIVISIONS = Pattern.compile("^(?:[^省市区县旗]{1,8}?(?:省|自治区))?"
            + "(?:[^省市区县旗]{1,8}?(?:市|自治州|州|地区|盟))?(?:[^省市区县旗]{1,8}?(?:区|县|旗|市))?");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private record Hit(int start, int end, String replacement) {
        boolean overlaps(Hit other) {
            return start < other.end && other.start < end;
        }
    }

    private final List<String> publicTerms;
    private final List<Function<String, List<Hit>>> detectors;

    private PersonalDataMasker(List<String> publicTerms, List<Function<String, List<Hit>>> detectors) {
        this.publicTerms = publicTerms;
        this.detectors = detectors;
    }

    /** The masker for a case: what it knows about the party is masked wherever it appears, besides the patterns. */
    public static PersonalDataMasker forParty(EnforcementCase.Party party) {
        List<Function<String, List<Hit>>> detectors = new ArrayList<>(List.of(
                text -> hits(ID_18, text, PersonalDataMasker::isPersonalId18, PartyIdentifiers::mask),
                text -> hits(ID_15, text, PersonalDataMasker::isPersonalId15, PartyIdentifiers::mask),
                text -> hits(PHONE, text, s -> true, PersonalDataMasker::maskPhone)));
        if (party == null || party.type() != EnforcementCase.PartyType.CITIZEN) {
            List<String> publicTerms = party == null ? List.of()
                    : nonBlank(party.name(), party.idNumber(), party.address());
            detectors.add(text -> hits(ADDRESS, text, s -> true, PersonalDataMasker::stars));
            return new PersonalDataMasker(publicTerms, detectors);
        }
        detectors.add(text -> occurrences(text, party.phone(), PersonalDataMasker::maskPhone));
        detectors.add(text -> occurrences(text, party.address(), PersonalDataMasker::maskAddress));
        detectors.add(text -> occurrences(text, streetPart(party.address()), PersonalDataMasker::stars));
        detectors.add(text -> hits(ADDRESS, text, s -> true, PersonalDataMasker::stars));
        detectors.add(text -> occurrences(text, party.name(), PersonalDataMasker::maskName));
        return new PersonalDataMasker(List.of(), detectors);
    }

    /** The text with every match masked; earlier detectors win where two overlap, public terms are left alone. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Hit> kept = new ArrayList<>();
        publicTerms.forEach(term -> kept.addAll(occurrences(text, term, s -> s)));
        int publicCount = kept.size();
        for (var detector : detectors) {
            for (Hit hit : detector.apply(text)) {
                if (kept.stream().noneMatch(hit::overlaps)) {
                    kept.add(hit);
                }
            }
        }
        List<Hit> masks = new ArrayList<>(kept.subList(publicCount, kept.size()));
        masks.sort(Comparator.comparingInt(Hit::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Hit hit : masks) {
            out.append(text, at, hit.start()).append(hit.replacement());
            at = hit.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /** 马建国 → 马**. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }

    /** 13800971234 → 138****1234. */
    public static String maskPhone(String phone) {
        if (phone.length() <= 7) {
            return stars(phone);
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** 青海省西宁市城东区八一路1号 → 青海省西宁市城东区*****: the divisions stay, street and house number go. */
    public static String maskAddress(String address) {
        String divisions = divisions(address);
        return divisions + stars(address.substring(divisions.length()));
    }

    private static String stars(String s) {
        return "*".repeat(s.length());
    }

    private static String divisions(String address) {
        Matcher m = DIVISIONS.matcher(address);
        return m.find() ? m.group() : "";
    }

    /** The part of the party's address after the divisions, which a note may give without them. */
    private static String streetPart(String address) {
        if (address == null) {
            return null;
        }
        String street = address.substring(divisions(address).length());
        return street.length() >= 3 ? street : null;
    }

    private static boolean isPersonalId18(String s) {
        String id = s.toUpperCase();
        // a valid 统一社会信用代码 that is no valid identity number belongs to an organisation: public
        return PartyIdentifiers.citizenIdProblem(id) == null || PartyIdentifiers.creditCodeProblem(id) != null;
    }

    /** Old 15-digit numbers carry the birth date as yyMMdd from the 7th digit (all of the 1900s). */
    private static boolean isPersonalId15(String s) {
        try {
            LocalDate.parse("19" + s.substring(6, 12), BIRTH);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Hit> hits(Pattern pattern, String text, Predicate<String> personal,
            Function<String, String> mask) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (personal.test(m.group())) {
                hits.add(new Hit(m.start(), m.end(), mask.apply(m.group())));
            }
        }
        return hits;
    }

    /** Occurrences of a known value, also with blanks between its characters (马 建 国). */
    private static List<Hit> occurrences(String text, String value, Function<String, String> mask) {
        if (value == null || value.strip().length() < 2) {
            return List.of();
        }
        List<String> characters = value.strip().codePoints().filter(cp -> !Character.isWhitespace(cp))
                .mapToObj(cp -> Pattern.quote(Character.toString(cp))).toList();
        return hits(Pattern.compile(String.join("\\s*", characters), Pattern.CASE_INSENSITIVE), text, s -> true,
                mask);
    }

    private static List<String> nonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }
}
