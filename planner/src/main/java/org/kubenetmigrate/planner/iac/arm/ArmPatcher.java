package org.kubenetmigrate.planner.iac.arm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.kubenetmigrate.planner.iac.arm.JsonTree.Node;

/**
 * Finds the {@code Microsoft.ContainerService/managedClusters} resources of ARM JSON templates that describe the
 * planned cluster and writes minimal text edits to their networkProfile, following {@code [parameters('x')]} to the
 * template's default or to a parameter file. Pure.
 */
public final class ArmPatcher {
    private static final Pattern PARAMETER = Pattern.compile("^\\[\\s*parameters\\(\\s*'([^']+)'\\s*\\)\\s*]$");

    private ArmPatcher() {
    }

    public static List<IacHit> find(List<SourceFile> files, IacTarget target, List<IacFinding> findings)
            throws IacSyntaxException {
        List<SourceFile> templates = new ArrayList<>();
        List<SourceFile> parameterFiles = new ArrayList<>();
        Map<SourceFile, Node> trees = new LinkedHashMap<>();
        for (SourceFile f : files) {
            if (!f.name().endsWith(".json")) {
                continue;
            }
            Node root = JsonTree.parse(f);
            if (!root.isObject()) {
                continue;
            }
            trees.put(f, root);
            if (root.get("resources").isPresent()) {
                templates.add(f);
            } else if (root.get("parameters").isPresent()) {
                parameterFiles.add(f);
            }
        }
        List<IacHit> hits = new ArrayList<>();
        for (SourceFile t : templates) {
            Node root = trees.get(t);
            ParameterValues params = new ParameterValues();
            root.get("parameters").filter(Node::isObject).ifPresent(ps -> ps.fields().forEach((name, decl) ->
                    decl.get("defaultValue").ifPresent(d -> {
                        if (d.isString()) {
                            params.add(new ParameterValues.Value(name, d.text(), t, d.start(), d.end(), false, '"'));
                        } else {
                            params.computed(name, t, d.start());
                        }
                    })));
            for (SourceFile pf : parameterFiles) {
                readParameterFile(pf, params);
            }
            Node resources = root.get("resources").get();
            List<Map.Entry<String, Node>> list = new ArrayList<>();
            if (resources.items() != null) {
                for (int i = 0; i < resources.items().size(); i++) {
                    list.add(Map.entry("resources[" + i + "]", resources.items().get(i)));
                }
            } else if (resources.fields() != null) {
                resources.fields().forEach((k, v) -> list.add(Map.entry("resources." + k, v)));
            }
            for (Map.Entry<String, Node> e : list) {
                Node r = e.getValue();
                boolean aks = r.isObject() && r.get("type").filter(Node::isString)
                        .map(n -> n.text().equalsIgnoreCase("Microsoft.ContainerService/managedClusters")).orElse(false)
                        && !r.get("existing").map(n -> "true".equals(n.text())).orElse(false);
                if (aks) {
                    candidate(t, e.getKey(), r, params, target, findings).ifPresent(hits::add);
                }
            }
        }
        return hits;
    }

    /** Adds the literal values of an ARM parameter file ({@code parameters.NAME.value}). */
    public static void readParameterFile(SourceFile file, ParameterValues params) {
        Node root;
        try {
            root = JsonTree.parse(file);
        } catch (IacSyntaxException e) {
            return; // not a parameter file we can read; templates report their own syntax errors
        }
        Optional<Node> ps = root.get("parameters");
        if (root.get("resources").isPresent() || ps.isEmpty() || !ps.get().isObject()) {
            return;
        }
        ps.get().fields().forEach((name, p) -> p.get("value").ifPresent(v -> {
            if (v.isString()) {
                params.add(new ParameterValues.Value(name, v.text(), file, v.start(), v.end(), true, '"'));
            } else {
                params.computed(name, file, v.start());
            }
        }));
    }

    /** Adds {@code "param": { "value": "value" }} as the last member of a parameter file's parameters. */
    public static void insertParameter(SourceFile file, String param, String value, Edits edits) {
        try {
            Node ps = JsonTree.parse(file).get("parameters").orElseThrow();
            insertMember(file, ps, "\"" + param + "\": { \"value\": \"" + value + "\" }", edits);
        } catch (IacSyntaxException | RuntimeException e) {
            // readParameterFile accepted this file, so it parses; nothing to add otherwise
        }
    }

    static void insertMember(SourceFile file, Node object, String member, Edits edits) {
        String text = file.text();
        if (object.fields().isEmpty()) {
            edits.add(file, TextEdit.insert(object.start() + 1, " " + member + " "));
            return;
        }
        Node last = null;
        for (Node n : object.fields().values()) {
            last = n;
        }
        int lineStart = text.lastIndexOf('\n', last.start() - 1) + 1;
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        edits.add(file, TextEdit.insert(last.end(), ",\n" + text.substring(lineStart, i) + member));
    }

    private static Optional<IacHit> candidate(SourceFile t, String address, Node r, ParameterValues params,
                                              IacTarget target, List<IacFinding> findings) {
        Optional<Node> name = r.get("name").filter(Node::isString);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String evidence;
        SourceFile chosenBy = null;
        Matcher m = PARAMETER.matcher(name.get().text());
        if (m.matches()) {
            String param = m.group(1);
            Optional<ParameterValues.Value> matched = params.of(param).stream()
                    .filter(v -> v.value().equalsIgnoreCase(target.clusterName())).findFirst();
            if (matched.isEmpty()) {
                return Optional.empty();
            }
            evidence = "name [parameters('" + param + "')], \"" + matched.get().value() + "\" in "
                    + matched.get().describe();
            chosenBy = matched.get().fromFile() ? matched.get().file() : null;
        } else if (name.get().text().startsWith("[")) {
            findings.add(new IacFinding(t.path(), t.lineOf(name.get().start()), address + ": name is an expression ("
                    + name.get().text() + "), so the patch cannot tell whether it is cluster " + target.clusterName()));
            return Optional.empty();
        } else if (name.get().text().equalsIgnoreCase(target.clusterName())) {
            evidence = "name \"" + name.get().text() + "\"";
        } else {
            return Optional.empty();
        }
        Optional<Node> location = r.get("location").filter(Node::isString);
        if (location.isPresent() && !location.get().text().startsWith("[")) {
            evidence += target.sameLocation(location.get().text()) ? "; location matches"
                    : "; location \"" + location.get().text() + "\" differs from the cluster's";
        }
        IacMatch match = new IacMatch("arm", t.path(), t.lineOf(r.start()), address, evidence);
        SourceFile chooser = chosenBy;
        String shared = m.matches() ? params.sharedWith(m.group(1), chosenBy, target.clusterName()).orElse(null) : null;
        return Optional.of(IacHit.of(match, (goal, edits, out) ->
                write(t, r, params, chooser, shared, match, goal, edits, out)));
    }

    private static void write(SourceFile t, Node r, ParameterValues params, SourceFile chosenBy, String shared,
                              IacMatch match, IacTarget target, Edits edits, List<IacFinding> findings) {
        Map<String, String> want = target.values(IacTarget.Names.TEMPLATE);
        Optional<Node> properties = r.get("properties").filter(Node::isObject);
        if (properties.isEmpty()) {
            findings.add(new IacFinding(t.path(), t.lineOf(r.start()), match.address() + ": properties is missing or"
                    + " an expression; set networkProfile " + want + " by hand"));
            return;
        }
        Optional<Node> profile = properties.get().get("networkProfile");
        if (profile.isEmpty()) {
            StringBuilder member = new StringBuilder("\"networkProfile\": {");
            String sep = " ";
            for (Map.Entry<String, String> e : want.entrySet()) {
                member.append(sep).append('"').append(e.getKey()).append("\": \"").append(e.getValue()).append('"');
                sep = ", ";
            }
            insertMember(t, properties.get(), member.append(" }").toString(), edits);
            findings.add(new IacFinding(t.path(), t.lineOf(properties.get().start()), match.address()
                    + ": had no networkProfile (the default is kubenet); the patch adds one: check the what-if"));
            return;
        }
        if (!profile.get().isObject()) {
            findings.add(new IacFinding(t.path(), t.lineOf(profile.get().start()), match.address()
                    + ": networkProfile is an expression; set " + want + " in it by hand"));
            return;
        }
        for (Map.Entry<String, String> e : want.entrySet()) {
            Optional<Node> v = profile.get().get(e.getKey());
            IacFinding where = new IacFinding(t.path(), v.map(n -> t.lineOf(n.start())).orElse(0), match.address()
                    + ": " + e.getKey());
            boolean literal = v.isPresent() && v.get().isString() && !v.get().text().startsWith("[");
            if (shared != null && (v.isEmpty() || literal && !v.get().text().equals(e.getValue()))) {
                findings.add(TemplateValues.shared(t, v.map(Node::start).orElse(profile.get().start()),
                        match.address(), e.getKey(), v.isPresent(), shared, e.getValue(), chosenBy));
            } else if (v.isEmpty()) {
                insertMember(t, profile.get(), "\"" + e.getKey() + "\": \"" + e.getValue() + "\"", edits);
            } else if (literal) {
                edits.replace(t, v.get().start(), v.get().end(), "\"" + e.getValue() + "\"");
            } else if (v.get().isString() && PARAMETER.matcher(v.get().text()).matches()) {
                Matcher m = PARAMETER.matcher(v.get().text());
                m.matches();
                TemplateValues.Inserter inserter = chosenBy == null ? null
                        : (param, value) -> insertParameter(chosenBy, param, value, edits);
                TemplateValues.setParameter(params, m.group(1), e.getValue(), chosenBy, inserter, edits, findings,
                        where, target.clusterName());
            } else {
                findings.add(new IacFinding(where.file(), where.line(), where.message() + " is an expression; the patch"
                        + " cannot follow it: make it \"" + e.getValue() + "\" for " + target.clusterName()
                        + " by hand"));
            }
        }
        if (target.networkPolicy() == null) {
            profile.get().get("networkPolicy").filter(n -> !"none".equalsIgnoreCase(n.text()))
                    .ifPresent(n -> findings.add(new IacFinding(t.path(), t.lineOf(n.start()), match.address()
                            + ": networkPolicy is set but the plan leaves no policy engine")));
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
