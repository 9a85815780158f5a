package org.kubenetmigrate.planner.rules;

import org.kubenetmigrate.planner.model.ManagedCluster;

/**
 * AGIC: an open AGIC/RP deadlock can leave a kubenet → Overlay cluster Failed (AGIC PR #1789, F23), the App Gateway
 * subnet may share the AKS route table (R4b), and the add-on supports Overlay from v1.8.0 (C1:2025-03-16, R15).
 */
public final class AgicAddonRule implements Rule {
    static final String MIN_VERSION = "1.8.0";

    @Override
    public String id() {
        return "agic-addon";
    }

    @Override
    public String reference() {
        return Sources.AGIC_DEADLOCK_ISSUE;
    }

    @Override
    public RuleOutcome evaluate(ClusterContext context) {
        ManagedCluster cluster = context.cluster();
        if (!cluster.agicAddonEnabled()) {
            return RuleOutcome.pass();
        }
        return RuleOutcome.of(finding(Severity.WARNING,
                "the Application Gateway Ingress Controller add-on (ingress-appgw) is enabled: during kubenet →"
                        + " Overlay the RP waits for AGIC to create an OverlayExtensionConfig that AGIC may never"
                        + " create (open bug, a cluster stayed Failed for 7+ days); the App Gateway subnet may share"
                        + " the AKS route table (see route-table-shared); AGIC supports Overlay only from "
                        + MIN_VERSION,
                "Check the AGIC version is " + MIN_VERSION + " or later (kubectl get deployment"
                        + " ingress-appgw-deployment -n kube-system -o jsonpath='{.spec.template.spec.containers[0].image}');"
                        + " make sure the App Gateway subnet has its own route table; rehearse the update on a"
                        + " non-production cluster with AGIC, and during it watch for the OverlayExtensionConfig"
                        + " (kubectl get overlayextensionconfigs -A) and the cluster's provisioningState (az aks show"
                        + " -g " + cluster.resourceGroup() + " -n " + cluster.name() + " --query provisioningState)"));
    }
}
