package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.iac.IacChange;
import org.kubenetmigrate.planner.iac.IacInput;
import org.kubenetmigrate.planner.iac.IacInputs;
import org.kubenetmigrate.planner.iac.IacPatcher;
import org.kubenetmigrate.planner.iac.IacSyntaxException;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import picocli.CommandLine.Option;

/** Where the cluster's infrastructure code is; shared by iac and plan --iac. */
final class IacOptions {
    @Option(names = "--terraform", paramLabel = "DIR",
            description = "A Terraform root module folder (*.tf, *.tfvars, .terraform.lock.hcl). Repeatable.")
    List<Path> terraform = new ArrayList<>();

    @Option(names = "--bicep", paramLabel = "PATH",
            description = "A Bicep file (its .bicepparam and *.parameters.json neighbours are read too) or folder."
                    + " Repeatable.")
    List<Path> bicep = new ArrayList<>();

    @Option(names = "--arm", paramLabel = "PATH",
            description = "An ARM JSON template (its *.parameters.json neighbours are read too) or folder. Repeatable.")
    List<Path> arm = new ArrayList<>();

    /** Folders given with plan --iac: the format of each is told by its files. */
    List<IacInput> inputs(List<Path> mixed) throws IacSyntaxException {
        List<IacInput> inputs = new ArrayList<>();
        for (Path p : terraform) {
            inputs.add(IacInputs.terraform(p));
        }
        for (Path p : bicep) {
            inputs.add(IacInputs.bicep(p));
        }
        for (Path p : arm) {
            inputs.add(IacInputs.arm(p));
        }
        for (Path p : mixed) {
            inputs.add(IacInputs.guess(p));
        }
        return inputs;
    }

    boolean given() {
        return !terraform.isEmpty() || !bicep.isEmpty() || !arm.isEmpty();
    }

    static IacChange change(MigrationPlan plan, List<IacInput> inputs) throws IacSyntaxException {
        return IacPatcher.change(plan, inputs);
    }
}
