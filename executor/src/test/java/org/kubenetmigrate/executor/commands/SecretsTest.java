package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.render.JsonLinesRenderer;
import org.kubenetmigrate.executor.render.TerminalRenderer;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;

/** No secret the cluster's JSON may carry ever reaches the journal, the audit log, the backup or the output. */
class SecretsTest {
    private static final List<String> SECRETS = List.of("sp-Secret-Value-0001", "Adm1nPassw0rd!", "eyJhbGciOiJSUzI1NiJ9.kube",
            "apiVersion: v1\\nkind: Config");

    @TempDir(factory = ShmTempDir.class)
    Path dir;

    @Test
    void secretsInTheClusterAreNeitherJournaledNorAuditedNorBackedUpNorPrinted() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        h.azure.editAsExported(Scenario.STG_ID, c -> {
            ObjectNode props = (ObjectNode) c.get("properties");
            ((ObjectNode) props.get("servicePrincipalProfile")).put("secret", SECRETS.get(0));
            props.putObject("windowsProfile").put("adminUsername", "azureuser").put("adminPassword", SECRETS.get(1));
            props.putObject("addonProfiles").putObject("example").putObject("config")
                    .put("accessToken", SECRETS.get(2)).put("kubeconfig", SECRETS.get(3));
        });
        StringWriter text = new StringWriter();
        StringWriter json = new StringWriter();
        ExecutorEnvironment env = h.env().withListeners(List.of(new TerminalRenderer(new PrintWriter(text)),
                new JsonLinesRenderer(new PrintWriter(json))));
        Path plan = Scenario.plan(dir, Scenario.STG);

        DryRunReport dry = new DryRun(env).run(plan);
        RunResult result = new Apply(env).run(plan, Approvals.all());

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.azure.mutatingCalls().get(0).body().at("/properties/servicePrincipalProfile/secret").asText())
                .as("Azure itself gets the full body back").isEqualTo(SECRETS.get(0));
        List<String> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(h.runDir(result.runId()))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                written.add(file + ":\n" + Files.readString(file));
            }
        }
        written.add(text.toString());
        written.add(json.toString());
        written.add(new ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance)
                .putPOJO("report", dry).toString());
        dry.requests().stream().filter(r -> r.body() != null).forEach(r -> written.add(r.body().toString()));
        written.add(h.status(result.runId()).toString());
        assertThat(written).hasSizeGreaterThan(8);
        for (String secret : SECRETS) {
            assertThat(written).noneSatisfy(w -> assertThat(w).contains(secret));
        }
        assertThat(Files.readString(h.runDir(result.runId()).resolve("backup/cluster.json"))).contains("<redacted>");
    }
}
