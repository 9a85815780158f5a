package org.kubenetmigrate.planner.iac;

import java.util.List;

/** The files of one --terraform, --bicep or --arm argument. */
public record IacInput(Format format, String given, List<SourceFile> files) {
    public enum Format { TERRAFORM, BICEP, ARM }

    public IacInput {
        files = List.copyOf(files);
    }
}
