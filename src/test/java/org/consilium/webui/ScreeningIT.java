package org.consilium.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A case manager runs a screening programme in the browser: starts it with a county's target, imports the
 * county's CSV (a file with a wrong row is refused whole, naming the row), reads the figures with their
 * definitions, finds the high-risk people, and reports the cancer a colonoscopy found as a new tumor.
 */
class ScreeningIT {

    static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start("webui-screening");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void caseManagerImportsResultsReadsTheRatesAndReportsTheCancerFound() throws Exception {
        String name = "长兴县结直肠癌筛查 " + UUID.randomUUID().toString().substring(0, 6);
        String p = UUID.randomUUID().toString().substring(0, 6);
        String header = "居民编号,姓名,性别,出生日期,邀请日期,问卷,FIT,肠镜日期,肠镜结果,病理\n";
        String good = header
                + p + "-1,沈玉芳,女,1962-07-19,2026-03-11,非高危,阳性,2026-04-02,癌前病变,管状腺瘤\n"
                + p + "-2,钱国强,男,1958-01-02,2026-03-11,高危,阴性,2026-04-05,癌,乙状结肠腺癌\n"
                + p + "-3,孙丽,女,1970-05-05,2026-03-12,高危,,,,\n"
                + p + "-4,李伟,男,1965-02-02,2026-03-12,非高危,阴性,,,\n"
                + p + "-5,周敏,女,1961-09-09,2026-03-12,非高危,阴性,,,\n"
                + p + "-6,吴刚,男,,2026-03-13,,,,,\n";
        Path dir = Files.createDirectories(Path.of("target/screening-it"));
        Path wrong = Files.writeString(dir.resolve("wrong.csv"), header + p + "-1,沈玉芳,X,1962-07-19,2026-03-11,,,,,\n",
                StandardCharsets.UTF_8);
        Path right = Files.writeString(dir.resolve("right.csv"), good, StandardCharsets.UTF_8);
        try (Browser b = new Browser()) {
            b.open(app.url("/"));
            b.click("button", "登录");
            SignInIT.keycloakLogIn(b, "cm.wang", "用户名 或 电子邮箱地址", "密码", "登录");
            b.click("link", "筛查项目");
            b.find("heading", "科普宣教与筛查");
            b.driver.findElement(By.xpath("//summary[normalize-space()='新建筛查项目']")).click();
            b.type("项目名称", name);
            b.choose("成员单位", "长兴县人民医院");
            var population = b.driver.findElement(By.xpath("//label[contains(normalize-space(.), '目标人数')]//input"));
            population.clear(); // a number field (role spinbutton)
            population.sendKeys("10");
            b.click("button", "创建项目");
            b.find("heading", name);

            b.upload("选择CSV文件", wrong);
            b.awaitText("row 2");
            b.awaitText("nothing was imported");
            b.upload("选择CSV文件", right);
            b.awaitText("已导入 6 行：新增 6 人，更新 0 人。");
            // 5 of 10 screened, 3 of 5 at high risk, 2 of 3 colonoscopies, 2 of 2 positive
            b.await("the rates", d -> rates(b).equals("50.00% 60.00% 66.67% 100.00%") ? true : null);
            b.driver.findElement(By.xpath("//summary[normalize-space()='指标定义']")).click();
            b.awaitText("筛查率 = 已完成问卷或FIT检测的人数 ÷ 目标人数");
            b.screenshot("screening-programme");

            b.choose("阶段", "高危待肠镜");
            b.await("the one high-risk person", d -> d.findElements(By.xpath("//td[normalize-space()='孙丽']")).size() == 1
                    && d.findElements(By.xpath("//td[normalize-space()='钱国强']")).isEmpty() ? true : null);
            b.choose("阶段", "已做肠镜");
            b.click("button", "录入结果 钱国强");
            b.type("ICD-10 编码", "C18.7");
            b.click("button", "上报新发肿瘤");
            b.await("the report's badge", d -> d.findElements(By.xpath("//tr[td[normalize-space()='钱国强']]//span[normalize-space()='已上报']"))
                    .size() == 1 ? true : null);
            // the wrong sheet's 400 is logged by Chrome as a failed resource; nothing else may be
            String errors = b.console().lines().filter(l -> l.contains("SEVERE"))
                    .filter(l -> !(l.contains("/import") && l.contains("400"))).collect(java.util.stream.Collectors.joining("\n"));
            assertEquals("", errors);
        }
    }

    private static String rates(Browser b) {
        return String.join(" ", b.driver.findElements(By.cssSelector("td[data-rate]")).stream().map(e -> e.getText().trim())
                .toList());
    }
}
