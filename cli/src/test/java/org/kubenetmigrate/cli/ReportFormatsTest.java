package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** Every format of the example fleet through the CLI, waivers, grouping and the gate, end to end. */
class ReportFormatsTest {
    static final String FLEET = ExampleFleetReportTest.FLEET;
    static final String WAIVERS = "../examples/waivers.yaml";
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "csv", "markdown", "html", "junit"})
    void everyFormatNamesEveryClusterAndSaysWhatItRestsOn(String format) {
        CliRun run = CliRun.of("report", "--from", FLEET, "--format", format, "--waivers", WAIVERS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        for (String cluster : List.of("aks-payments-prod-weu", "aks-observability-neu", "aks-legacy-cni-sea")) {
            assertThat(run.out()).contains(cluster);
        }
        if (format.equals("json")) {
            assertThat(run.out()).contains("\"daysLeft\" : 486").contains("\"basis\" : \"file modification time\"")
                    .contains("\"check\" : \"node-subnet-surge\"");
        } else if (!format.equals("csv") && !format.equals("junit")) {
            assertThat(run.out()).as("days left").contains("486 days left until kubenet retires on 31 March 2028");
            assertThat(run.out()).as("input and its age").contains("examples/fleet").contains("file modification time");
            assertThat(run.out()).as("what could not be checked").contains("node-subnet-surge (could be BLOCKER): 1 cluster");
        }
    }

    @Test
    void outWritesTheFileAtomicallyAndStdoutStaysEmpty() throws Exception {
        Path html = Files.createDirectory(dir.resolve("reports")).resolve("readiness.html");
        CliRun run = CliRun.of("report", "--from", FLEET, "--format", "html", "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("wrote " + html + "\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        try (var files = Files.list(html.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("readiness.html");
        }
    }

    @Test
    void theExampleWaiversAreAppliedFlaggedWhenExpiredAndReportedWhenUnmatched() throws Exception {
        CliRun run = CliRun.of("report", "--from", FLEET, "--format", "json", "--waivers", WAIVERS);
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> statuses = new ArrayList<>();
        report.get("waivers").forEach(w -> statuses.add(w.get("rule").asText() + "=" + w.get("status").asText()));
        assertThat(statuses).containsExactly("route-table-shared=APPLIED", "agic-addon=APPLIED",
                "provisioning-state=APPLIED", "kubernetes-version=EXPIRED", "pod-identity=UNMATCHED");
        JsonNode cards = ExampleFleetReportTest.cluster(report, "aks-cards-prod-weu");
        assertThat(cards.get("readiness").asText()).as("a waiver changes the gate, not the verdict").isEqualTo("BLOCKED");
        assertThat(cards.get("findings").get(0).get("waiver").get("state").asText()).isEqualTo("WAIVED");
        assertThat(cards.get("findings").get(0).get("waiver").get("owner").asText()).isEqualTo("team-cards@example.com");
        JsonNode fx = ExampleFleetReportTest.cluster(report, "aks-fx-legacy-neu");
        assertThat(fx.get("findings").get(0).get("waiver").get("state").asText()).isEqualTo("EXPIRED");
        assertThat(ExampleFleetReportTest.cluster(report, "aks-ledger-prod-weu").get("findings").get(0).get("waiver")
                .isNull()).isTrue();
        assertThat(report.get("summary").get("waived").asInt()).isEqualTo(3);
        assertThat(report.get("summary").get("waiverExpired").asInt()).isEqualTo(1);
        CliRun table = CliRun.of("report", "--from", FLEET, "--waivers", WAIVERS);
        assertThat(table.out()).contains("Waivers: 3 applied (covering 3 findings), 1 expired, 1 matching nothing")
                .contains("EXPIRED: kubernetes-version on name=aks-fx-legacy-* (owner team-fx@example.com, expires 2026-10-31)")
                .contains("matches nothing: pod-identity on name=aks-payments-*");
    }

    /** Waives, by id, every blocker of the example fleet (findings and unverified checks) until {@code expires}. */
    Path waiveEveryBlocker(String expires) throws Exception {
        JsonNode report = new ObjectMapper().readTree(CliRun.of("report", "--from", FLEET, "--format", "json").out());
        StringBuilder yaml = new StringBuilder("waivers:\n");
        for (JsonNode c : report.get("clusters")) {
            List<String> rules = new ArrayList<>();
            c.get("findings").forEach(f -> {
                if (f.get("severity").asText().equals("BLOCKER")) {
                    rules.add(f.get("rule").asText());
                }
            });
            c.get("unverified").forEach(u -> {
                if (u.get("couldBe").asText().equals("BLOCKER")) {
                    rules.add(u.get("check").asText());
                }
            });
            for (String rule : rules) {
                yaml.append("  - rule: ").append(rule).append("\n    cluster: {id: \"").append(c.get("id").asText())
                        .append("\"}\n    reason: accepted\n    owner: lead@example.com\n    expires: ").append(expires)
                        .append('\n');
            }
        }
        Path file = dir.resolve("all-blockers.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void waivedBlockersDoNotFailTheGateAndExpiredOnesDo() throws Exception {
        assertThat(CliRun.of("report", "--from", FLEET, "--fail-on", "blocker").exitCode()).isEqualTo(3);
        CliRun waived = CliRun.of("report", "--from", FLEET, "--fail-on", "blocker", "--waivers",
                waiveEveryBlocker("2026-12-01").toString());
        assertThat(waived.exitCode()).as(waived.out() + waived.err()).isZero();
        assertThat(waived.out()).contains("Gate --fail-on blocker: not met");
        assertThat(CliRun.of("report", "--from", FLEET, "--fail-on", "action", "--waivers",
                waiveEveryBlocker("2026-12-01").toString()).exitCode()).as("actions are not waived").isEqualTo(3);
        CliRun expired = CliRun.of("report", "--from", FLEET, "--fail-on", "blocker", "--waivers",
                waiveEveryBlocker("2026-11-30").toString());
        assertThat(expired.exitCode()).isEqualTo(3);
        assertThat(expired.out()).contains("Gate --fail-on blocker: met (exit code 3)");
    }

    @Test
    void anInvalidWaiversFileExitsTwoWithOneLineAndWritesNothing() throws Exception {
        Path bad = dir.resolve("waivers.yaml");
        Files.writeString(bad, "waivers:\n  - rule: identity-type\n    cluster: {name: x}\n    reason: r\n    owner: o\n"
                + "    expires: next week\n");
        Path out = dir.resolve("report.html");
        CliRun run = CliRun.of("report", "--from", FLEET, "--waivers", bad.toString(), "--format", "html",
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + bad + ": /waivers/0/expires: expected a date YYYY-MM-DD, found"
                + " 'next week'\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void groupByTagGroupsTheTableAndAnUnknownGroupingIsAUsageError() {
        CliRun run = CliRun.of("report", "--from", FLEET, "--group-by", "tag:env");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("== tag env prod: ").contains("== tag env dev: ");
        CliRun bad = CliRun.of("report", "--from", FLEET, "--group-by", "team");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("expected subscription, location, resourceGroup or tag:NAME, found 'team'");
    }

    @Test
    void junitOfTheExampleFleetIsWellFormedAndFailsOnlyTheBlockers() throws Exception {
        CliRun run = CliRun.of("report", "--from", FLEET, "--format", "junit");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(33);
        assertThat(doc.getDocumentElement().getAttribute("failures")).as("one blocker on each of 15 clusters").isEqualTo("15");
        CliRun actions = CliRun.of("report", "--from", FLEET, "--format", "junit", "--fail-on", "action");
        Document withActions = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                actions.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.parseInt(withActions.getDocumentElement().getAttribute("failures"))).isGreaterThan(15);
        assertThat(actions.exitCode()).isEqualTo(3);
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColorAndNotIntoAFile() {
        assertThat(Terminal.colour(true, null, false, false)).isTrue();
        assertThat(Terminal.colour(true, "", false, false)).as("NO_COLOR empty counts as unset").isTrue();
        assertThat(Terminal.colour(false, null, false, false)).isFalse();
        assertThat(Terminal.colour(true, "1", false, false)).isFalse();
        assertThat(Terminal.colour(true, null, true, false)).isFalse();
        assertThat(Terminal.colour(true, null, false, true)).isFalse();
        assertThat(CliRun.of("report", "--from", FLEET).out()).doesNotContain("\u001b[");
    }
}
