package org.kubenetmigrate.executor.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kubenetmigrate.executor.azure.ObservedAgentPool;
import org.kubenetmigrate.executor.azure.ObservedCluster;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.executor.engine.BackupManifest;
import org.kubenetmigrate.executor.engine.InClusterAccess;
import org.kubenetmigrate.executor.engine.MigrationStep;
import org.kubenetmigrate.executor.engine.StepContext;
import org.kubenetmigrate.executor.engine.StepStop;
import org.kubenetmigrate.executor.kube.validation.ValidationCheck;
import org.kubenetmigrate.executor.kube.validation.ValidationReport;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.AzureValue;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.NetworkPlugin;
import org.kubenetmigrate.planner.model.NetworkPluginMode;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.plan.ApiVersions;
import org.kubenetmigrate.planner.plan.StepId;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * {@code validate}: reads the cluster, its pools and the backed-up route tables, and checks the result: plugin azure
 * in overlay mode, the planned pod CIDR, policy and data plane, everything Succeeded, the kubenet pod routes gone
 * from your route table (an AKS-managed one deleted), and an egress default route still there if it was before.
 * Read-only (except the optional probe workload), and always run again on resume. With Kubernetes access it also
 * validates from inside the cluster ({@link org.kubenetmigrate.executor.kube.validation.ClusterValidator}); without,
 * it says that this was not run.
 */
final class Validate implements MigrationStep {

    @Override
    public String id() {
        return StepId.VALIDATE.id();
    }

    @Override
    public boolean isAlreadyDone(StepContext ctx) {
        return false;
    }

    @Override
    public void apply(StepContext ctx) throws StepStop {
        ExecutablePlan plan = ctx.plan();
        ObservedCluster cluster = ctx.readClusterWhenIdle();
        List<ObservedAgentPool> pools = ctx.readAgentPools();
        List<String> problems = new ArrayList<>();
        List<String> remediation = new ArrayList<>();
        ObservedCluster.ObservedNetwork net = cluster.network();
        expect(problems, "networkPlugin", AzureValue.of(NetworkPlugin.AZURE), net.plugin());
        expect(problems, "networkPluginMode", AzureValue.of(NetworkPluginMode.OVERLAY), net.pluginMode());
        if (plan.target().podCidr() != null) {
            expect(problems, "podCidr", plan.target().podCidr(), net.podCidr());
        }
        AzureValue<NetworkPolicy> none = AzureValue.of(NetworkPolicy.NONE);
        AzureValue<NetworkPolicy> policy = plan.target().networkPolicy() == null ? none : plan.target().networkPolicy();
        expect(problems, "networkPolicy", policy, net.policy() == null ? none : net.policy());
        if (plan.target().cilium()) {
            expect(problems, "networkDataplane", AzureValue.of(Dataplane.CILIUM), net.dataplane());
        }
        if (!cluster.succeeded()) {
            problems.add("cluster provisioningState is " + cluster.provisioningState());
        }
        pools.stream().filter(p -> !p.succeeded())
                .forEach(p -> problems.add("pool " + p.name() + " provisioningState is " + p.provisioningState()));
        int checkedTables = routeTables(ctx, problems, remediation);
        String inCluster = inCluster(ctx, problems, remediation);
        if (!problems.isEmpty()) {
            remediation.add("Compare with the backup in " + ctx.backupDir() + "; runbooks/in-place-overlay.md#validate"
                    + " says how to check and fix each item; then resume to validate again.");
            throw StepStop.failed("validation failed: " + String.join("; ", problems),
                    remediation.toArray(String[]::new));
        }
        ctx.summary("plugin azure/overlay, pod CIDR " + net.podCidr() + ", policy " + policy + ", cluster and "
                + pools.size() + " pool(s) Succeeded, " + checkedTables + " route table(s) as expected; " + inCluster);
    }

    /**
     * The in-cluster proof (nodes Ready, node pod CIDRs inside the planned one, a NodeNetworkConfig per node,
     * kube-system healthy, the probe when asked): each check becomes an event; a FAILED one fails the step. Without
     * access it says loudly that none of this ran rather than passing quietly. Returns the summary's part.
     */
    private static String inCluster(StepContext ctx, List<String> problems, List<String> remediation) {
        InClusterAccess access = ctx.inCluster();
        if (!access.available()) {
            String why = "in-cluster validation NOT run: " + access.unavailableReason();
            ctx.notice(why + "; by hand: kubectl get nodes (all Ready), kubectl get nodes -o"
                    + " custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR (inside the planned pod CIDR), kubectl get"
                    + " nnc -A (one NodeNetworkConfig per node; release notes 2024-08-05)");
            return why;
        }
        IpPrefix planned = parse(ctx.plan().target().podCidr());
        ValidationReport report = access.validator().validate(planned);
        int passed = 0;
        List<String> failed = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (ValidationCheck check : report.checks()) {
            ctx.notice("in-cluster check " + check.id() + ": " + check.status() + " - " + check.detail());
            switch (check.status()) {
                case PASSED -> passed++;
                case FAILED -> {
                    failed.add(check.id());
                    problems.add("in-cluster check " + check.id() + " failed: " + check.detail());
                }
                case NOT_RUN -> notRun.add(check.id());
            }
        }
        if (!failed.isEmpty()) {
            remediation.add("In-cluster checks read from " + report.source() + "; runbooks/in-place-overlay.md#validate"
                    + " lists the kubectl commands for each.");
        }
        return "in-cluster validation (" + report.source() + "): " + passed + " passed, " + failed.size() + " failed"
                + (failed.isEmpty() ? "" : " (" + String.join(", ", failed) + ")") + ", " + notRun.size() + " not run"
                + (notRun.isEmpty() ? "" : " (" + String.join(", ", notRun) + ")");
    }

    private static int routeTables(StepContext ctx, List<String> problems, List<String> remediation) throws StepStop {
        Optional<BackupManifest> manifest = ctx.backup();
        if (manifest.isEmpty()) {
            problems.add("no backup in " + ctx.backupDir() + " to compare the route tables with");
            return 0;
        }
        IpPrefix podCidr = parse(manifest.get().podCidr());
        for (BackupManifest.RouteTableCopy table : manifest.get().routeTables()) {
            Optional<RawResource> live = ctx.read(table.id(), ApiVersions.NETWORK);
            if (table.managed()) {
                if (live.isPresent()) {
                    problems.add("the AKS-managed route table " + table.name() + " still exists (the update deletes it)");
                }
                continue;
            }
            if (live.isEmpty()) {
                problems.add("your route table " + table.name() + " is gone");
                remediation.add("Recreate it from " + ctx.backupDir().resolve(table.file()) + " and associate it with"
                        + " the node subnet again.");
                continue;
            }
            List<JsonNode> routes = new ArrayList<>();
            live.get().json().path("properties").path("routes").forEach(routes::add);
            long kubenet = routes.stream().filter(r -> inside(podCidr, r.path("properties").path("addressPrefix").asText(null)))
                    .count();
            if (kubenet > 0) {
                problems.add(kubenet + " kubenet pod route(s) inside " + podCidr + " are still in " + table.name());
            }
            BackupManifest.Route before = table.defaultRoute();
            if (before != null) {
                boolean kept = routes.stream().anyMatch(r -> "0.0.0.0/0".equals(r.path("properties").path("addressPrefix").asText())
                        && before.nextHopType().equalsIgnoreCase(r.path("properties").path("nextHopType").asText())
                        && Objects.equals(before.nextHopIpAddress(), r.path("properties").path("nextHopIpAddress").asText(null)));
                if (!kept) {
                    problems.add("the egress default route " + before.name() + " (0.0.0.0/0 to " + before.nextHopType()
                            + (before.nextHopIpAddress() == null ? "" : " " + before.nextHopIpAddress()) + ") is no longer in "
                            + table.name());
                    AzCommand restore = AzCommand.az("network", "route-table", "route", "create")
                            .arg("--route-table-name", table.name()).arg("-g", resourceGroup(table.id()))
                            .arg("-n", before.name()).arg("--address-prefix", "0.0.0.0/0")
                            .arg("--next-hop-type", before.nextHopType());
                    remediation.add("Restore egress now: " + (before.nextHopIpAddress() == null ? restore
                            : restore.arg("--next-hop-ip-address", before.nextHopIpAddress())));
                }
            }
        }
        return manifest.get().routeTables().size();
    }

    private static void expect(List<String> problems, String field, String want, String have) {
        if (have == null || !want.equalsIgnoreCase(have)) {
            problems.add(field + " is " + (have == null ? "not set" : have) + ", expected " + want);
        }
    }

    private static <K extends Enum<K> & AzureValue.Kind> void expect(List<String> problems, String field,
                                                                      AzureValue<K> want, AzureValue<K> have) {
        expect(problems, field, want.text(), AzureValue.text(have));
    }

    private static boolean inside(IpPrefix cidr, String prefix) {
        if (cidr == null || prefix == null) {
            return false;
        }
        IpPrefix route = parse(prefix);
        return route != null && route.length() > 0 && cidr.contains(route);
    }

    private static IpPrefix parse(String text) {
        try {
            return text == null ? null : IpPrefix.parse(text);
        } catch (CidrFormatException e) {
            return null;
        }
    }

    private static String resourceGroup(String id) {
        String[] parts = id.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase("resourceGroups")) {
                return parts[i + 1];
            }
        }
        return "RG";
    }

    @Override
    public void verify(StepContext ctx) {
        // apply is the check.
    }
}
