package org.kubenetmigrate.executor.rollout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.RunStore;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.executor.plan.PlanReader;
import org.kubenetmigrate.executor.state.ConditionFailedException;
import org.kubenetmigrate.planner.commands.ClusterNotFoundException;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.planfile.PlanCodec;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;

/**
 * {@code rollout create NAME}: selects the fleet's kubenet clusters, places each in the first group whose selector
 * matches, makes each member's plan exactly as {@code plan} would and freezes it in the state. BLOCKED or
 * INCOMPLETE clusters become members with status Skipped and the reason; clusters no group selects are listed as
 * not in the rollout.
 *
 * <p>Order of writes: the definition first (If-None-Match, so two creates of one name cannot both win), then the
 * plans and empty journals, then the board — workers start nothing until the board exists.
 */
public final class CreateRollout {
    private final RolloutFiles files;
    private final Clock clock;

    public CreateRollout(RolloutFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    public RolloutDefinition run(Strategy strategy, Fleet fleet, MigrationOptions options, String createdBy)
            throws IOException, UsageException {
        Optional<String> badName = RolloutFiles.problemWithName(files.name());
        if (badName.isPresent()) {
            throw new UsageException(badName.get());
        }
        files.store().createIfMissing();
        if (files.readDefinition().isPresent()) {
            throw new UsageException("rollout " + files.name() + " exists already in " + files.store().describe()
                    + "; choose another name (see it: rollout status " + files.name() + ")");
        }
        Instant now = clock.instant();
        RunStore ids = new RunStore(java.nio.file.Path.of("."));
        PlanReader reader = new PlanReader();
        List<RolloutDefinition.Member> members = new ArrayList<>();
        List<RolloutDefinition.NotInRollout> outside = new ArrayList<>();
        Map<String, byte[]> plans = new LinkedHashMap<>();
        for (ManagedCluster cluster : fleet.clusters()) {
            if (!cluster.network().isKubenet()) {
                continue;
            }
            Optional<Strategy.Placement> placement = strategy.place(cluster);
            if (placement.isEmpty()) {
                outside.add(new RolloutDefinition.NotInRollout(cluster.id().value(), cluster.name(),
                        "no group of the strategy selects it"));
                continue;
            }
            String key = key(cluster);
            MigrationPlan plan;
            try {
                plan = new PlanCluster(clock).run(fleet, cluster.id().value(), options);
            } catch (ClusterNotFoundException e) {
                throw new IllegalStateException("a cluster of the fleet was not found in it: " + e.getMessage(), e);
            }
            Readiness readiness = plan.assessment().readiness();
            String skip = null;
            String planId = null;
            // A cluster INCOMPLETE only for want of what the member's precheck reads live before any change (in-cluster
            // checks; locks, NSGs, quota usages the input lacks) is a member: the precheck stops it when one blocks,
            // or when it cannot read them.
            boolean admitted = plan.assessment().incompleteOnlyForPrecheckReads();
            if (!admitted && (readiness == Readiness.BLOCKED || readiness == Readiness.INCOMPLETE)) {
                skip = readiness + ": " + plan.assessment().findings().stream()
                        .filter(f -> f.severity() == Severity.BLOCKER).map(Finding::rule).collect(Collectors.joining(", "));
                if (readiness == Readiness.INCOMPLETE) {
                    skip = readiness + ": not checked: " + plan.assessment().unverified().stream()
                            .map(u -> u.check()).collect(Collectors.joining(", "));
                }
                skip += " (see: kubenet-migrate report)";
            } else {
                byte[] bytes = (PlanCodec.write(plan, now).toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
                try {
                    ExecutablePlan executable = reader.read(key + ".plan.json", bytes);
                    planId = executable.planId();
                    plans.put(key, bytes);
                } catch (InputException e) {
                    skip = "its plan cannot be run: " + e.getMessage();
                }
            }
            members.add(new RolloutDefinition.Member(key, cluster.id().value(), cluster.name(), placement.get().stage(),
                    placement.get().group(), ids.newRunId(clock), planId, skip));
        }
        RolloutDefinition definition = new RolloutDefinition(RolloutDefinition.VERSION, files.name(), now, createdBy,
                strategy, members, outside);
        try {
            files.store().create(files.definition(), RolloutFiles.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(definition));
        } catch (ConditionFailedException e) {
            throw new UsageException("rollout " + files.name() + " was created by someone else just now");
        }
        for (Map.Entry<String, byte[]> plan : plans.entrySet()) {
            files.store().put(files.plan(plan.getKey()), plan.getValue());
            files.store().createLog(files.journal(plan.getKey()));
            files.store().createLog(files.audit(plan.getKey()));
        }
        Map<String, Board.MemberState> states = new LinkedHashMap<>();
        for (RolloutDefinition.Member m : members) {
            states.put(m.key(), m.skipped() ? new Board.MemberState(Board.Status.SKIPPED, null, now, m.skipReason(), 0)
                    : new Board.MemberState(Board.Status.NOT_STARTED, null, null, null, 0));
        }
        try {
            files.store().create(files.board(), RolloutFiles.JSON.writeValueAsBytes(new Board(1, false, null, Map.of(),
                    states)));
        } catch (ConditionFailedException e) {
            throw new IOException("rollout " + files.name() + ": a board exists already", e);
        }
        return definition;
    }

    /** The cluster's name (lower case) and 6 hex digits of a hash of its id: unique, readable, a valid name. */
    static String key(ManagedCluster cluster) {
        String name = cluster.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cluster.id().value().toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
