package org.kubenetmigrate.executor.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.waivers.ClusterSelector;

/**
 * How a rollout runs, in the vocabulary of Azure Kubernetes Fleet Manager update strategies: stages run one after
 * another, the groups of a stage side by side, with concurrency ceilings, waits, approval gates and a failure
 * threshold. Read by {@link StrategyReader}.
 *
 * @param stages in order
 * @param maxAllowedFailures more failed members than this: no new member starts and the rollout ends Failed
 * @param memberApproval who passes the members' own gates
 */
public record Strategy(List<Stage> stages, int maxAllowedFailures, MemberApproval memberApproval) {

    public Strategy {
        stages = List.copyOf(stages);
    }

    /** Who passes a member's own gates (its point of no return among them). */
    public enum MemberApproval {
        /** The stage's approved before-gates pass them; a stage without gates asks per member. */
        stage,
        /** Each member is approved on its own ({@code rollout approve NAME --gate MEMBER}). */
        each
    }

    /**
     * @param maxConcurrency members of this stage in flight at once across all workers; null: no stage ceiling
     * @param afterStageWait how long the next stage waits after this one ended
     */
    public record Stage(String name, List<Group> groups, Integer maxConcurrency, Duration afterStageWait,
                        List<Gate> beforeGates, List<Gate> afterGates) {
        public Stage {
            groups = List.copyOf(groups);
            beforeGates = List.copyOf(beforeGates);
            afterGates = List.copyOf(afterGates);
            afterStageWait = afterStageWait == null ? Duration.ZERO : afterStageWait;
        }
    }

    /** @param maxConcurrency members of this group in flight at once; Fleet's default is 1 */
    public record Group(String name, Selector selector, int maxConcurrency) {
    }

    /** An approval gate; only {@code rollout approve NAME --gate NAME} passes it. */
    public record Gate(String type, String name) {
    }

    /**
     * Which clusters a group takes: every given field must match. Names are globs; Azure compares names, resource
     * groups and subscription ids case-insensitively, so this does too; tag values are compared exactly.
     */
    public record Selector(Map<String, String> tags, String subscription, String resourceGroup, String location,
                           String name) {
        public Selector {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        public boolean matches(ManagedCluster cluster) {
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                Optional<String> value = cluster.tags().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(tag.getKey())).map(Map.Entry::getValue).findFirst();
                if (value.isEmpty() || !value.get().equals(tag.getValue())) {
                    return false;
                }
            }
            return same(subscription, cluster.subscriptionId()) && same(resourceGroup, cluster.resourceGroup())
                    && (location == null || normalLocation(location).equals(normalLocation(cluster.location())))
                    && (name == null || ClusterSelector.ByName.of(name).matches(cluster));
        }

        private static boolean same(String wanted, String actual) {
            return wanted == null || wanted.equalsIgnoreCase(actual);
        }

        /** "West Europe" and "westeurope" are the same region to ARM. */
        private static String normalLocation(String location) {
            return location == null ? "" : location.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The stage and group a cluster belongs to: the first group, in file order, whose selector matches. */
    public Optional<Placement> place(ManagedCluster cluster) {
        for (Stage stage : stages) {
            for (Group group : stage.groups()) {
                if (group.selector().matches(cluster)) {
                    return Optional.of(new Placement(stage.name(), group.name()));
                }
            }
        }
        return Optional.empty();
    }

    public record Placement(String stage, String group) {
    }

    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every gate name of the strategy. */
    public List<String> gateNames() {
        return stages.stream().flatMap(s -> java.util.stream.Stream.concat(s.beforeGates().stream(),
                s.afterGates().stream())).map(Gate::name).toList();
    }
}
