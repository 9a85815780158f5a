package org.kubenetmigrate.executor.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kubenetmigrate.executor.azure.AzureException;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.executor.engine.JournalRecord;
import org.kubenetmigrate.executor.engine.LiveModel;
import org.kubenetmigrate.executor.engine.MigrationStep;
import org.kubenetmigrate.executor.engine.RecordType;
import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.model.Subnet;
import org.kubenetmigrate.planner.model.VirtualNetwork;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * {@code settle-identity}, after {@code assign-identity} and before anything that needs the new identity: confirms
 * through ARM that its principal holds the rights the route-table detach needs on the node subnets and their route
 * tables (role assignments at those scopes or inherited from a parent, and the actions of their role definitions),
 * then waits the settle time ({@code --identity-settle}, default 60 min) counted from when the identity was
 * assigned or its last role assignment changed, whichever is later. Read-only. The time it may go on is written to
 * {@link SettleIdentityFile} in the run directory, for {@code status}; a stopped run resumes the wait where it is.
 */
final class SettleIdentity implements MigrationStep {
    static final String AUTHORIZATION_API = "2022-04-01";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration PROGRESS_EVERY = Duration.ofMinutes(5);

    @Override
    public String id() {
        return StepId.SETTLE_IDENTITY.id();
    }

    @Override
    public boolean isAlreadyDone(StepContext ctx) {
        // Always re-check: rights can be taken away, and the wait is counted from durable times.
        return false;
    }

    @Override
    public void apply(StepContext ctx) throws StepStop {
        String identity = LiveReadiness.plannedIdentity(ctx.plan()).orElseThrow(() -> StepStop.failed(
                "step settle-identity: the plan's assign-identity names no identity"));
        ObservedCluster live = ctx.readClusterWhenIdle();
        String principalId = principalId(live.json(), identity).orElseThrow(() -> StepStop.failed("cluster "
                + ctx.plan().clusterName() + " does not show identity " + identity + " with a principal id",
                "Check: " + ctx.plan().aks("show").arg("--query", "identity") + "; then resume: kubenet-migrate resume " + ctx.run().id()));
        ManagedCluster cluster = LiveModel.cluster(live);
        Instant base = assignedAt(ctx);
        List<String> checked = new ArrayList<>();
        if (cluster.nodeSubnetIds().isEmpty()) {
            ctx.notice("the cluster uses the AKS-managed virtual network (node resource group " + cluster.nodeResourceGroup()
                    + "); rights there are AKS's to manage and are not checked (UNCONFIRMED whether AKS grants the"
                    + " new identity rights on it)");
        } else {
            Map<String, JsonNode> roles = new HashMap<>();
            Set<String> tables = new LinkedHashSet<>();
            LiveModel.LiveNetwork network = LiveModel.network(ctx::read, cluster);
            for (VirtualNetwork vnet : network.fleet().virtualNetworks()) {
                for (Subnet subnet : vnet.subnets()) {
                    if (cluster.nodeSubnetIds().contains(subnet.id()) && subnet.routeTableId() != null) {
                        tables.add(subnet.routeTableId().value());
                    }
                }
            }
            List<String> problems = new ArrayList<>();
            for (ArmId subnet : cluster.nodeSubnetIds()) {
                base = later(base, check(ctx, principalId, subnet.value(), IdentityRights.ON_SUBNET, roles, problems));
                checked.add("subnet " + subnet.name());
            }
            for (String table : tables) {
                base = later(base, check(ctx, principalId, table, IdentityRights.ON_ROUTE_TABLE, roles, problems));
                checked.add("route table " + ArmId.of(table).name());
            }
            if (!problems.isEmpty()) {
                List<String> remediation = new ArrayList<>();
                remediation.add("Grant it Network Contributor (or a role with these actions) on each scope named:"
                        + " " + AzCommand.az("role", "assignment", "create").arg("--assignee-object-id", principalId)
                        .arg("--assignee-principal-type", "ServicePrincipal").arg("--role", "Network Contributor")
                        .placeholder("--scope", "SCOPE"));
                remediation.add("Then resume; the settle time counts from the new assignment: kubenet-migrate resume "
                        + ctx.run().id());
                throw StepStop.failed("identity " + ArmId.of(identity).name() + " (principal " + principalId
                        + ") lacks rights the route-table detach needs: " + String.join("; ", problems),
                        remediation.toArray(String[]::new));
            }
        }
        Instant until = base.plus(ctx.settings().identitySettle());
        record(ctx, identity, principalId, base, until);
        waitUntil(ctx, until);
        ctx.summary("identity " + ArmId.of(identity).name() + " (principal " + principalId + ")"
                + (checked.isEmpty() ? "" : " holds the route-table detach rights on " + String.join(", ", checked))
                + "; settled " + ctx.settings().identitySettle().toMinutes() + " min after " + base);
    }

    @Override
    public void verify(StepContext ctx) {
        // Read-only: nothing to check afterwards.
    }

    /** The identity's principal id as the cluster shows it ({@code identity.userAssignedIdentities[id].principalId}). */
    static Optional<String> principalId(JsonNode cluster, String identityId) {
        JsonNode identities = cluster.path("identity").path("userAssignedIdentities");
        for (var it = identities.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().equalsIgnoreCase(identityId) && entry.getValue().hasNonNull("principalId")) {
                return Optional.of(entry.getValue().get("principalId").asText());
            }
        }
        return Optional.empty();
    }

    /** When this run's assign-identity ended (its journal record); now when the journal does not show it. */
    private static Instant assignedAt(StepContext ctx) {
        Instant at = null;
        for (JournalRecord r : ctx.runState().records()) {
            if (r.type() == RecordType.STEP_SUCCEEDED && StepId.ASSIGN_IDENTITY.id().equals(r.stepId())) {
                at = r.time();
            }
        }
        return at != null ? at : ctx.now();
    }

    /** Adds what is missing at {@code scope} to {@code problems}; returns when the applying assignments last changed. */
    private static Instant check(StepContext ctx, String principalId, String scope, List<String> needed,
                                 Map<String, JsonNode> roles, List<String> problems) throws StepStop {
        JsonNode list;
        try {
            list = ctx.azure().list(scope + "/providers/Microsoft.Authorization/roleAssignments", AUTHORIZATION_API,
                    "principalId eq '" + principalId + "'").map(RawResource::json)
                    .orElse(MAPPER.createObjectNode());
        } catch (AzureException e) {
            throw StepStop.azure("cannot read the role assignments at " + scope + ": " + e.getMessage(), e.code(),
                    e.status() == 403 ? "Give the signed-in identity Microsoft.Authorization/roleAssignments/read"
                            + " there (Reader has it), then resume: kubenet-migrate resume " + ctx.run().id()
                            : "Check access to Azure, then resume: kubenet-migrate resume " + ctx.run().id());
        }
        List<IdentityRights.Assignment> applying = IdentityRights.applying(list, principalId, scope);
        List<IdentityRights.Permissions> permissions = new ArrayList<>();
        Instant changed = null;
        for (IdentityRights.Assignment a : applying) {
            JsonNode role = roles.get(a.roleDefinitionId().toLowerCase(java.util.Locale.ROOT));
            if (role == null) {
                role = ctx.read(a.roleDefinitionId(), AUTHORIZATION_API).map(RawResource::json)
                        .orElse(MAPPER.createObjectNode());
                roles.put(a.roleDefinitionId().toLowerCase(java.util.Locale.ROOT), role);
            }
            permissions.add(IdentityRights.permissions(role));
            changed = later(changed, a.changedAt());
        }
        List<String> missing = IdentityRights.missing(needed, permissions);
        if (!missing.isEmpty()) {
            problems.add("at " + scope + " " + (applying.isEmpty() ? "no role assignment" : applying.size()
                    + " role assignment(s) without") + " " + String.join(", ", missing));
        }
        return changed;
    }

    private static void record(StepContext ctx, String identity, String principalId, Instant since, Instant until)
            throws StepStop {
        try {
            SettleIdentityFile.write(ctx.run().dir(), identity, principalId, since, until);
        } catch (IOException e) {
            throw StepStop.failed("cannot write " + ctx.run().dir().resolve(SettleIdentityFile.NAME) + ": "
                    + e.getMessage());
        }
    }

    private static void waitUntil(StepContext ctx, Instant until) throws StepStop {
        while (ctx.now().isBefore(until)) {
            Duration left = Duration.between(ctx.now(), until);
            ctx.progress("letting the new identity take effect: may go on at " + until + " (" + left.toMinutes()
                    + " min left; stop with Ctrl-C and resume later: kubenet-migrate resume " + ctx.run().id() + ")");
            ctx.sleep(left.compareTo(PROGRESS_EVERY) < 0 ? left : PROGRESS_EVERY);
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
