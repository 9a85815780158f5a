package org.kubenetmigrate.planner.iac;

import java.util.List;
import java.util.Optional;

/**
 * How a Bicep or ARM networkProfile value is set to its target: a literal in the template is replaced; a parameter
 * is followed to the parameter file that chose the cluster (else to its default); anything else is a finding.
 * Shared by both template formats, which differ only in syntax.
 */
public final class TemplateValues {
    private TemplateValues() {
    }

    /**
     * Sets a parameter to {@code value}.
     *
     * @param chosenBy the parameter file the cluster's name came from, or null when it is literal or a default
     * @param insertInto how to add the parameter to {@code chosenBy} when that file does not set it; null if not
     *                   possible
     */
    public static void setParameter(ParameterValues params, String param, String value, SourceFile chosenBy,
                                    Inserter insertInto, Edits edits, List<IacFinding> findings, IacFinding where,
                                    String clusterName) {
        if (chosenBy != null) {
            Optional<ParameterValues.Value> inFile = params.inFile(param, chosenBy);
            if (inFile.isPresent()) {
                ParameterValues.Value v = inFile.get();
                edits.replace(v.file(), v.start(), v.end(), v.quoted(value));
                return;
            }
            Optional<ParameterValues.Value> fallback = params.defaultOf(param);
            if (fallback.isPresent() && fallback.get().value().equals(value)) {
                return;
            }
            if (insertInto != null) {
                insertInto.insert(param, value);
                return;
            }
        }
        Optional<ParameterValues.Value> def = params.defaultOf(param);
        if (def.isEmpty()) {
            findings.add(new IacFinding(where.file(), where.line(), where.message() + ": parameter " + param
                    + " has no literal default" + params.computedAt(param).map(a -> " (computed at " + a + ")").orElse("")
                    + "; pass \"" + value + "\" for it when deploying " + clusterName));
            return;
        }
        ParameterValues.Value v = def.get();
        edits.replace(v.file(), v.start(), v.end(), v.quoted(value));
        List<String> overridden = params.of(param).stream().filter(ParameterValues.Value::fromFile)
                .filter(p -> !p.value().equals(value)).map(ParameterValues.Value::describe).toList();
        if (!overridden.isEmpty()) {
            findings.add(new IacFinding(where.file(), where.line(), where.message() + ": parameter " + param
                    + " is also set in " + String.join(", ", overridden) + ", which wins for deployments using that"
                    + " file; the patch edits the default only"));
        }
    }

    /**
     * The finding for a value written in (or missing from) a template that other deployments share: changing it
     * would change them too.
     */
    public static IacFinding shared(SourceFile template, int offset, String address, String key, boolean present,
                                    String others, String value, SourceFile chosenBy) {
        return new IacFinding(template.path(), template.lineOf(offset), address + ": " + key + (present
                ? " is written" : " is not set") + " in the template, which other deployments use too (" + others
                + "); make it a parameter and set it to '" + value + "' in " + chosenBy.name());
    }

    /** Adds a parameter value to a parameter file. */
    @FunctionalInterface
    public interface Inserter {
        void insert(String param, String value);
    }
}
