package org.consilium.webui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A consult's way through the browser app, in zh-CN as the county and the province use it: a county
 * clinician registers the patient and requests a consult with the CT uploaded from its folder while the
 * network is cut and restored; the case manager finds it first in the triage queue, accepts it, assigns
 * a radiation oncologist and a radiologist and schedules a board meeting chaired by the first; the
 * specialist finds the consult among his, with a notification, and the meeting he chairs, and reads the CT
 * in the viewer (slice, window preset, next slice).
 */
class ConsultWalkIT {

    static final Path CT = Path.of("dicom-samples/lung-phantom/CT");
    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-walk");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    static void signIn(Browser b, String username) {
        signIn(app, b, username);
    }

    /** Logs in through Keycloak's own page (zh-CN) at the app {@code on}. */
    static void signIn(WebApp on, Browser b, String username) {
        b.signIn(on.url("/"), username);
    }

    static void signOut(Browser b) {
        b.signOut();
    }

    @Test
    void countyRequestWithUploadedCtIsTriagedAndAssignedAndReachesTheSpecialist() throws Exception {
        try (Browser b = new Browser()) {
            signIn(b, "cx.doctor");
            b.find("heading", "我的申请");
            b.click("link", "新建会诊申请");

            b.click("button", "新建患者");
            b.type("本院患者号", "PHANTOM-LUNG-001");
            b.type("姓名", "肺部体模");
            b.choose("性别", "男");
            b.click("button", "建档");
            b.find("button", "更换患者");

            b.type("病情摘要", "右肺上叶结节 2.1 cm,穿刺病理为腺癌,无远处转移。");
            b.type("会诊问题", "是否适合立体定向放疗?");
            b.choose("紧急程度", "加急");
            b.click("checkbox", "放射肿瘤科");
            b.type("原发部位", "右肺上叶");
            b.type("组织学类型", "腺癌");

            // the county link drops as the upload starts: files wait and resume by themselves when it is back
            b.offline(true);
            b.upload("上传影像文件夹(光盘或 PACS 导出)", CT);
            b.awaitText("连接中断,稍后续传");
            b.screenshotHere("upload-interrupted");
            b.offline(false);
            b.awaitText("总进度:已存 96 / 96 个文件", Duration.ofMinutes(3));
            b.awaitText("已上传 1 个检查,提交时附上。");
            b.screenshot("new-consult");
            b.click("button", "提交申请");

            b.find("heading", "会诊:肺部体模");
            b.awaitText("待分诊");
            b.awaitText("1.2.826.0.1.3680043.10.1453.2.1.1");
            signOut(b);

            signIn(b, "cm.wang");
            b.find("heading", "分诊队列");
            b.screenshot("triage-queue");
            b.click("link", "肺部体模");
            b.find("heading", "会诊:肺部体模");
            b.click("button", "受理");
            b.awaitText("已受理");
            b.choose("学科", "放射肿瘤科");
            b.click("button", "指派 李明");
            b.find("button", "移除 李明");
            b.choose("学科", "放射科");
            b.click("button", "指派 周婷");
            b.find("button", "移除 周婷");
            b.screenshot("consult-triaged");
            b.choose("主持专家", "李明");
            b.click("button", "安排会议并发送邀请");
            b.awaitText("已安排:MDT:肺部体模");
            b.awaitText("已排期");
            signOut(b);

            signIn(b, "dr.li");
            b.find("heading", "我的会诊");
            b.find("link", "肺部体模");
            String bell = b.await("a notification", d -> d.findElements(By.cssSelector(".notifications button")).stream()
                    .map(e -> e.getAccessibleName()).filter(n -> !n.contains("(0 ")).findFirst().orElse(null));
            assertTrue(bell.startsWith("通知("), bell);
            b.click("button", bell);
            b.find("region", "未读通知");
            b.screenshot("specialist-consults");
            b.click("button", bell);

            b.click("link", "会诊会议");
            b.find("heading", "会诊会议");
            b.awaitText("MDT:肺部体模");
            b.awaitText("由您主持");
            b.screenshot("meetings");
            b.click("link", "我的会诊");

            // the CT in the viewer (cornerstone3D over our DICOMweb with the specialist's token)
            b.click("link", "肺部体模");
            b.click("link", "阅片");
            b.awaitText("第 49 / 96 层", Duration.ofMinutes(1));
            b.click("button", "肺窗");
            b.awaitText("窗宽 1500 窗位 -600");
            b.click("button", "下一层");
            b.awaitText("第 50 / 96 层");
            b.screenshot("viewer");
            assertFalse(b.driver.findElements(By.cssSelector("[role=alert]")).stream().anyMatch(e -> e.isDisplayed()),
                    "no error on the specialist's screen");
        }
    }
}
