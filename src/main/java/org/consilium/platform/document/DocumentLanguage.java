package org.consilium.platform.document;

import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * The two languages a document (consult opinion, radiotherapy review summary) is issued in; {@link #tag} is
 * the BCP 47 tag written into the PDF.
 */
public enum DocumentLanguage {
    ZH_CN("zh-CN"),
    EN("en");

    public final String tag;

    DocumentLanguage(String tag) {
        this.tag = tag;
    }

    /** The language of a {@code lang} query parameter: zh-CN (or zh) or en; 400 otherwise. */
    public static DocumentLanguage of(String lang) {
        return switch (lang) {
            case "zh-CN", "zh" -> ZH_CN;
            case "en" -> EN;
            default -> throw new ProblemException(ProblemType.BAD_REQUEST, "lang must be zh-CN or en");
        };
    }
}
