package org.consilium.identity;

import java.util.List;

/** Realm roles of the consilium realm (src/main/keycloak/consilium-realm.json). */
public final class Role {

    public static final String CASE_MANAGER = "case-manager";
    public static final String SPECIALIST = "specialist";
    public static final String CLINICIAN = "clinician";
    public static final String RT_STAFF = "rt-staff";
    public static final String HOSPITAL_ADMIN = "hospital-admin";
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** The roles that mean something to Consilium, in the order the directory shows them. */
    public static final List<String> ALL = List.of(CASE_MANAGER, SPECIALIST, CLINICIAN, RT_STAFF, HOSPITAL_ADMIN,
            PLATFORM_ADMIN);

    /** Allowed values of the {@code discipline} user attribute. */
    public static final List<String> DISCIPLINES = List.of("radiation-oncology", "medical-oncology", "surgery",
            "pathology", "radiology", "medical-physics");

    private Role() {
    }
}
