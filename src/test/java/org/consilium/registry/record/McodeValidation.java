package org.consilium.registry.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/** HAPI FHIR's instance validator against the base R4 profiles (hapi-fhir-validation-resources-r4). */
public final class McodeValidation {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;

    private McodeValidation() {
    }

    /** The validator's errors and fatal messages for a bundle given as FHIR JSON; empty when it is valid. */
    public static synchronized List<String> errors(String bundleJson) {
        if (validator == null) {
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                    new SnapshotGeneratingValidationSupport(FHIR));
            FhirInstanceValidator instance = new FhirInstanceValidator(chain);
            // mCODE's profiles are not loaded (see docs/case-management.md): their URLs in meta.profile are noted,
            // not failed; every base R4 rule is still checked.
            instance.setErrorForUnknownProfiles(false);
            validator = FHIR.newValidator().registerValidatorModule(instance);
        }
        return validator.validateWithResult(bundleJson).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(McodeValidation::describe).toList();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
