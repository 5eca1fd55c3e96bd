package org.consilium.consult.document;

/** The two languages a consult document is issued in; {@link #tag} is the BCP 47 tag written into the PDF. */
public enum DocumentLanguage {
    ZH_CN("zh-CN"),
    EN("en");

    public final String tag;

    DocumentLanguage(String tag) {
        this.tag = tag;
    }
}
