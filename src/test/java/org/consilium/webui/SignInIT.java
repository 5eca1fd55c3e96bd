package org.consilium.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The shell in a real Chromium: log-in through Keycloak's own page (authorization code with PKCE), the
 * user's name, role and hospital from the server, the language switch remembered across a reload, and a
 * log-out that ends the Keycloak session, not just the tab's tokens.
 */
class SignInIT {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-signin");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /**
     * Keycloak's log-in, in whichever language it was asked for: the realm has organizations, so Keycloak
     * asks for the username first and the password on a second page.
     */
    static void keycloakLogIn(Browser b, String username, String usernameLabel, String passwordLabel, String button) {
        b.type(usernameLabel, username);
        b.click("button", button);
        b.type(passwordLabel, Tokens.DEMO_PASSWORD);
        b.click("button", button);
    }

    @Test
    void countyClinicianSignsInSeesTheirNameSwitchesToEnglishAndSignsOutOfKeycloak() throws Exception {
        try (Browser b = new Browser()) {
            b.open(app.url("/"));
            b.find("heading", "Consilium 远程会诊");
            b.screenshot("signin");
            b.click("button", "登录");

            keycloakLogIn(b, "cx.doctor", "用户名 或 电子邮箱地址", "密码", "登录");

            WebElement who = b.find("region", "当前用户");
            b.await("the user's name", d -> who.getText().contains("钱进") ? true : null);
            assertTrue(who.getText().contains("临床医生"), who.getText());
            assertTrue(who.getText().contains("长兴县人民医院"), who.getText());
            b.find("link", "我的申请");
            assertEquals("zh-CN", b.driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"));

            b.click("button", "English");
            b.find("link", "My requests");
            b.find("region", "Signed in as");
            b.driver.navigate().refresh();
            b.find("link", "My requests");
            assertEquals("en", b.driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"));

            b.click("button", "Sign out");
            b.find("button", "Sign in").click();
            // the Keycloak session is gone: its log-in form again, not a silent return to the app
            b.find("button", "Sign In");
            assertTrue(b.driver.getCurrentUrl().startsWith(app.stack.keycloak().baseUrl()), b.driver.getCurrentUrl());
        }
    }
}
