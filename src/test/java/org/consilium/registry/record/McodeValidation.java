package org.consilium.registry.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * HAPI FHIR's instance validator against the base R4 profiles (hapi-fhir-validation-resources-r4) and the mCODE STU 4
 * profiles, value sets and code systems of the FHIR packages in {@code src/test/fhir-packages} (fetched by
 * {@code bin/fhir-packages}), with what mCODE refers to in the packages it depends on. A resource is checked against
 * every profile its {@code meta.profile} names, and a profile that cannot be found is an error. Codes of systems no
 * loaded package defines (SNOMED CT, LOINC, ICD-10, ICD-O-3, AJCC) are warnings, not errors: no terminology server is
 * reached.
 *
 * <p>mCODE 4.0.0 derives most of its profiles from US Core 6.1.0, which the registry this build reaches does not serve.
 * The mCODE snapshots carry US Core's constraints (us-core-6, us-core-7, us-core-21 are checked), but three checks
 * need US Core's own definitions and cannot be made without them: a reference's target against a US Core profile
 * ("Unable to resolve the profile reference", and the "Invalid Resource target type" that follows it at the same
 * place), and the {@code us-core} category slice of the primary cancer condition, bound to a US Core value set.
 * {@link #errors} leaves exactly those out; {@link #uncheckedWithoutUsCore} lists them.
 */
public final class McodeValidation {

    static final Path PACKAGES = Path.of("src/test/fhir-packages");
    /** The conformance resources the validator needs from a package; examples and the rest are left out. */
    private static final Set<String> CONFORMANCE = Set.of("StructureDefinition", "ValueSet", "CodeSystem");

    private static final String UNRESOLVED = "Unable to resolve the profile reference '";
    private static final String US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";
    private static final Pattern US_CORE_SLICE = Pattern.compile("^Slice '[A-Za-z.]+:us-core': a matching slice is"
            + " required, but not found");

    /** A canonical URL in a conformance resource's JSON, without its {@code |version}. */
    private static final Pattern CANONICAL = Pattern.compile("\"(https?://[^\"|]+)[\"|]");

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;

    private McodeValidation() {
    }

    /** The validator's errors and fatal messages for a bundle given as FHIR JSON; empty when it is valid. */
    public static List<String> errors(String bundleJson) {
        List<SingleValidationMessage> all = validate(bundleJson);
        return all.stream().filter(m -> !needsUsCore(m, all)).map(McodeValidation::describe).toList();
    }

    /** The errors left out of {@link #errors} because their check needs US Core's definitions. */
    public static List<String> uncheckedWithoutUsCore(String bundleJson) {
        List<SingleValidationMessage> all = validate(bundleJson);
        return all.stream().filter(m -> needsUsCore(m, all)).map(McodeValidation::describe).toList();
    }

    private static boolean needsUsCore(SingleValidationMessage m, List<SingleValidationMessage> all) {
        String text = m.getMessage();
        return text.startsWith(UNRESOLVED + US_CORE)
                || text.startsWith("Invalid Resource target type.") && all.stream().anyMatch(o ->
                        o.getLocationString().equals(m.getLocationString())
                                && o.getMessage().startsWith(UNRESOLVED + US_CORE))
                || US_CORE_SLICE.matcher(text).find();
    }

    private static synchronized List<SingleValidationMessage> validate(String bundleJson) {
        if (validator == null) {
            UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(FHIR);
            unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                    packages(), new CommonCodeSystemsTerminologyService(FHIR),
                    new InMemoryTerminologyServerValidationSupport(FHIR), new SnapshotGeneratingValidationSupport(FHIR),
                    unknownSystems);
            FhirInstanceValidator instance = new FhirInstanceValidator(chain);
            instance.setErrorForUnknownProfiles(true);
            validator = FHIR.newValidator().registerValidatorModule(instance);
        }
        return validator.validateWithResult(bundleJson).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    /**
     * mCODE (the first package of packages.txt) whole, and of its dependencies (the others) the conformance resources
     * it refers to, directly or through one another, by canonical URL: the terminology package alone holds some 3,400
     * value sets and code systems, too many to keep beside a running server in the test JVM. Fails (never skips) when
     * a package is missing.
     */
    private static PrePopulatedValidationSupport packages() {
        PrePopulatedValidationSupport out = new PrePopulatedValidationSupport(FHIR);
        IParser parser = FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
        try {
            List<NpmPackage> listed = listed();
            Map<String, byte[]> dependencies = new HashMap<>();
            for (NpmPackage dependency : listed.subList(1, listed.size())) {
                NpmPackage.NpmPackageFolder folder = dependency.getFolders().get("package");
                for (JsonObject f : folder.index().getJsonObjects("files")) {
                    if (CONFORMANCE.contains(f.asString("resourceType")) && f.hasString("url")) {
                        dependencies.putIfAbsent(f.asString("url"), folder.fetchFile(f.asString("filename")));
                    }
                }
            }
            Deque<byte[]> todo = new ArrayDeque<>();
            NpmPackage.NpmPackageFolder mcode = listed.get(0).getFolders().get("package");
            for (String type : CONFORMANCE) {
                for (String file : mcode.getTypes().getOrDefault(type, List.of())) {
                    todo.add(mcode.fetchFile(file));
                }
            }
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String text = new String(todo.pop(), StandardCharsets.UTF_8);
                out.addResource(parser.parseResource(text));
                Matcher canonical = CANONICAL.matcher(text);
                while (canonical.find()) {
                    if (seen.add(canonical.group(1)) && dependencies.containsKey(canonical.group(1))) {
                        todo.add(dependencies.get(canonical.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<NpmPackage> listed() throws IOException {
        List<NpmPackage> out = new ArrayList<>();
        for (String line : Files.readAllLines(PACKAGES.resolve("packages.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] nameVersion = line.trim().split("\\s+");
            Path tgz = PACKAGES.resolve(nameVersion[0] + "-" + nameVersion[1] + ".tgz");
            if (!Files.isRegularFile(tgz)) {
                throw new IllegalStateException("The FHIR package " + tgz + " is missing: run bin/fhir-packages"
                        + " (it fetches the packages of " + PACKAGES + "/packages.txt from the npm registry)");
            }
            try (InputStream in = Files.newInputStream(tgz)) {
                out.add(NpmPackage.fromPackage(in));
            }
        }
        return out;
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
