package org.consilium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consilium.archive.StudyRecords;
import org.consilium.archive.store.Ingest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The "may use" column of ARCHITECTURE.md, one rule per capability: a capability depends on itself, on
 * the capabilities it may use and on nothing else of Consilium. The archive is used through its API, the
 * classes of the package {@code org.consilium.archive} itself, never through its sub-packages (its
 * tables, entities, DIMSE and DICOMweb internals).
 */
class CapabilityBoundariesTest {

    private static final String ROOT = "org.consilium.";
    private static final String ARCHIVE_API = "archive";

    /** Capability to what it may use besides itself; "archive" means the archive's API package only. */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "platform", Set.of(),
            "audit", Set.of("platform"),
            "identity", Set.of("audit", "platform"),
            "live", Set.of("identity", "audit", "platform"),
            "archive", Set.of("dicom", "identity", "audit", "platform"),
            "consult", Set.of(ARCHIVE_API, "live", "identity", "audit", "platform"),
            "radiotherapy", Set.of("dicom", ARCHIVE_API, "live", "identity", "audit", "platform"),
            "registry", Set.of("consult", "radiotherapy", ARCHIVE_API, "live", "identity", "audit", "platform"),
            "webui", Set.of("identity", "platform"));

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.consilium");

    @TestFactory
    List<DynamicTest> eachCapabilityUsesOnlyWhatArchitectureAllows() {
        return MAY_USE.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " may use " + e.getValue(),
                () -> noClasses().that().resideInAPackage(ROOT + e.getKey() + "..")
                        .should().dependOnClassesThat(forbiddenFor(e.getKey(), e.getValue()))
                        .allowEmptyShould(true)
                        .check(PRODUCT))).toList();
    }

    @Test
    void theArchiveIsUsedThroughItsApiPackageOnly() {
        DescribedPredicate<JavaClass> forbidden = forbiddenFor("consult", MAY_USE.get("consult"));
        assertFalse(forbidden.test(PRODUCT.get(StudyRecords.class)));
        assertTrue(forbidden.test(PRODUCT.get(Ingest.class)));
        assertTrue(forbidden.test(PRODUCT.get(org.consilium.dicom.data.Attributes.class)));
        assertFalse(forbiddenFor("archive", MAY_USE.get("archive")).test(PRODUCT.get(Ingest.class)));
    }

    /** Classes of Consilium outside the capability and outside what it may use. */
    static DescribedPredicate<JavaClass> forbiddenFor(String capability, Set<String> allowed) {
        return DescribedPredicate.describe("Consilium classes outside " + capability + " and " + allowed, c -> {
            String pkg = c.getPackageName();
            if (!pkg.startsWith(ROOT) || within(pkg, capability)) {
                return false;
            }
            for (String a : allowed) {
                if (a.equals(ARCHIVE_API) && !capability.equals("archive")
                        ? pkg.equals(ROOT + ARCHIVE_API) : within(pkg, a)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean within(String pkg, String capability) {
        return pkg.equals(ROOT + capability) || pkg.startsWith(ROOT + capability + ".");
    }
}
