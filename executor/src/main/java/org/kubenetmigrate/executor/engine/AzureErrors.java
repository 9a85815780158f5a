package org.kubenetmigrate.executor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * What to do about an AKS error code (the failure texts AKS documents and users reported), in the operator's terms. Unknown codes
 * get the generic inspect-and-reconcile advice.
 */
final class AzureErrors {
    private AzureErrors() {
    }

    static List<String> remediation(ExecutablePlan plan, String code, boolean afterPointOfNoReturn) {
        AzCommand az = plan.aks("update");
        List<String> out = new ArrayList<>();
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (c.contains("drain") || c.contains("upgradefailed") || c.contains("poddisruption")) {
            out.add("A PodDisruptionBudget probably blocked draining a node (https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/error-code-poddrainfailure): kubectl get pdb -A; relax the budget"
                    + " or scale the workload, then reconcile with: " + az);
        } else if (c.contains("subnetisfull") || c.contains("insufficientsubnetsize")) {
            out.add("The node subnet or pod CIDR has no room for the surge nodes (https://learn.microsoft.com/azure/aks/upgrade-options): lower maxSurge on the"
                    + " pools (az aks nodepool update --max-surge 1) or free addresses, then reconcile with: " + az);
        } else if (c.contains("skunotavailable") || c.contains("allocationfailed") || c.contains("overconstrained")
                || c.contains("quota")) {
            out.add("Azure could not allocate the surge VMs (capacity or quota, https://learn.microsoft.com/azure/aks/upgrade-options): request quota or lower maxSurge,"
                    + " then reconcile with: " + az);
        } else if (c.contains("networkplugin") || c.contains("validation") || c.contains("badrequest")) {
            out.add("ARM rejected the update as invalid: read the message above; it names the field. Nothing was"
                    + " changed by this request.");
        } else {
            out.add("Inspect the cluster: " + plan.aks("show")
                    .arg("--query", "{state:provisioningState, network:networkProfile}")
                    + "; a Failed cluster is reconciled with: " + az);
        }
        out.add(afterPointOfNoReturn
                ? "The point of no return is behind: roll forward — fix the cause, reconcile, then resume the run."
                : "Then resume the run, or roll back what it changed so far.");
        return out;
    }
}
