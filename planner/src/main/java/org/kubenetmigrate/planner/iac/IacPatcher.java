package org.kubenetmigrate.planner.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.kubenetmigrate.planner.iac.arm.ArmPatcher;
import org.kubenetmigrate.planner.iac.bicep.BicepPatcher;
import org.kubenetmigrate.planner.iac.terraform.TerraformPatcher;
import org.kubenetmigrate.planner.plan.MigrationPlan;

/**
 * The change to the user's infrastructure code that matches a plan. Pure: it is handed the files' text and the
 * plan, and returns the edits, the diff and the findings. Exactly one declaration across all inputs must describe
 * the cluster: none or several is bad input, since a patch to the wrong one would be worse than none.
 */
public final class IacPatcher {
    private IacPatcher() {
    }

    public static IacChange change(MigrationPlan plan, List<IacInput> inputs) throws IacSyntaxException {
        IacTarget target;
        try {
            target = IacTarget.of(plan);
        } catch (IllegalArgumentException e) {
            throw new IacSyntaxException(inputs.isEmpty() ? "" : inputs.get(0).given(), 0, e.getMessage());
        }
        return change(target, inputs);
    }

    public static IacChange change(IacTarget target, List<IacInput> inputs) throws IacSyntaxException {
        List<IacHit> hits = new ArrayList<>();
        List<IacFinding> findings = new ArrayList<>();
        for (IacInput input : inputs) {
            switch (input.format()) {
                case TERRAFORM -> {
                    TerraformPatcher.Result r = TerraformPatcher.find(input.files(), target);
                    hits.addAll(r.hits());
                    findings.addAll(r.findings());
                }
                case BICEP -> hits.addAll(BicepPatcher.find(input.files(), target, findings));
                case ARM -> hits.addAll(ArmPatcher.find(input.files(), target, findings));
            }
        }
        String given = inputs.stream().map(IacInput::given).collect(Collectors.joining(", "));
        if (hits.isEmpty()) {
            throw new IacSyntaxException(given, 0, "no azurerm_kubernetes_cluster resource, AKS module call or"
                    + " Microsoft.ContainerService/managedClusters resource names cluster " + target.clusterName()
                    + (findings.isEmpty() ? "" : " (" + findings.get(0) + ")"));
        }
        if (hits.size() > 1) {
            IacMatch a = hits.get(0).match();
            IacMatch b = hits.get(1).match();
            throw new IacSyntaxException(b.file(), b.line(), "two declarations describe cluster "
                    + target.clusterName() + ": " + a.address() + " (" + a.file() + ":" + a.line() + "; "
                    + a.evidence() + ") and " + b.address() + " (" + b.evidence() + "); give only the folder or file"
                    + " of the one to patch");
        }
        Edits edits = new Edits();
        IacHit hit = hits.get(0);
        hit.patch(target, edits, findings);
        return new IacChange(target, List.of(hit.match()), edits.patches(), findings);
    }
}
