package org.kubenetmigrate.executor.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.plan.PlanStrategy;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.planfile.PlanCodec;
import org.kubenetmigrate.planner.planfile.PlanDocument;

/**
 * Reads a {@code plan -o json} file through the planner's {@link PlanCodec} and accepts it only when the
 * executor's own {@link SafetyCatalogue} agrees with every step: its flags (gate, one-way, point of no return), its
 * place in the order, and every field its requests may change. Also refuses a strategy it does not run and a write
 * to anything but the planned cluster. Never guesses a missing field; every refusal is one line naming the file, the
 * JSON pointer, the step and the field. A plan of the previous release is read as {@link PreviousReleasePlan} says.
 */
public final class PlanReader {
    /** The plan schema version this executor reads. */
    public static final int SCHEMA_VERSION = PlanCodec.SCHEMA_VERSION;

    private final SafetyCatalogue catalogue;

    public PlanReader(SafetyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A reader that checks against the executor's own catalogue. */
    public PlanReader() {
        this(SafetyCatalogue.EXECUTOR);
    }

    public ExecutablePlan read(Path file) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read: " + e.getMessage());
        }
        return read(file.toString(), bytes);
    }

    public ExecutablePlan read(String file, byte[] bytes) throws InputException {
        PlanDocument plan = PreviousReleasePlan.asCurrent(withoutPersonsSteps(PlanCodec.read(file, bytes)));
        if (!plan.clusterId().toLowerCase(Locale.ROOT).contains("/providers/microsoft.containerservice/managedclusters/")) {
            throw new InputException(file, "/id", "expected the ARM id of a managed cluster, found \""
                    + plan.clusterId() + "\"");
        }
        Optional<PlanStrategy> strategy = PlanStrategy.of(plan.strategy());
        if (strategy.isEmpty() || strategy.get() != PlanStrategy.IN_PLACE_OVERLAY) {
            throw new InputException(file, "/strategy", "the executor runs \"" + PlanStrategy.IN_PLACE_OVERLAY
                    + "\" plans only, found \"" + plan.strategy() + "\""
                    + (strategy.equals(Optional.of(PlanStrategy.BLUE_GREEN_POD_SUBNET))
                    ? " (a blue/green plan is a supervised manual procedure; follow its steps by hand)" : ""));
        }
        catalogue.check(file, plan);
        return new ExecutablePlan(sha256(bytes), file, plan.schemaVersion(), plan.clusterId(), plan.clusterName(),
                plan.resourceGroup(), plan.strategy(), plan.fingerprint(), plan.readiness(), plan.original(),
                plan.target(), plan.stages());
    }

    /**
     * The infrastructure-code step (plan --iac) is a person's, after the run: the executor leaves it out before
     * checking the rest. Only that id, and only as a manual step that sends nothing and undoes nothing, so no other
     * step can be hidden from the safety catalogue this way.
     */
    static PlanDocument withoutPersonsSteps(PlanDocument plan) {
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : plan.stages()) {
            List<Step> kept = stage.steps().stream().filter(s -> !personsStep(s)).toList();
            if (!kept.isEmpty() || stage.steps().isEmpty()) {
                stages.add(new Stage(stage.id(), stage.title(), kept));
            }
        }
        return new PlanDocument(plan.schemaVersion(), plan.clusterId(), plan.clusterName(), plan.resourceGroup(),
                plan.strategy(), plan.fingerprint(), plan.readiness(), plan.original(), plan.target(), stages);
    }

    private static boolean personsStep(Step step) {
        return StepId.UPDATE_IAC.id().equals(step.id()) && step.manual() && step.request() == null
                && step.compensation() == null && !step.changesCluster();
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(e);
        }
    }
}
