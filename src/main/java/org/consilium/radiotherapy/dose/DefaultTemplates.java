package org.consilium.radiotherapy.dose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The constraint templates a new installation starts with (version 1 of each site), from
 * {@code constraint-templates.json} beside this class: lung (conventional and SBRT), head and neck,
 * nasopharynx, cervix, breast, rectum and oesophagus, each limit with its published source. The provincial
 * hospital's physicists are expected to review and edit them.
 */
public final class DefaultTemplates {

    private static final String RESOURCE = "constraint-templates.json";

    private DefaultTemplates() {}

    public static List<ConstraintTemplate> all() {
        try (InputStream in = DefaultTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the class path");
            }
            return new ObjectMapper().readValue(in, new TypeReference<List<ConstraintTemplate>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static ConstraintTemplate site(String site) {
        return all().stream().filter(t -> t.site().equals(site)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no default template for site " + site));
    }
}
