package org.lawflow.documents;

/** Packages of documents sent to other bodies: filing (备案), criminal transfer (移送) and discipline clue transfer. */
public enum PackageKind {

    FILING("备案材料", "重大行政处罚决定备案（国办发〔2018〕118号；省级备案规定，待核实）", false),
    CRIMINAL_TRANSFER("移送材料", "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第六条", false),
    DISCIPLINE_TRANSFER("问题线索移送材料", "《中华人民共和国监察法》；问题线索移送工作办法（县级实施细则，待核实）", true);

    private final String title;
    private final String legalBasis;
    private final boolean restricted;

    PackageKind(String title, String legalBasis, boolean restricted) {
        this.title = title;
        this.legalBasis = legalBasis;
        this.restricted = restricted;
    }

    public String title() {
        return title;
    }

    /** The legal basis written into manifest.json. */
    public String legalBasis() {
        return legalBasis;
    }

    public boolean restricted() {
        return restricted;
    }
}
