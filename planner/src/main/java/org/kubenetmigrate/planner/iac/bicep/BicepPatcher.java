package org.kubenetmigrate.planner.iac.bicep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kubenetmigrate.planner.iac.Edits;
import org.kubenetmigrate.planner.iac.IacFinding;
import org.kubenetmigrate.planner.iac.IacHit;
import org.kubenetmigrate.planner.iac.IacMatch;
import org.kubenetmigrate.planner.iac.IacSyntaxException;
import org.kubenetmigrate.planner.iac.IacTarget;
import org.kubenetmigrate.planner.iac.ParameterValues;
import org.kubenetmigrate.planner.iac.SourceFile;
import org.kubenetmigrate.planner.iac.TemplateValues;
import org.kubenetmigrate.planner.iac.TextEdit;
import org.kubenetmigrate.planner.iac.arm.ArmPatcher;
import org.kubenetmigrate.planner.iac.bicep.BicepSource.BicepObject;
import org.kubenetmigrate.planner.iac.bicep.BicepSource.Param;
import org.kubenetmigrate.planner.iac.bicep.BicepSource.Property;
import org.kubenetmigrate.planner.iac.bicep.BicepSource.Resource;

/**
 * Finds the {@code Microsoft.ContainerService/managedClusters} resources of Bicep files that describe the planned
 * cluster and writes the networkProfile edits, following parameters to their defaults and parameter files
 * (.bicepparam, ARM parameter JSON) where the value is literal. Pure.
 */
public final class BicepPatcher {
    static final String TYPE = "microsoft.containerservice/managedclusters@";

    private BicepPatcher() {
    }

    public static List<IacHit> find(List<SourceFile> files, IacTarget target, List<IacFinding> findings)
            throws IacSyntaxException {
        List<BicepSource> templates = new ArrayList<>();
        List<BicepSource> paramFiles = new ArrayList<>();
        List<SourceFile> jsonParams = new ArrayList<>();
        for (SourceFile f : files) {
            if (f.name().endsWith(".bicep")) {
                templates.add(BicepSource.parse(f));
            } else if (f.name().endsWith(".bicepparam")) {
                paramFiles.add(BicepSource.parse(f));
            } else if (f.name().endsWith(".json")) {
                jsonParams.add(f);
            }
        }
        List<IacHit> hits = new ArrayList<>();
        for (BicepSource t : templates) {
            ParameterValues params = new ParameterValues();
            for (Param p : t.params) {
                addParam(params, t, p, false);
            }
            for (BicepSource pf : paramFiles) {
                if (usesTemplate(pf, t)) {
                    pf.params.forEach(p -> addParam(params, pf, p, true));
                }
            }
            for (SourceFile json : jsonParams) {
                ArmPatcher.readParameterFile(json, params);
            }
            for (Resource r : t.resources) {
                if (r.type().toLowerCase(Locale.ROOT).startsWith(TYPE)) {
                    candidate(t, r, params, paramFiles, target, findings).ifPresent(hits::add);
                }
            }
        }
        return hits;
    }

    private static boolean usesTemplate(BicepSource paramFile, BicepSource template) {
        String text = paramFile.file.text();
        int using = text.indexOf("using");
        if (using < 0) {
            return false;
        }
        int eol = text.indexOf('\n', using);
        String line = text.substring(using, eol < 0 ? text.length() : eol);
        return line.contains(template.file.name());
    }

    private static void addParam(ParameterValues params, BicepSource src, Param p, boolean fromFile) {
        if (p.value() == null) {
            return;
        }
        Optional<String> literal = p.value().literal();
        if (literal.isPresent()) {
            params.add(new ParameterValues.Value(p.name(), literal.get(), src.file, p.value().valueStart(),
                    p.value().valueEnd(), fromFile, '\''));
        } else {
            params.computed(p.name(), src.file, p.value().valueStart());
        }
    }

    private static Optional<IacHit> candidate(BicepSource t, Resource r, ParameterValues params,
                                              List<BicepSource> paramFiles, IacTarget target,
                                              List<IacFinding> findings) {
        Optional<Property> name = r.body().get("name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        int line = t.file.lineOf(r.start());
        String evidence;
        SourceFile chosenBy = null;
        String nameParam = name.get().identifier().orElse(null);
        if (name.get().literal().isPresent()) {
            if (!name.get().literal().get().equalsIgnoreCase(target.clusterName())) {
                return Optional.empty();
            }
            evidence = "name: '" + name.get().literal().get() + "'";
        } else if (name.get().identifier().isPresent()) {
            String param = name.get().identifier().get();
            Optional<ParameterValues.Value> matched = params.of(param).stream()
                    .filter(v -> v.value().equalsIgnoreCase(target.clusterName())).findFirst();
            if (matched.isEmpty()) {
                return Optional.empty();
            }
            evidence = "name: " + param + ", '" + matched.get().value() + "' in " + matched.get().describe();
            chosenBy = matched.get().fromFile() ? matched.get().file() : null;
        } else {
            findings.add(new IacFinding(t.file.path(), t.file.lineOf(name.get().start()), "resource " + r.symbol()
                    + ": name is computed, so the patch cannot tell whether it is cluster " + target.clusterName()));
            return Optional.empty();
        }
        IacMatch match = new IacMatch("bicep", t.file.path(), line, "resource " + r.symbol(), evidence);
        SourceFile chooser = chosenBy;
        String shared = nameParam == null ? null
                : params.sharedWith(nameParam, chosenBy, target.clusterName()).orElse(null);
        return Optional.of(IacHit.of(match, (goal, edits, out) ->
                new Writer(t, r, params, paramFiles, chooser, shared, goal, edits, out, match).write()));
    }

    private record Writer(BicepSource t, Resource r, ParameterValues params, List<BicepSource> paramFiles,
                          SourceFile chosenBy, String shared, IacTarget target, Edits edits,
                          List<IacFinding> findings, IacMatch match) {
        void write() {
            if (r.conditionalOrLoop()) {
                findings.add(new IacFinding(t.file.path(), t.file.lineOf(r.start()), match.address()
                        + " is conditional or a loop; the patch edits its body as written"));
            }
            Map<String, String> want = target.values(IacTarget.Names.TEMPLATE);
            Optional<Property> properties = r.body().get("properties");
            if (properties.isEmpty() || properties.get().object() == null) {
                findings.add(new IacFinding(t.file.path(), t.file.lineOf(r.start()), match.address()
                        + ": properties is missing or computed; set networkProfile " + want + " by hand"));
                return;
            }
            Optional<Property> profile = properties.get().object().get("networkProfile");
            if (profile.isEmpty()) {
                insertObject(properties.get().object(), want);
                return;
            }
            if (profile.get().object() == null) {
                findings.add(new IacFinding(t.file.path(), t.file.lineOf(profile.get().start()), match.address()
                        + ": networkProfile is computed; set " + want + " in it by hand"));
                return;
            }
            BicepObject object = profile.get().object();
            for (Map.Entry<String, String> e : want.entrySet()) {
                Optional<Property> p = object.get(e.getKey());
                boolean literal = p.isPresent() && p.get().literal().isPresent();
                if (shared != null && (p.isEmpty() || literal && !p.get().literal().get().equals(e.getValue()))) {
                    findings.add(TemplateValues.shared(t.file, p.map(Property::start).orElse(object.open()),
                            match.address(), e.getKey(), p.isPresent(), shared, e.getValue(), chosenBy));
                } else if (p.isEmpty()) {
                    insertLine(object, e.getKey(), "'" + e.getValue() + "'");
                } else if (literal) {
                    edits.replace(t.file, p.get().valueStart(), p.get().valueEnd(), "'" + e.getValue() + "'");
                } else if (p.get().identifier().isPresent() && !params.of(p.get().identifier().get()).isEmpty()
                        || p.get().identifier().isPresent() && t.param(p.get().identifier().get()).isPresent()) {
                    String param = p.get().identifier().get();
                    TemplateValues.setParameter(params, param, e.getValue(), chosenBy, inserter(), edits, findings,
                            new IacFinding(t.file.path(), t.file.lineOf(p.get().start()), match.address() + ": "
                                    + e.getKey()), target.clusterName());
                } else {
                    findings.add(new IacFinding(t.file.path(), t.file.lineOf(p.get().start()), match.address() + ": "
                            + e.getKey() + " is computed; the patch cannot follow it: make it '" + e.getValue()
                            + "' for " + target.clusterName() + " by hand"));
                }
            }
            if (target.networkPolicy() == null) {
                object.get("networkPolicy").filter(p -> !p.literal().map("none"::equalsIgnoreCase).orElse(false))
                        .ifPresent(p -> findings.add(new IacFinding(t.file.path(), t.file.lineOf(p.start()),
                                match.address() + ": networkPolicy is set but the plan leaves no policy engine")));
            }
        }

        private TemplateValues.Inserter inserter() {
            if (chosenBy == null || !chosenBy.name().endsWith(".bicepparam")) {
                return chosenBy == null ? null : (param, value) -> ArmPatcher.insertParameter(chosenBy, param, value,
                        edits);
            }
            return (param, value) -> {
                String text = chosenBy.text();
                String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
                edits.add(chosenBy, TextEdit.insert(text.length(), prefix + "param " + param + " = '" + value + "'\n"));
            };
        }

        private void insertObject(BicepObject properties, Map<String, String> want) {
            String indent = indentBefore(properties);
            StringBuilder b = new StringBuilder(indent).append("networkProfile: {\n");
            want.forEach((k, v) -> b.append(indent).append("  ").append(k).append(": '").append(v).append("'\n"));
            b.append(indent).append("}\n");
            insertAtClose(properties, b.toString());
            findings.add(new IacFinding(t.file.path(), t.file.lineOf(properties.open()), match.address()
                    + ": had no networkProfile (the default is kubenet); the patch adds one: check the what-if"));
        }

        private void insertLine(BicepObject object, String key, String quoted) {
            insertAtClose(object, indentBefore(object) + key + ": " + quoted + "\n");
        }

        private String indentBefore(BicepObject object) {
            String text = t.file.text();
            int from = object.properties().isEmpty() ? object.open() : object.properties()
                    .get(object.properties().size() - 1).start();
            int lineStart = text.lastIndexOf('\n', from - 1) + 1;
            int i = lineStart;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return text.substring(lineStart, i) + (object.properties().isEmpty() ? "  " : "");
        }

        private void insertAtClose(BicepObject object, String lines) {
            String text = t.file.text();
            int lineStart = text.lastIndexOf('\n', object.close() - 1) + 1;
            if (!text.substring(lineStart, object.close()).isBlank()) {
                findings.add(new IacFinding(t.file.path(), t.file.lineOf(object.close()), match.address()
                        + ": add " + lines.strip() + " by hand (the object is written on one line)"));
                return;
            }
            edits.add(t.file, TextEdit.insert(lineStart, lines));
        }
    }
}
