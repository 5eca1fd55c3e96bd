package org.consilium.dicom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md: the DICOM toolkit is the JDK plus small libraries that are not frameworks (Jackson's
 * streaming core for DICOM JSON), so it can serve any runtime and be tested alone.
 */
class ToolkitDependencyTest {

    private static final JavaClasses TOOLKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.consilium.dicom");

    @Test
    void toolkitUsesNoFrameworks() {
        noClasses().that().resideInAPackage("org.consilium.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "javax.persistence..", "org.hibernate..", "io.vertx..",
                        "io.smallrye..", "org.jboss..")
                .check(TOOLKIT);
    }

    @Test
    void toolkitUsesJacksonsStreamingCoreButNotItsDataBinding() {
        noClasses().that().resideInAPackage("org.consilium.dicom..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.fasterxml..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("com.fasterxml.jackson.core..")))
                .check(TOOLKIT);
        noClasses().that().resideOutsideOfPackage("org.consilium.dicom.json..").and().resideInAPackage("org.consilium.dicom..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
                .check(TOOLKIT);
    }

    @Test
    void toolkitUsesNoOtherPartOfConsilium() {
        noClasses().that().resideInAPackage("org.consilium.dicom..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.consilium..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("org.consilium.dicom..")))
                .check(TOOLKIT);
    }

    @Test
    void lowerLayersDoNotKnowHigherOnes() {
        // dict <- charset <- data <- io (ARCHITECTURE.md, CONVENTIONS.md: each layer knows only those below)
        noClasses().that().resideInAnyPackage("org.consilium.dicom.dict..", "org.consilium.dicom.charset..")
                .should().dependOnClassesThat().resideInAnyPackage("org.consilium.dicom.data..", "org.consilium.dicom.io..")
                .check(TOOLKIT);
        noClasses().that().resideInAPackage("org.consilium.dicom.data..")
                .should().dependOnClassesThat().resideInAPackage("org.consilium.dicom.io..")
                .check(TOOLKIT);
    }
}
