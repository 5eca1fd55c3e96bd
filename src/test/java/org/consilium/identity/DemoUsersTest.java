package org.consilium.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class DemoUsersTest {

    @ParameterizedTest(name = "{0} is {2} at {1}")
    @CsvSource(nullValues = "-", value = {
            "cm.wang,        prov,      case-manager,   -,                  王芳",
            "dr.li,          prov,      specialist,     radiation-oncology, 李明",
            "dr.zhao,        prov,      specialist,     medical-oncology,   赵强",
            "dr.sun,         prov,      specialist,     surgery,            孙伟",
            "dr.zhou,        prov,      specialist,     radiology,          周婷",
            "dr.wu,          prov,      specialist,     pathology,          吴磊",
            "phys.chen,      prov,      rt-staff,       medical-physics,    陈静",
            "admin.prov,     prov,      hospital-admin, -,                  刘洋",
            "platform.admin, prov,      platform-admin, -,                  郑华",
            "cx.doctor,      changxing, clinician,      medical-oncology,   钱进",
            "cx.rt,          changxing, rt-staff,       radiation-oncology, 冯涛",
            "cx.admin,       changxing, hospital-admin, -,                  何军",
            "fm.doctor,      fumin,     clinician,      surgery,            杨帆",
            "fm.rt,          fumin,     rt-staff,       radiation-oncology, 许晨",
            "fm.admin,       fumin,     hospital-admin, -,                  马丽"})
    void demoUserSeesOwnHospitalRolesAndDiscipline(String username, String hospital, String role, String discipline,
                                                   String displayName) {
        given().auth().oauth2(Tokens.of(username))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo(username))
                .body("displayName", equalTo(displayName))
                .body("hospital.alias", equalTo(hospital))
                .body("roles", hasItem(role))
                .body("discipline", discipline == null ? nullValue() : equalTo(discipline));
    }

    @ParameterizedTest
    @CsvSource({"cx.doctor, COUNTY", "dr.li, PROVINCIAL"})
    void hospitalLevelComesWithTheHospital(String username, String level) {
        given().auth().oauth2(Tokens.of(username))
                .when().get("/api/me")
                .then().statusCode(200).body("hospital.level", equalTo(level));
    }

    @org.junit.jupiter.api.Test
    void allianceDirectoryListsTheThreeSeedHospitals() {
        given().auth().oauth2(Tokens.of("fm.doctor"))
                .when().get("/api/hospitals")
                .then().statusCode(200)
                .body("findAll { it.alias in ['prov','changxing','fumin'] }.name",
                        containsInAnyOrder("省肿瘤医院", "长兴县人民医院", "富民县人民医院"));
    }
}
