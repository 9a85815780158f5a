package org.kubenetmigrate.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import org.kubenetmigrate.executor.commands.KubeAccessProviders;
import org.kubenetmigrate.executor.engine.KubeAccessProvider;
import org.kubenetmigrate.executor.azure.aks.AksAccess;
import org.kubenetmigrate.executor.azure.aks.RunCommandSettings;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.inventory.InClusterSource;
import org.kubenetmigrate.planner.inventory.InventoryException;
import org.kubenetmigrate.planner.inventory.Snapshot;
import org.kubenetmigrate.planner.azure.AzureInventory;
import org.kubenetmigrate.planner.azure.AzureSession;
import org.kubenetmigrate.planner.azure.InventorySettings;
import org.kubenetmigrate.planner.model.Fleet;

/**
 * A live read for the CLI: sign in, read, and turn the snapshot into a fleet through the very reader that reads a
 * saved snapshot, so live and {@code --from snapshot.json} answers cannot differ. The only class of the CLI that
 * builds Azure clients, and only when called.
 */
final class LiveAzure {
    /** How to sign in, for every command's failed sign-in. */
    static final String SIGN_IN_HINT = "sign in to Azure (az login, AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID,"
            + " workload or managed identity) and run the command again";
    static final String NO_INPUT_HINT = "give --from PATH to read exported JSON, or " + SIGN_IN_HINT;

    private LiveAzure() {
    }

    static Snapshot fleet(AzureOptions azure, Clock clock, PrintWriter err, boolean ownStderr) throws CliException {
        try {
            return inventory(azure, clock).fleet(azure.scope(), StderrProgress.forProcess(err, ownStderr));
        } catch (InventoryException e) {
            throw failure(e);
        }
    }

    static Snapshot cluster(String nameOrId, AzureOptions azure, Clock clock, PrintWriter err, boolean ownStderr)
            throws CliException {
        try {
            return inventory(azure, clock).cluster(nameOrId, azure.scope(), StderrProgress.forProcess(err, ownStderr));
        } catch (InventoryException e) {
            throw failure(e);
        }
    }

    /** The snapshot as a fleet, plus its caveats on stderr. */
    static Fleet toFleet(Snapshot snapshot, PrintWriter err) throws CliException {
        snapshot.metadata().notes().forEach(n -> err.println("note: " + n));
        err.flush();
        try {
            return new FleetReader().readSnapshot("(live)", snapshot.toJson());
        } catch (InputException e) {
            throw new CliException(ExitCodes.UNEXPECTED, "Azure returned data the planner cannot read: " + e.getMessage());
        }
    }

    /**
     * In-cluster reads with access from ARM (cluster user credential, run-command fallback). Builds the signed-in
     * session now but contacts nothing until a cluster is read. Run-command deadlines follow the wall clock, not
     * the command's (possibly fixed) clock.
     */
    static InClusterSource inClusterSource(AzureOptions azure, Clock clock) throws CliException {
        try {
            return AksAccess.of(AzureSession.signIn(azure.target(), InventorySettings.defaults()))
                    .inClusterSource(clock, RunCommandSettings.defaults(Clock.systemUTC()));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
    }

    /** Kubernetes access for a run through ARM (cluster user credential; run-command reads for validation). */
    static KubeAccessProvider kubeAccess(SignInOptions signIn, Clock wall, boolean probe, Duration probeTimeout)
            throws CliException {
        try {
            return KubeAccessProviders.throughArm(AksAccess.of(AzureSession.signIn(signIn.target(),
                    InventorySettings.defaults())), wall, RunCommandSettings.defaults(wall), probe, probeTimeout);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
    }

    private static AzureInventory inventory(AzureOptions azure, Clock clock) throws CliException {
        try {
            AzureSession session = AzureSession.signIn(azure.target(), InventorySettings.defaults());
            session.checkSignIn();
            return new AzureInventory(session, clock);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        } catch (InventoryException e) {
            throw failure(e);
        }
    }

    private static CliException failure(InventoryException e) {
        return switch (e.kind()) {
            case SIGN_IN -> new CliException(ExitCodes.INVALID_INPUT, e.getMessage() + "; " + NO_INPUT_HINT);
            case NOT_FOUND -> new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
            case AZURE -> new CliException(ExitCodes.UNEXPECTED, e.getMessage());
        };
    }
}
