package org.consilium.archive.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The capabilities document names every DICOMweb resource and method we serve, and nothing else. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class CapabilitiesTest {

    @Test
    void wadlListsExactlyTheServedResources() throws Exception {
        byte[] wadl = given().auth().oauth2(Tokens.of("fm.doctor")).accept(CapabilitiesResource.WADL)
                .options("/dicomweb").then().statusCode(200)
                .contentType(containsString(CapabilitiesResource.WADL)).extract().asByteArray();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(wadl)).getDocumentElement();
        Element resources = (Element) root.getElementsByTagNameNS("*", "resources").item(0);
        assertTrue(resources.getAttribute("base").endsWith("/dicomweb/"), resources.getAttribute("base"));

        Set<String> documented = new TreeSet<>();
        collect(resources, "", documented);
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : new Class<?>[] {QidoResource.class, WadoResource.class, StowResource.class}) {
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb != null && m.isAnnotationPresent(Path.class)) {
                    served.add(verb + " " + m.getAnnotation(Path.class).value().replaceAll("^/", ""));
                }
            }
        }
        assertEquals(served, documented);

        given().auth().oauth2(Tokens.of("cx.doctor")).get("/dicomweb").then().statusCode(200)
                .body(containsString("SearchForStudies"));
        given().options("/dicomweb").then().statusCode(401);
    }

    private static void collect(Element parent, String prefix, Set<String> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("resource")) {
                String path = prefix.isEmpty() ? e.getAttribute("path") : prefix + "/" + e.getAttribute("path");
                for (Node m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element method && method.getLocalName().equals("method")) {
                        out.add(method.getAttribute("name") + " " + path);
                    }
                }
                collect(e, path, out);
            }
        }
    }
}
