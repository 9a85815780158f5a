package org.kubenetmigrate.planner.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The literal values a Bicep or ARM template parameter has in the code: its default in the template, and each
 * parameter file (.bicepparam, ARM parameter JSON) that sets it. A parameter file stands for one deployment, like a
 * Terraform .tfvars file.
 */
public final class ParameterValues {
    /**
     * One literal value and where it is written.
     *
     * @param fromFile true for a parameter file, false for the template's default
     * @param quote the quote character the file uses: ' in Bicep, " in JSON
     */
    public record Value(String name, String value, SourceFile file, int start, int end, boolean fromFile, char quote) {
        public String describe() {
            return file.name() + ":" + file.lineOf(start);
        }

        /** The text that replaces this value to hold {@code newValue}. */
        public String quoted(String newValue) {
            return quote == '\'' ? "'" + newValue.replace("\\", "\\\\").replace("'", "\\'") + "'"
                    : "\"" + newValue.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    private final List<Value> values = new ArrayList<>();
    private final List<String> computed = new ArrayList<>();

    public void add(Value value) {
        values.add(value);
    }

    /** A parameter written but not as a literal (kept to tell the user where it is). */
    public void computed(String name, SourceFile file, int offset) {
        computed.add(name + "@" + file.name() + ":" + file.lineOf(offset));
    }

    public List<Value> of(String name) {
        return values.stream().filter(v -> v.name().equalsIgnoreCase(name)).toList();
    }

    public Optional<Value> defaultOf(String name) {
        return of(name).stream().filter(v -> !v.fromFile()).findFirst();
    }

    public Optional<Value> inFile(String name, SourceFile file) {
        return of(name).stream().filter(v -> v.fromFile() && v.file().equals(file)).findFirst();
    }

    public Optional<String> computedAt(String name) {
        return computed.stream().filter(c -> c.startsWith(name + "@")).map(c -> c.substring(name.length() + 1))
                .findFirst();
    }

    /**
     * The other deployments a template serves, when the cluster is chosen by a parameter file: the parameter files
     * that give the name parameter another value. A literal in the template is theirs too.
     */
    public Optional<String> sharedWith(String nameParam, SourceFile chosenBy, String clusterName) {
        if (chosenBy == null) {
            return Optional.empty();
        }
        List<String> others = of(nameParam).stream().filter(Value::fromFile)
                .filter(v -> !v.value().equalsIgnoreCase(clusterName))
                .map(v -> v.file().name() + " names " + v.value()).toList();
        return others.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", others));
    }
}
