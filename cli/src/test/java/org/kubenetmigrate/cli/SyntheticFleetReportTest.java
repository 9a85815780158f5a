package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.testsupport.SyntheticFleet;

/** The benchmark's input is what it claims: readable Azure JSON, every verdict present, and deterministic. */
class SyntheticFleetReportTest {
    @TempDir
    Path dir;

    static JsonNode report(Path fleet) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), new PrintWriter(out),
                new PrintWriter(err), "report", "--from", fleet.toString(), "--format", "json");
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void aFleetOf250HasEveryVerdictAndTheRulesItAimsAt() throws Exception {
        SyntheticFleet.write(dir, 250, 42L);
        JsonNode report = report(dir);
        assertThat(report.get("summary").get("total").asInt()).isEqualTo(250);
        JsonNode byReadiness = report.get("summary").get("byReadiness");
        for (String verdict : new String[] {"BLOCKED", "INCOMPLETE", "NOT_APPLICABLE"}) {
            assertThat(byReadiness.get(verdict).asInt()).as(verdict).isPositive();
        }
        // Without in-cluster checks the ip-masq-agent check is unverified: no cluster is READY or only needs actions.
        assertThat(byReadiness.get("READY").asInt() + byReadiness.get("ACTIONS_REQUIRED").asInt()).isZero();
        assertThat(report.get("summary").get("incompleteOnlyForPrecheckReads").asInt()).isPositive();
        String text = report.toString();
        for (String rule : new String[] {"identity-type", "kubernetes-version", "network-policy", "route-table-shared",
            "pod-cidr-reserved", "provisioning-state", "node-subnet-surge", "route-table-egress"}) {
            assertThat(text).as(rule).contains("\"rule\":\"" + rule + "\"");
        }
        assertThat(Files.list(dir).count()).as("100 clusters per subscription folder").isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndClusterKDoesNotDependOnN() throws Exception {
        SyntheticFleet.write(dir.resolve("a"), 120, 7L);
        SyntheticFleet.write(dir.resolve("b"), 150, 7L);
        String a = Files.readString(dir.resolve("a/sub-0000/managed-clusters.json"));
        String b = Files.readString(dir.resolve("b/sub-0000/managed-clusters.json"));
        assertThat(a).isEqualTo(b);
        SyntheticFleet.write(dir.resolve("c"), 120, 8L);
        assertThat(Files.readString(dir.resolve("c/sub-0000/managed-clusters.json"))).isNotEqualTo(a);
    }
}
