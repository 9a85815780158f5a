package org.kubenetmigrate.planner.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kubenetmigrate.planner.model.ManagedCluster;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * AGIC add-on: during kubenet → Overlay the resource provider waits for AGIC to create an OverlayExtensionConfig that
 * AGIC may never create, and the cluster ends up Failed, after the point of no return, for days (open pull request
 * https://github.com/Azure/application-gateway-kubernetes-ingress/pull/1789, 2026-04-16). A warning is too weak for
 * that, and READY would be a false promise: an ACTION until a fix is confirmed. The workaround, taking the add-on out
 * of the update by disabling it and re-enabling it afterwards, follows from the pull request's description of the
 * deadlock; the disable and re-enable procedure itself is Microsoft's
 * (https://learn.microsoft.com/azure/application-gateway/ingress-controller-disable-addon). The add-on supports
 * Overlay from v1.8.0 (release notes 2025-03-16), and the App Gateway subnet may share the AKS route table (see
 * route-table-shared).
 */
public final class AgicAddonRule implements Rule {
    static final String MIN_VERSION = "1.8.0";
    static final String DISABLE_ADDON_PAGE =
            "https://learn.microsoft.com/azure/application-gateway/ingress-controller-disable-addon";

    @Override
    public String id() {
        return "agic-addon";
    }

    @Override
    public String reference() {
        return Sources.AGIC_DEADLOCK_ISSUE;
    }

    @Override
    public List<String> sources() {
        return List.of(Sources.AGIC_DEADLOCK_ISSUE, DISABLE_ADDON_PAGE, Sources.release("2025-03-16"));
    }

    @Override
    public String description() {
        return "The Application Gateway Ingress Controller add-on can deadlock with the Overlay update and leave the"
                + " cluster Failed after the point of no return; disable it for the update and re-enable it after.";
    }

    @Override
    public Set<Severity> severities() {
        return EnumSet.of(Severity.ACTION);
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        if (!cluster.agicAddonEnabled()) {
            return RuleOutcome.pass();
        }
        String rg = cluster.resourceGroup();
        return RuleOutcome.of(finding(Severity.ACTION,
                "the Application Gateway Ingress Controller add-on (ingress-appgw) is enabled: during kubenet →"
                        + " Overlay the resource provider waits for AGIC to create an OverlayExtensionConfig that AGIC"
                        + " may never create, and the cluster stays Failed after the point of no return (open bug, a"
                        + " cluster stayed Failed for 7+ days; no fix confirmed). The App Gateway subnet may also share"
                        + " the AKS route table (see route-table-shared); AGIC supports Overlay only from " + MIN_VERSION,
                "Take the add-on out of the update: note the gateway id (" + AzCommand.aks("show", rg, cluster.name())
                        .arg("--query", "addonProfiles.ingressApplicationGateway.config.effectiveApplicationGatewayId")
                        + "), then " + AzCommand.az("aks", "disable-addons").arg("-a", "ingress-appgw").arg("-g", rg)
                        .arg("-n", cluster.name()) + " before update-network-plugin, and after the rollout "
                        + AzCommand.az("aks", "enable-addons").arg("-a", "ingress-appgw").arg("-g", rg)
                        .arg("-n", cluster.name()).placeholder("--appgw-id", "<that id>") + ". A gateway the"
                        + " add-on created (in the node resource group, tagged created-by: ingress-appgw) is DELETED"
                        + " when the add-on is disabled: keep it first as " + DISABLE_ADDON_PAGE + " describes."
                        + " Ingress through the gateway is down from the plugin update until AGIC is back and has"
                        + " created its OverlayExtensionConfig (kubectl get overlayextensionconfigs -A). This"
                        + " workaround is derived from the bug's description, not confirmed by Microsoft; rehearse it"
                        + " on a non-production cluster with AGIC"));
    }
}
