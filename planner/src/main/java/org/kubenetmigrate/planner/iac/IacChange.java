package org.kubenetmigrate.planner.iac;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The change to the infrastructure code that matches a plan: what was found, the edits, and what the edits cannot
 * settle.
 */
public record IacChange(IacTarget target, List<IacMatch> matches, List<FilePatch> patches, List<IacFinding> findings) {
    public IacChange {
        matches = List.copyOf(matches);
        patches = List.copyOf(patches);
        findings = List.copyOf(findings);
    }

    /** The unified diff of every patched file, empty when the code already matches. */
    public String diff() {
        return patches.stream().map(FilePatch::diff).collect(Collectors.joining());
    }

    /** The files the diff changes. */
    public List<String> changedFiles() {
        return patches.stream().filter(p -> !p.diff().isEmpty()).map(p -> p.file().path()).toList();
    }

    /** What to do after applying the diff: how to check the result, and what to do about Terraform state. */
    public static final String AFTER_CHANGE = "After the migration has finished, apply this diff to your code"
            + " (git apply, or patch -p1, from the parent of the folder you gave).";
    static final String TERRAFORM_CHECK = " Terraform: run terraform plan; it must show no change to"
            + " network_profile (the refresh reads the migrated cluster) or at most an in-place update (~), never a"
            + " replacement (-/+ ... forces replacement). If it plans a replacement, do not apply: your azurerm"
            + " provider is too old or a value still differs; bring the state up to date with terraform apply"
            + " -refresh-only and fix the code until the plan is clean.";
    static final String TEMPLATE_CHECK = " Bicep/ARM: run az deployment group what-if with your parameters;"
            + " networkProfile must show no change before the next deployment.";

    /** {@link #AFTER_CHANGE} with the checks of the formats found. */
    public String afterChange() {
        boolean terraform = matches.stream().anyMatch(m -> m.format().equals("terraform"));
        return AFTER_CHANGE + (terraform ? TERRAFORM_CHECK : "") + (terraform ? "" : TEMPLATE_CHECK);
    }
}
