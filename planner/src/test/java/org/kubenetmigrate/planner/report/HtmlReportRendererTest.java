package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.report.FleetReports.assessed;
import static org.kubenetmigrate.planner.report.FleetReports.cluster;
import static org.kubenetmigrate.planner.report.FleetReports.finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.waivers.WaiverSet;

/** The HTML without a browser: self-contained, escaped, and its embedded data intact (HtmlReportBrowserTest runs it). */
class HtmlReportRendererTest {
    static final String SCRIPT_NAME = "</script><script>alert(1)</script>";
    static final String IMG_NAME = "\"><img src=x onerror=alert(1)>";
    final ClusterAssessment script = assessed(cluster(SCRIPT_NAME, "sub-0001", "westeurope",
            Map.of("owner", "<b>x</b>&\u2028")), List.of(finding("identity-type", Severity.BLOCKER)), List.of());
    final ClusterAssessment img = assessed(cluster(IMG_NAME, "sub-0002", "<svg onload=alert(2)>", Map.of()),
            List.of(), List.of());
    final String html = new HtmlReportRenderer().render(FleetReports.report(List.of(script, img), WaiverSet.NONE,
            Grouping.parse("tag:owner"), null));

    @Test
    void fetchesNothingAndAllowsOnlyItsOwnScript() throws Exception {
        String markup = html.replaceAll("(?s)<script type=\"application/json\".*?</script>", "");
        assertThat(markup).doesNotContainPattern("(?i)<(link|img|iframe|object|embed)\\b")
                .doesNotContainPattern("(?i)\\ssrc=")
                .doesNotContain("http://");
        Matcher csp = Pattern.compile("script-src 'sha256-([^']+)'").matcher(html);
        assertThat(csp.find()).isTrue();
        Matcher js = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(js.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(js.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp.group(1)).as("the policy allows exactly the inline script").isEqualTo(hash);
        assertThat(js.find()).as("one executable script only").isFalse();
    }

    @Test
    void azureValuesAreEscapedWhereverTheyAppear() {
        assertThat(html).doesNotContain(SCRIPT_NAME).doesNotContain("<img").doesNotContain("<svg onload")
                .doesNotContain("<b>x</b>");
        assertThat(html).as("the tag value as a group label in the chart")
                .contains("&lt;b&gt;x&lt;/b&gt;&amp;");
    }

    @Test
    void embeddedDataCannotCloseItsElementAndParsesBackToTheValues() throws Exception {
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        String json = data.group(1);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.get("clusters").get(0).get("n").asText()).isEqualTo(SCRIPT_NAME);
        assertThat(parsed.get("clusters").get(1).get("n").asText()).isEqualTo(IMG_NAME);
        assertThat(parsed.get("clusters").get(0).get("t").get(0).get(1).asText()).isEqualTo("<b>x</b>&\u2028");
        assertThat(parsed.get("groups")).hasSize(2);
    }

    @Test
    void showsHeadlineNumbersChartsAndWhatTheReportRestsOn() {
        assertThat(html).contains("<div class=\"num\">486</div><div class=\"lbl\">days left</div>")
                .contains("id=\"chart-readiness\"").contains("id=\"chart-blockers\"").contains("id=\"chart-groups\"")
                .contains("id=\"chart-versions\"").contains("Clusters by tag owner")
                .contains("Input: exports/ (3 files)")
                .contains("Not checked: nothing; every check ran on every kubenet cluster.");
    }

    @Test
    void remediationTextsAreStoredOncePerDistinctText() throws Exception {
        List<ClusterAssessment> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(assessed("aks-" + i, finding("identity-type", Severity.BLOCKER)));
        }
        String page = new HtmlReportRenderer().render(FleetReports.report(many));
        Matcher data = Pattern.compile("id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(data.find()).isTrue();
        JsonNode parsed = new ObjectMapper().readTree(data.group(1));
        assertThat(parsed.get("strings")).hasSize(2);
        assertThat(parsed.get("clusters")).hasSize(50);
    }

    @Test
    void clustersWrittenInBatchesOnAllCoresKeepThePageOrderAndTheirTextIndexes() throws Exception {
        List<ClusterAssessment> many = new java.util.ArrayList<>();
        for (int i = 0; i < ParallelBatches.SIZE * 2 + 30; i++) {
            many.add(assessed(String.format("aks-%04d", i), finding("rule-" + (i % 7), Severity.values()[i % 4])));
        }
        FleetReport report = FleetReports.report(many);
        String page = new HtmlReportRenderer().render(report);
        Matcher data = Pattern.compile("id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(data.find()).isTrue();
        JsonNode parsed = new ObjectMapper().readTree(data.group(1));

        List<ClusterAssessment> expected = report.byUrgency();
        assertThat(parsed.get("clusters")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode c = parsed.get("clusters").get(i);
            assertThat(c.get("o").asInt()).isEqualTo(i);
            assertThat(c.get("n").asText()).isEqualTo(expected.get(i).cluster().name());
            JsonNode f = c.get("f").get(0);
            assertThat(parsed.get("strings").get(f.get(3).asInt()).asText())
                    .isEqualTo(expected.get(i).findings().get(0).remediation());
            assertThat(parsed.get("strings").get(f.get(4).asInt()).asText())
                    .isEqualTo(expected.get(i).findings().get(0).reference());
        }
        assertThat(parsed.get("strings")).hasSize(14);
    }
}
