package org.consilium.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Case management in the browser app, in zh-CN: a county clinician reports a suspected lung cancer found at
 * screening; the provincial case manager finds it at the top of the new-tumor queue with its record clock,
 * records it, opens the priority channel and raises an up-referral to the province carrying the CT report; a
 * provincial specialist finds the referral with its green channel, accepts it with an appointment and recognises
 * the carried report.
 */
class RegistryWalkIT {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("registry-walk");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    static void signIn(Browser b, String username) {
        b.open(app.url("/"));
        b.click("button", "登录");
        SignInIT.keycloakLogIn(b, username, "用户名 或 电子邮箱地址", "密码", "登录");
        b.find("button", "退出登录");
    }

    static void signOut(Browser b) {
        b.click("button", "退出登录");
        b.find("button", "登录");
    }

    @Test
    void countyReportIsRecordedWithPriorityAndReferredUpAndTheProvinceAcceptsIt() throws Exception {
        String localId = "SCR-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser b = new Browser()) {
            signIn(b, "cx.doctor");
            b.click("link", "上报新发肿瘤");
            b.find("heading", "上报新发肿瘤");
            b.type("本院患者号", localId);
            b.type("姓名", "林秀珍");
            b.choose("性别", "女");
            b.choose("性质", "疑似");
            b.type("ICD-10 编码", "C34.1");
            b.type("ICD-O-3 部位编码", "C34.1");
            b.choose("发现途径", "筛查");
            b.type("发现情况", "低剂量CT筛查：右肺上叶2.3cm磨玻璃结节，边缘毛刺。");
            b.type("联系电话", "0572-6012345");
            b.screenshot("registry-new-report");
            b.click("button", "上报");
            b.find("heading", "新发肿瘤报告：林秀珍");
            b.awaitText("已上报，专管员已收到通知。");
            b.awaitText("剩余 23 小时");
            signOut(b);

            signIn(b, "cm.wang");
            b.click("link", "新发肿瘤报告");
            b.find("heading", "新发肿瘤报告");
            b.awaitText("林秀珍");
            // other walks of the run may have reported to the same hospital: her row, wherever it stands
            String row = b.await("her row in the queue", d -> d.findElements(By.cssSelector("tbody tr")).stream()
                    .map(r -> r.getText()).filter(t -> t.contains("林秀珍")).findFirst().orElse(null));
            assertEquals(true, row.contains("待录档"), row);
            b.screenshot("registry-report-queue");
            b.click("link", "林秀珍");
            b.find("heading", "新发肿瘤报告：林秀珍");
            b.click("button", "立即录档");
            b.awaitText("已录档，用时");
            b.click("checkbox", "优先检查");
            b.click("checkbox", "优先会诊");
            b.click("button", "保存优先通道");
            b.awaitText("王芳 于");
            b.choose("接收医院", "省肿瘤医院");
            b.type("转诊原因", "疑似右肺上叶周围型肺癌，需明确诊断与治疗");
            b.type("随附报告名称", "低剂量CT报告");
            b.type("随附报告内容", "右肺上叶2.3cm磨玻璃结节，边缘毛刺。");
            b.click("button", "发起上转");
            b.awaitText("已发起上转");
            b.screenshot("registry-report-recorded");
            signOut(b);

            signIn(b, "dr.li");
            b.click("link", "双向转诊");
            b.find("heading", "双向转诊");
            b.click("link", "林秀珍");
            b.find("heading", "转诊：林秀珍");
            b.awaitText("优先检查、优先会诊");
            b.awaitText("待接收");
            b.type("预约", "胸外科专家门诊 周二上午");
            b.click("button", "接收");
            b.awaitText("已接收");
            b.click("button", "互认 低剂量CT报告");
            b.awaitText("已互认");
            b.screenshot("registry-referral-accepted");
            assertFalse(b.driver.findElements(By.cssSelector("[role=alert]")).stream().anyMatch(e -> e.isDisplayed()),
                    "no error on the specialist's screen");
        }
    }
}
