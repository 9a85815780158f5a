package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.testing.Repository;

/**
 * {@code docs/reference/rules.md} is generated from the rule catalogue and must match it. With
 * {@code -Drule.reference.write=true} the test rewrites the page instead of failing (see
 * {@link RuleReference#REGENERATE}).
 */
class RuleReferenceTest {

    @Test
    void theCommittedRuleReferenceMatchesTheCatalogue() throws Exception {
        Path file = Repository.root().resolve(RuleReference.PATH);
        String expected = RuleReference.page(RuleCatalogue.all());
        if (Boolean.getBoolean("rule.reference.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String committed = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
        assertThat(committed).as("%s is stale; regenerate it with:%n  %s%n", RuleReference.PATH,
                RuleReference.REGENERATE).isEqualTo(expected);
    }

    @Test
    void everyRuleHasARowWithItsSeveritiesDescriptionAndSources() {
        String page = RuleReference.page(RuleCatalogue.all());
        for (Rule rule : RuleCatalogue.all()) {
            assertThat(page).contains("| `" + rule.id() + "` | ", rule.description());
            rule.sources().forEach(url -> assertThat(page).contains("](" + url + ")"));
        }
        assertThat(page).contains("| `dual-stack` | BLOCKER, WARNING |", "| `cilium-limits` | WARNING (in-cluster) |",
                "[AKS release notes 2024-10-25](https://github.com/Azure/AKS/releases/tag/2024-10-25)",
                "[Azure/application-gateway-kubernetes-ingress#1789]");
    }
}
