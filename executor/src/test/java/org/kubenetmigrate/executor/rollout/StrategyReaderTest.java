package org.kubenetmigrate.executor.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.planner.input.InputException;

class StrategyReaderTest {

    static Strategy read(String yaml) throws InputException {
        return new StrategyReader().read("s.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theExampleStrategyReadsWithFleetManagerDefaults() throws Exception {
        Strategy s = new StrategyReader().read(Scenario.fleet().getParent().resolve("rollout/strategy.yaml"));
        assertThat(s.stages()).extracting(Strategy.Stage::name).containsExactly("canary", "production");
        assertThat(s.stages().get(0).afterStageWait()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.stages().get(0).maxConcurrency()).isEqualTo(1);
        assertThat(s.stages().get(1).maxConcurrency()).as("no stage ceiling unless given").isNull();
        assertThat(s.stages().get(1).groups()).extracting(Strategy.Group::maxConcurrency).containsExactly(2, 1);
        assertThat(s.gateNames()).containsExactly("go-prod");
        assertThat(s.maxAllowedFailures()).isEqualTo(1);
        assertThat(s.memberApproval()).isEqualTo(Strategy.MemberApproval.stage);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "stages: [{name: a, groups: [{name: g, selector: {name: '*'}, maxConcurency: 2}]}]|/stages/0/groups/0/maxConcurency|unknown field",
        "stages: [{name: a, groups: [{name: g, selector: {}}]}]|/stages/0/groups/0/selector|empty",
        "stages: [{name: a, groups: [{name: g, selector: {name: x}}]}, {name: a, groups: [{name: h, selector: {name: y}}]}]|/stages/1/name|named twice",
        "stages: [{name: a, afterStageWait: soon, groups: [{name: g, selector: {name: x}}]}]|/stages/0/afterStageWait|duration",
        "stages: [{name: a, beforeGates: [{type: Manual, name: x}], groups: [{name: g, selector: {name: x}}]}]|/stages/0/beforeGates/0/type|Approval",
        "stages: [{name: a, groups: [{name: g, selector: {name: x}, maxConcurrency: 0}]}]|/stages/0/groups/0/maxConcurrency|1 or more",
        "stages: []|/stages|missing or empty",
        "{stages: [{name: a, groups: [{name: g, selector: {name: x}}]}], memberApproval: never}|/memberApproval|'stage' or 'each'"})
    void aMistakeIsOneLineNamingTheFieldAndTheProblem(String yaml, String pointer, String problem) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.file()).isEqualTo("s.yaml");
            assertThat(e.pointer()).isEqualTo(pointer);
            assertThat(e.problem()).contains(problem);
        });
    }

    @Test
    void aClusterBelongsToTheFirstGroupInFileOrderWhoseSelectorMatches() throws Exception {
        Strategy s = read("""
                stages:
                  - name: canary
                    groups: [ { name: first, selector: { name: "aks-payments-stg-*" } } ]
                  - name: rest
                    groups: [ { name: all, selector: { subscription: 00000000-0000-0000-0000-00000000A001 } } ]
                """);
        var fleet = new org.kubenetmigrate.planner.input.FleetReader().read(java.util.List.of(Scenario.fleet()));
        var stg = fleet.clusters().stream().filter(c -> c.name().equals(Scenario.STG)).findFirst().orElseThrow();
        var prod = fleet.clusters().stream().filter(c -> c.name().equals(Scenario.PROD)).findFirst().orElseThrow();
        assertThat(s.place(stg)).contains(new Strategy.Placement("canary", "first"));
        assertThat(s.place(prod)).contains(new Strategy.Placement("rest", "all"));
    }
}
