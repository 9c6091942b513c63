package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawflow.casefile.EnforcementCase.Party;
import org.lawflow.casefile.EnforcementCase.PartyType;

class PersonalDataMaskerTest {

    private static final Party CITIZEN = new Party(PartyType.CITIZEN, "马建国", "630102198506123019", null,
            "13800971234", "青海省西宁市城东区八一路1号", "majianguo@party.example");
    private static final Party COMPANY = new Party(PartyType.ORGANIZATION, "西宁顺达客运有限公司", "916301007104800007",
            "王海", "0971-8123456", "青海省西宁市城西区五四大街18号", null);
    private static final PersonalDataMasker FOR_CITIZEN = PersonalDataMasker.forParty(CITIZEN);
    private static final PersonalDataMasker FOR_COMPANY = PersonalDataMasker.forParty(COMPANY);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "当事人马建国（身份证号630102198506123019）已缴纳罚款 | 当事人马**（身份证号630102********3019）已缴纳罚款",
            "乘客身份证号63212319900101005X | 乘客身份证号632123********005X",
            "乘客身份证号63212319900101005x | 乘客身份证号632123********005x",
            "旧身份证号630102850612301 | 旧身份证号630102*****2301",
            "联系电话13800971234。 | 联系电话138****1234。",
            "手机+86 139-0971-5678 | 手机+86**********5678",
            "电话0971-8234567 | 电话097*****4567",
            "当事人马 建 国到场 | 当事人马****到场",
            "马建国住青海省西宁市城东区八一路1号 | 马**住青海省西宁市城东区*****",
            "送达地址：城东区八一路1号 | 送达地址：城东区*****",
            "证人住西宁市城中区南大街12号院3号楼2单元301室 | 证人住西宁市城中区*****************",
            "家住湟中区鲁沙尔镇阿家庄村3社 | 家住湟中区鲁沙尔镇******"})
    void masksTheNaturalPersonsData(String text, String masked) {
        assertThat(FOR_CITIZEN.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "宁交执罚〔2026〕1号",
            "决定给予罚款30000元的行政处罚",
            "罚款13000000元",
            "2026年11月3日，2026-11-03，20261103",
            "依据《中华人民共和国道路运输条例》第六十三条、交通运输部令2022年第3号的规定",
            "国办发〔2018〕118号",
            "当事人驾驶青A12345小型客车在西宁火车站载客收费",
            "在G109国道2100公里处",
            "12328交通运输服务监督电话"})
    void leavesLegalTextAlone(String text) {
        assertThat(FOR_CITIZEN.mask(text)).isEqualTo(text);
        assertThat(FOR_COMPANY.mask(text)).isEqualTo(text);
    }

    @Test
    void organisationsArePublicButPersonsInTheirTextAreNot() {
        String text = "西宁顺达客运有限公司（统一社会信用代码916301007104800007，住所青海省西宁市城西区五四大街18号）"
                + "驾驶员身份证号630102198506123019，手机13800971234";
        assertThat(FOR_COMPANY.mask(text)).isEqualTo("西宁顺达客运有限公司（统一社会信用代码916301007104800007，"
                + "住所青海省西宁市城西区五四大街18号）驾驶员身份证号630102********3019，手机138****1234");
        // digits 7-14 read as a birth date, but the check digit is that of a 统一社会信用代码, not of an identity number
        assertThat(FOR_COMPANY.mask("另一单位916301199001010012")).isEqualTo("另一单位916301199001010012");
    }

    @Test
    void maskingIsIdempotentSoAMaskedNoteNeedsNoConfirmation() {
        String once = FOR_CITIZEN.mask("马建国，630102198506123019，13800971234，青海省西宁市城东区八一路1号");
        assertThat(once).isEqualTo("马**，630102********3019，138****1234，青海省西宁市城东区*****");
        assertThat(FOR_CITIZEN.mask(once)).isEqualTo(once);
    }

    @Test
    void blankTextStaysBlank() {
        assertThat(FOR_CITIZEN.mask(null)).isNull();
        assertThat(FOR_CITIZEN.mask("")).isEmpty();
    }
}
