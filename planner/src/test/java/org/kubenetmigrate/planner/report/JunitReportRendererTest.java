package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.report.FleetReports.assessed;
import static org.kubenetmigrate.planner.report.FleetReports.cluster;
import static org.kubenetmigrate.planner.report.FleetReports.finding;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.ClusterSelector;
import org.kubenetmigrate.planner.waivers.Waiver;
import org.kubenetmigrate.planner.waivers.WaiverSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportRendererTest {
    final ClusterAssessment blocked = assessed(cluster("aks-blocked", "sub-0001", "westeurope", Map.of()),
            List.of(finding("identity-type", Severity.BLOCKER), finding("network-policy", Severity.ACTION),
                    finding("agic-addon", Severity.WARNING)),
            List.of(new Unverified("node-subnet-surge", "vnet not in the input", Severity.BLOCKER)));

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element testcase(Document doc, String suite, String rule) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("classname").equals(suite) && e.getAttribute("name").equals(rule)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + suite + "/" + rule);
    }

    static String outcome(Element testcase) {
        if (testcase.getElementsByTagName("failure").getLength() > 0) {
            return "failure";
        }
        return testcase.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "passed";
    }

    @Test
    void oneSuitePerClusterAndOneCasePerRuleThatRan() throws Exception {
        Document doc = parse(new JunitReportRenderer().render(FleetReports.report(List.of(blocked, assessed("aks-ok")))));
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(2 * FleetReports.RULES.size()));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("aks-blocked");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(FleetReports.RULES.size());
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void blockersFailUnverifiedSkipsAndLesserFindingsPass() throws Exception {
        Document doc = parse(new JunitReportRenderer().render(FleetReports.report(List.of(blocked))));
        assertThat(outcome(testcase(doc, "aks-blocked", "identity-type"))).isEqualTo("failure");
        assertThat(((Element) testcase(doc, "aks-blocked", "identity-type").getElementsByTagName("failure").item(0))
                .getAttribute("type")).isEqualTo("BLOCKER");
        assertThat(outcome(testcase(doc, "aks-blocked", "network-policy"))).isEqualTo("passed");
        assertThat(outcome(testcase(doc, "aks-blocked", "agic-addon"))).isEqualTo("passed");
        assertThat(testcase(doc, "aks-blocked", "agic-addon").getTextContent()).contains("agic-addon message");
        assertThat(outcome(testcase(doc, "aks-blocked", "node-subnet-surge"))).isEqualTo("skipped");
        assertThat(((Element) testcase(doc, "aks-blocked", "node-subnet-surge").getElementsByTagName("skipped").item(0))
                .getAttribute("message")).contains("not checked (could be BLOCKER): vnet not in the input");
        assertThat(outcome(testcase(doc, "aks-blocked", "dual-stack"))).isEqualTo("passed");
    }

    @Test
    void failOnActionFailsActionsToo() throws Exception {
        Document doc = parse(new JunitReportRenderer().render(FleetReports.report(List.of(blocked), WaiverSet.NONE,
                Grouping.NONE, Severity.ACTION)));
        assertThat(outcome(testcase(doc, "aks-blocked", "network-policy"))).isEqualTo("failure");
        assertThat(outcome(testcase(doc, "aks-blocked", "agic-addon"))).isEqualTo("passed");
    }

    @Test
    void aWaivedBlockerIsSkippedWithTheWaiverAsTheReason() throws Exception {
        WaiverSet waivers = new WaiverSet(List.of(new Waiver("identity-type", ClusterSelector.ByName.of("aks-*"),
                "UAMI in January", "ops@example.com", LocalDate.of(2027, 1, 31), "w.yaml /waivers/0")));
        Document doc = parse(new JunitReportRenderer().render(FleetReports.report(List.of(blocked), waivers,
                Grouping.NONE, Severity.BLOCKER)));
        Element skipped = (Element) testcase(doc, "aks-blocked", "identity-type").getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("waived until 2027-01-31 by ops@example.com: UAMI in January");
    }

    @Test
    void hostileNamesAndControlCharactersStayWellFormed() throws Exception {
        String name = "<script>alert(1)</script>\"'&\u0001\u0007]]>";
        ClusterAssessment hostile = assessed(cluster(name, "sub-0001", "westeurope", Map.of()),
                List.of(finding("identity-type", Severity.BLOCKER)), List.of());
        Document doc = parse(new JunitReportRenderer().render(FleetReports.report(List.of(hostile))));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("<script>alert(1)</script>\"'&\uFFFD\uFFFD]]>");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void clustersNotOnKubenetHaveEveryCaseSkipped() throws Exception {
        ClusterAssessment m = assessed("aks-overlay");
        ClusterAssessment overlay = new ClusterAssessment(m.cluster(), m.network(),
                org.kubenetmigrate.planner.rules.Readiness.NOT_APPLICABLE, List.of(), List.of(), m.sizing(), m.target());
        Document doc = parse(new JunitReportRenderer().render(FleetReports.report(List.of(overlay))));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("skipped")).isEqualTo(String.valueOf(FleetReports.RULES.size()));
    }
}
