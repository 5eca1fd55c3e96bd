package org.consilium.dicom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PS3.15 Table E.1-1 as data, read from {@code basic-profile.tsv} beside this class (transcribed from the
 * standard; see that file's header).
 */
public final class ConfidentialityProfile {

    private static final ConfidentialityProfile TABLE = load();

    private final Map<Integer, ProfileRule> exact;
    private final List<ProfileRule> patterns;

    private ConfidentialityProfile(Map<Integer, ProfileRule> exact, List<ProfileRule> patterns) {
        this.exact = Collections.unmodifiableMap(exact);
        this.patterns = List.copyOf(patterns);
    }

    public static ConfidentialityProfile table() {
        return TABLE;
    }

    /** The row for a tag, or null when the table does not list it (the attribute is then kept). */
    public ProfileRule ruleFor(int tag) {
        ProfileRule rule = exact.get(tag);
        if (rule != null) {
            return rule;
        }
        for (ProfileRule p : patterns) {
            if (p.matches(tag)) {
                return p;
            }
        }
        return null;
    }

    /** Every row, exact tags first, then the repeating-group patterns (50xx,xxxx), (60xx,3000), (60xx,4000). */
    public List<ProfileRule> rules() {
        List<ProfileRule> all = new ArrayList<>(exact.values());
        all.addAll(patterns);
        return all;
    }

    private static ConfidentialityProfile load() {
        Map<Integer, ProfileRule> exact = new HashMap<>();
        List<ProfileRule> patterns = new ArrayList<>();
        try (InputStream in = ConfidentialityProfile.class.getResourceAsStream("basic-profile.tsv")) {
            if (in == null) {
                throw new IllegalStateException("basic-profile.tsv missing beside " + ConfidentialityProfile.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String hex = f[0].toUpperCase();
                int tag = (int) Long.parseLong(hex.replace('X', '0'), 16);
                int mask = (int) Long.parseLong(hex.replaceAll("[0-9A-F]", "F").replace('X', '0'), 16);
                ProfileRule rule = new ProfileRule(tag, mask, f[4], f[1], option(f[2]), option(f[3]));
                ProfileAction.resolve(rule.basic()); // fail at load on a code we do not know
                if (mask == -1) {
                    exact.put(tag, rule);
                } else {
                    patterns.add(rule);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfidentialityProfile(exact, patterns);
    }

    private static String option(String code) {
        return code.equals("-") ? null : code;
    }
}
