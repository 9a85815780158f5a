package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.report.FleetReports.assessed;
import static org.kubenetmigrate.planner.report.FleetReports.cluster;
import static org.kubenetmigrate.planner.report.FleetReports.finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.ClusterSelector;
import org.kubenetmigrate.planner.waivers.Waiver;
import org.kubenetmigrate.planner.waivers.WaiverSet;

class CsvReportRendererTest {

    /** A minimal RFC 4180 reader: the test's own, so the renderer is checked against the RFC, not against itself. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    @Test
    void oneRowPerClusterAndFindingUnderAHeaderWithTheDocumentedColumns() {
        ClusterAssessment blocked = assessed("aks-blocked", finding("identity-type", Severity.BLOCKER),
                finding("retirement", Severity.INFO));
        ClusterAssessment clean = assessed("aks-clean");
        String csv = new CsvReportRenderer().render(FleetReports.report(List.of(clean, blocked)));
        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0)).isEqualTo(CsvReportRenderer.COLUMNS);
        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r).hasSize(CsvReportRenderer.COLUMNS.size()));
        int rule = CsvReportRenderer.COLUMNS.indexOf("rule");
        int kind = CsvReportRenderer.COLUMNS.indexOf("kind");
        assertThat(rows.get(1).get(0)).as("most urgent first").isEqualTo("aks-blocked");
        assertThat(rows.get(1).get(rule)).isEqualTo("identity-type");
        assertThat(rows.get(2).get(rule)).isEqualTo("retirement");
        assertThat(rows.get(3)).satisfies(r -> {
            assertThat(r.get(0)).isEqualTo("aks-clean");
            assertThat(r.get(kind)).isEqualTo("none");
            assertThat(r.get(rule)).isEmpty();
        });
        assertThat(csv).endsWith("\r\n").doesNotContain("\n\n");
        assertThat(csv.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndDefusesFormulas() {
        ClusterAssessment c = assessed(cluster("=HYPERLINK(\"http://x\",\"y\")", "sub-0001", "westeurope",
                Map.of("owner", "a,b", "note", "line1\nline2")),
                List.of(new Finding("name-length", Severity.BLOCKER, "say \"hi\", then go", "fix", "https://r")),
                List.of());
        List<List<String>> rows = parse(new CsvReportRenderer().render(FleetReports.report(List.of(c))));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(rows.get(1).get(CsvReportRenderer.COLUMNS.indexOf("message"))).isEqualTo("say \"hi\", then go");
        assertThat(rows.get(1).get(CsvReportRenderer.COLUMNS.indexOf("tags"))).isEqualTo("note=line1\nline2;owner=a,b");
    }

    @Test
    void unverifiedChecksAndWaiversHaveTheirOwnColumns() {
        ClusterAssessment c = assessed(cluster("aks-x", "sub-0001", "westeurope", Map.of()),
                List.of(finding("identity-type", Severity.BLOCKER)),
                List.of(new Unverified("node-subnet-surge", "vnet missing", Severity.BLOCKER)));
        WaiverSet waivers = new WaiverSet(List.of(new Waiver("identity-type", ClusterSelector.ByName.of("aks-x"),
                "moving to UAMI in January", "ops@example.com", LocalDate.of(2027, 1, 31), "w.yaml /waivers/0")));
        List<List<String>> rows = parse(new CsvReportRenderer().render(FleetReports.report(List.of(c), waivers,
                Grouping.NONE, null)));
        List<String> cols = CsvReportRenderer.COLUMNS;
        assertThat(rows.get(1).get(cols.indexOf("waiverState"))).isEqualTo("waived");
        assertThat(rows.get(1).get(cols.indexOf("waiverOwner"))).isEqualTo("ops@example.com");
        assertThat(rows.get(1).get(cols.indexOf("waiverExpires"))).isEqualTo("2027-01-31");
        assertThat(rows.get(2).get(cols.indexOf("kind"))).isEqualTo("unverified");
        assertThat(rows.get(2).get(cols.indexOf("severity"))).isEqualTo("BLOCKER");
        assertThat(rows.get(2).get(cols.indexOf("message"))).isEqualTo("vnet missing");
        assertThat(rows.get(2).get(cols.indexOf("waiverState"))).isEmpty();
    }
}
