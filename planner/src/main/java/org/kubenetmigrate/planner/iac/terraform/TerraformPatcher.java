package org.kubenetmigrate.planner.iac.terraform;

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
import org.kubenetmigrate.planner.iac.SourceFile;
import org.kubenetmigrate.planner.iac.TextEdit;
import org.kubenetmigrate.planner.iac.terraform.HclBody.Attribute;
import org.kubenetmigrate.planner.iac.terraform.HclBody.Block;
import org.kubenetmigrate.planner.iac.terraform.TerraformCode.Parsed;
import org.kubenetmigrate.planner.iac.terraform.TerraformCode.Value;

/**
 * Finds the {@code azurerm_kubernetes_cluster} resources and AKS module calls of one Terraform root module that
 * describe the planned cluster, and writes the edits that make them describe it after the migration. Pure.
 *
 * <p>Only literals are edited: a literal in the block, a variable's literal default, or a literal in a .tfvars file.
 * Anything computed (locals, conditionals, functions, interpolation) becomes a finding naming the file and line.
 */
public final class TerraformPatcher {
    static final String AKS_MODULE = "azure/aks/azurerm";
    static final String AVM_MODULE = "azure/avm-res-containerservice-managedcluster/azurerm";

    private TerraformPatcher() {
    }

    /** What the folder says besides the hits: the provider version findings. */
    public record Result(List<IacHit> hits, List<IacFinding> findings) {
    }

    public static Result find(List<SourceFile> files, IacTarget target) throws IacSyntaxException {
        TerraformCode code = TerraformCode.parse(files);
        List<IacHit> hits = new ArrayList<>();
        List<IacFinding> findings = new ArrayList<>();
        for (Parsed p : code.tf) {
            for (Block r : p.body().blocks("resource")) {
                if (r.label(0).equals("azurerm_kubernetes_cluster")) {
                    candidate(code, p, r, "name", Kind.RESOURCE, target, findings).ifPresent(hits::add);
                }
            }
            for (Block m : p.body().blocks("module")) {
                String source = m.body().attribute("source").flatMap(Attribute::literal).orElse("")
                        .toLowerCase(Locale.ROOT);
                if (source.startsWith(AKS_MODULE) || source.contains("terraform-azurerm-aks")) {
                    candidate(code, p, m, "cluster_name", Kind.AKS_MODULE, target, findings).ifPresent(hits::add);
                } else if (source.startsWith(AVM_MODULE)
                        || source.contains("terraform-azurerm-avm-res-containerservice-managedcluster")) {
                    candidate(code, p, m, "name", Kind.AVM_MODULE, target, findings).ifPresent(hits::add);
                }
            }
        }
        hits = narrow(hits, target);
        if (!hits.isEmpty()) {
            providerFindings(code, target, hits, findings);
        } else {
            localModules(code, findings);
        }
        return new Result(hits, findings);
    }

    enum Kind { RESOURCE, AKS_MODULE, AVM_MODULE }

    /** Name matches in other resource groups or regions are dropped when one matches on them too. */
    private static List<IacHit> narrow(List<IacHit> hits, IacTarget target) {
        if (hits.size() < 2) {
            return hits;
        }
        List<IacHit> strong = hits.stream().filter(h -> ((Hit) h).placeMatches).toList();
        return strong.isEmpty() ? hits : strong;
    }

    private static Optional<IacHit> candidate(TerraformCode code, Parsed p, Block block, String nameInput, Kind kind,
                                              IacTarget target, List<IacFinding> findings) {
        String address = (kind == Kind.RESOURCE ? block.label(0) + "." : "module.") + block.label(kind == Kind.RESOURCE ? 1 : 0);
        int line = p.file().lineOf(block.start());
        Optional<Attribute> nameAttr = block.body().attribute(nameInput);
        List<Value> names = new ArrayList<>();
        String how;
        if (nameAttr.isEmpty() && kind == Kind.AKS_MODULE) {
            // the module names the cluster "<prefix>-aks" when cluster_name is not set
            Optional<Attribute> prefix = block.body().attribute("prefix");
            Optional<String> literal = prefix.flatMap(Attribute::literal);
            if (literal.isPresent() && (literal.get() + "-aks").equalsIgnoreCase(target.clusterName())) {
                return Optional.of(hit(code, p, block, address, kind, target, "name \"" + literal.get() + "-aks\" from"
                        + " prefix = \"" + literal.get() + "\" (the module's default cluster_name)", null));
            }
            return Optional.empty();
        }
        if (nameAttr.isEmpty()) {
            return Optional.empty();
        }
        Attribute name = nameAttr.get();
        if (name.literal().isPresent()) {
            if (!name.literal().get().equalsIgnoreCase(target.clusterName())) {
                return Optional.empty();
            }
            how = nameInput + " = \"" + name.literal().get() + "\"";
            return Optional.of(hit(code, p, block, address, kind, target, how, null));
        }
        Optional<String> variable = name.variable();
        if (variable.isEmpty()) {
            findings.add(new IacFinding(p.file().path(), p.file().lineOf(name.start()), address + ": " + nameInput
                    + " is computed (" + text(p, name) + "), so the patch cannot tell whether this is cluster "
                    + target.clusterName() + "; check it by hand"));
            return Optional.empty();
        }
        names.addAll(code.values(variable.get()));
        Value matched = names.stream().filter(v -> v.value().equalsIgnoreCase(target.clusterName())).findFirst()
                .orElse(null);
        if (matched == null) {
            if (names.isEmpty()) {
                findings.add(new IacFinding(p.file().path(), p.file().lineOf(name.start()), address + ": " + nameInput
                        + " = var." + variable.get() + " has no value in the code (given with -var or TF_VAR_?),"
                        + " so the patch cannot tell whether this is cluster " + target.clusterName()));
            }
            return Optional.empty();
        }
        how = nameInput + " = var." + variable.get() + ", \"" + matched.value() + "\" in " + matched.describe();
        return Optional.of(hit(code, p, block, address, kind, target, how, matched));
    }

    private static Hit hit(TerraformCode code, Parsed p, Block block, String address, Kind kind, IacTarget target,
                           String how, Value nameValue) {
        StringBuilder evidence = new StringBuilder(how);
        boolean placeMatches = false;
        for (String key : List.of("resource_group_name", "location")) {
            Optional<String> written = block.body().attribute(key).flatMap(a -> resolve(code, a, nameValue));
            if (written.isPresent()) {
                boolean same = key.equals("location") ? target.sameLocation(written.get())
                        : target.sameResourceGroup(written.get());
                evidence.append(same ? "; " + key + " \"" + written.get() + "\" matches"
                        : "; " + key + " \"" + written.get() + "\" differs from the cluster's");
                placeMatches |= same;
            }
        }
        IacMatch match = new IacMatch("terraform", p.file().path(), p.file().lineOf(block.start()), address,
                evidence.toString());
        return new Hit(code, p, block, kind, match, nameValue, placeMatches);
    }

    /** A literal or a variable's literal value, preferring the .tfvars file the name came from. */
    private static Optional<String> resolve(TerraformCode code, Attribute a, Value nameValue) {
        if (a.literal().isPresent()) {
            return a.literal();
        }
        Optional<String> variable = a.variable();
        if (variable.isEmpty()) {
            return Optional.empty();
        }
        if (nameValue != null && !nameValue.autoLoaded()) {
            Optional<Attribute> inFile = nameValue.where().body().attribute(variable.get());
            if (inFile.isPresent()) {
                return inFile.get().literal();
            }
        }
        return code.autoValue(variable.get()).map(Value::value);
    }

    /** Local module calls are not followed: say where they are, so the user can pass their folder instead. */
    private static void localModules(TerraformCode code, List<IacFinding> findings) {
        for (Parsed p : code.tf) {
            for (Block m : p.body().blocks("module")) {
                String source = m.body().attribute("source").flatMap(Attribute::literal).orElse("");
                if (source.startsWith("./") || source.startsWith("../")) {
                    findings.add(new IacFinding(p.file().path(), p.file().lineOf(m.start()), "module." + m.label(0)
                            + " uses the local module " + source + ", which is not followed; if the cluster is"
                            + " declared there, give that folder with --terraform and set the module call's inputs"
                            + " by hand"));
                }
            }
        }
    }

    private static void providerFindings(TerraformCode code, IacTarget target, List<IacHit> hits,
                                         List<IacFinding> findings) throws IacSyntaxException {
        boolean azurermManaged = hits.stream().anyMatch(h -> ((Hit) h).kind != Kind.AVM_MODULE);
        if (!azurermManaged) {
            return;
        }
        Optional<TerraformCode.Located> constraint = code.azurermConstraint();
        String file = constraint.map(c -> c.where().file().path()).orElse(((Hit) hits.get(0)).parsed.file().path());
        int line = constraint.map(c -> c.where().file().lineOf(c.attribute().start())).orElse(0);
        String locked = code.lockedAzurerm().orElse(null);
        for (String message : ProviderVersions.assess(constraint.map(TerraformCode.Located::value).orElse(null),
                locked, target.cilium())) {
            findings.add(new IacFinding(file, line, message));
        }
    }

    private static String text(Parsed p, Attribute a) {
        String t = p.file().text().substring(a.valueStart(), a.valueEnd());
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    /** One resource or module call that describes the cluster. */
    static final class Hit implements IacHit {
        private final TerraformCode code;
        final Parsed parsed;
        private final Block block;
        final Kind kind;
        private final IacMatch match;
        private final Value nameValue;
        final boolean placeMatches;

        Hit(TerraformCode code, Parsed parsed, Block block, Kind kind, IacMatch match, Value nameValue,
            boolean placeMatches) {
            this.code = code;
            this.parsed = parsed;
            this.block = block;
            this.kind = kind;
            this.match = match;
            this.nameValue = nameValue;
            this.placeMatches = placeMatches;
        }

        @Override
        public IacMatch match() {
            return match;
        }

        /**
         * Reads the file again with hcl4j and checks that it sees the same block and the same literal values in
         * it; a difference means one reader is wrong about this file, and then nothing is edited.
         */
        Optional<String> verify() {
            Hcl4jReader.Parsed other = Hcl4jReader.read(parsed.file().text());
            if (other.tree() == null) {
                return Optional.of("hcl4j could not read " + parsed.file().name() + " (" + other.problem() + ")");
            }
            String[] path = kind == Kind.RESOURCE ? new String[] {"resource", block.label(0), block.label(1)}
                    : new String[] {"module", block.label(0)};
            Optional<Object> seen = other.at(path);
            if (seen.isEmpty() || !(seen.get() instanceof Map<?, ?> map)) {
                return Optional.of("hcl4j does not see " + String.join(".", path) + " where this reader does");
            }
            HclBody body = block.body();
            Map<?, ?> values = map;
            if (kind == Kind.RESOURCE && body.block("network_profile").isPresent()) {
                Object profile = map.get("network_profile");
                if (!(profile instanceof Map<?, ?> p)) {
                    return Optional.of("hcl4j does not see its network_profile block");
                }
                body = body.block("network_profile").get().body();
                values = p;
            }
            for (Attribute a : body.attributes) {
                Optional<String> literal = a.literal();
                if (literal.isPresent() && values.containsKey(a.name())
                        && !literal.get().equals(String.valueOf(values.get(a.name())))) {
                    return Optional.of("the two HCL readers disagree on " + a.name() + " (\"" + literal.get()
                            + "\" here, \"" + values.get(a.name()) + "\" for hcl4j)");
                }
            }
            return Optional.empty();
        }

        @Override
        public void patch(IacTarget target, Edits edits, List<IacFinding> findings) {
            Writer w = new Writer(this, target, edits, findings);
            Optional<String> disagreement = verify();
            if (disagreement.isPresent()) {
                findings.add(w.finding(block.start(), match.address() + ": " + disagreement.get()
                        + "; the patch does not edit it"));
                return;
            }
            if (block.body().attribute("count").isPresent() || block.body().attribute("for_each").isPresent()) {
                findings.add(w.finding(block.start(), match.address() + " uses count or for_each: every instance"
                        + " shares these values, so the patch does not edit it; set the values for "
                        + target.clusterName() + " by hand"));
                return;
            }
            switch (kind) {
                case RESOURCE -> w.resource();
                case AKS_MODULE -> w.aksModule();
                case AVM_MODULE -> w.avmModule();
            }
        }
    }

    /** Writes the edits of one hit. */
    private static final class Writer {
        private final Hit hit;
        private final IacTarget target;
        private final Edits edits;
        private final List<IacFinding> findings;
        private final SourceFile file;

        Writer(Hit hit, IacTarget target, Edits edits, List<IacFinding> findings) {
            this.hit = hit;
            this.target = target;
            this.edits = edits;
            this.findings = findings;
            this.file = hit.parsed.file();
        }

        IacFinding finding(int offset, String message) {
            return new IacFinding(file.path(), file.lineOf(offset), message);
        }

        void resource() {
            Optional<Block> profile = hit.block.body().block("network_profile");
            boolean ebpf = profile.isPresent() && profile.get().body().attribute("ebpf_data_plane").isPresent();
            Map<String, String> want = target.values(ebpf ? IacTarget.Names.AZURERM.dataplane("ebpf_data_plane")
                    : IacTarget.Names.AZURERM);
            boolean dynamic = hit.block.body().blocks("dynamic").stream()
                    .anyMatch(d -> d.label(0).equals("network_profile"));
            if (dynamic) {
                findings.add(finding(hit.block.start(), hit.match.address() + ": network_profile is a dynamic"
                        + " block; the patch cannot follow it: set " + want + " in its content by hand"));
                return;
            }
            if (profile.isEmpty()) {
                insertBlock(want);
                return;
            }
            HclBody body = profile.get().body();
            body.attribute("pod_cidrs").ifPresent(a -> findings.add(finding(a.start(), hit.match.address()
                    + ": pod_cidrs is set too; make it [\"" + target.podCidr() + "\"] (the patch edits pod_cidr"
                    + " only)")));
            hit.block.body().block("lifecycle").flatMap(l -> l.body().attribute("ignore_changes"))
                    .filter(a -> file.text().substring(a.valueStart(), a.valueEnd()).contains("network_profile")
                            || file.text().substring(a.valueStart(), a.valueEnd()).contains("all"))
                    .ifPresent(a -> findings.add(finding(a.start(), hit.match.address() + ": lifecycle"
                            + " ignore_changes covers network_profile, so terraform plan will not show whether the"
                            + " code matches the cluster; check it with the ignore removed")));
            if (target.networkPolicy() == null) {
                body.attribute("network_policy").ifPresent(a -> {
                    if (!a.literal().map(v -> v.equalsIgnoreCase("none")).orElse(false)) {
                        findings.add(finding(a.start(), hit.match.address() + ": network_policy is set here but the"
                                + " plan leaves the cluster without a policy engine; remove it by hand if that is"
                                + " what you want"));
                    }
                });
            }
            apply(body, profile.get(), want);
        }

        void aksModule() {
            Map<String, String> want = target.values(IacTarget.Names.AKS_MODULE);
            moduleVersionFindings();
            apply(hit.block.body(), hit.block, want);
        }

        void avmModule() {
            Optional<String> version = hit.block.body().attribute("version").flatMap(Attribute::literal);
            Optional<ProviderVersions.Range> range = version.flatMap(ProviderVersions::range);
            boolean old = range.isPresent() && range.get().onlyBefore(ProviderVersions.Version.parse("0.4.0").get());
            Map<String, String> want = target.values(IacTarget.Names.AZURERM
                    .dataplane(old ? "network_data_plane" : "network_dataplane"));
            if (target.cilium()) {
                if (range.isEmpty()) {
                    findings.add(finding(hit.block.start(), hit.match.address() + ": the module version is not"
                            + " pinned, so the data plane key is assumed to be network_dataplane (the name from 0.4.0"
                            + " on; network_data_plane before)"));
                }
            }
            if (!old) {
                findings.add(finding(hit.block.start(), hit.match.address() + ": this module (0.4.0 and later) manages"
                        + " the cluster with the azapi provider, not azurerm; whether azapi updates networkProfile in"
                        + " place is UNCONFIRMED: accept only a terraform plan without replacement"));
            }
            Optional<Attribute> profile = hit.block.body().attribute("network_profile");
            if (profile.isEmpty()) {
                findings.add(finding(hit.block.start(), hit.match.address() + ": no network_profile input; add"
                        + " network_profile = { " + String.join(", ", want.entrySet().stream()
                        .map(e -> e.getKey() + " = \"" + e.getValue() + "\"").toList()) + " } by hand"));
                return;
            }
            Optional<HclBody> object;
            try {
                object = profile.get().object(file.text());
            } catch (HclSyntaxException e) {
                object = Optional.empty();
            }
            if (object.isEmpty()) {
                findings.add(finding(profile.get().start(), hit.match.address() + ": network_profile is computed ("
                        + TerraformPatcher.text(hit.parsed, profile.get()) + "); set " + String.join(", ",
                        want.entrySet().stream().map(e -> e.getKey() + " = \"" + e.getValue() + "\"").toList())
                        + " in it by hand"));
                return;
            }
            HclBody body = object.get();
            for (Map.Entry<String, String> e : want.entrySet()) {
                Optional<Attribute> a = body.attribute(e.getKey());
                if (a.isPresent()) {
                    set(a.get(), e.getKey(), e.getValue());
                } else {
                    int close = profile.get().valueEnd() - 1;
                    insertLine(body, profile.get().start(), close, e.getKey(), e.getValue(), null);
                }
            }
        }

        private void moduleVersionFindings() {
            Optional<String> version = hit.block.body().attribute("version").flatMap(Attribute::literal);
            Optional<ProviderVersions.Range> range = version.flatMap(ProviderVersions::range);
            if (range.isEmpty()) {
                return;
            }
            if (range.get().allowsBefore(ProviderVersions.Version.parse("7.5.0").get())) {
                findings.add(finding(hit.block.start(), hit.match.address() + ": module version \"" + version.get()
                        + "\" allows releases without the network_plugin_mode and ebpf_data_plane inputs (7.0.0 has"
                        + " neither, 7.5.0 has both; the exact first release is unconfirmed)"));
            }
            if (range.get().allowsBefore(ProviderVersions.Version.parse("11.0.0").get())) {
                findings.add(finding(hit.block.start(), hit.match.address() + ": module version \"" + version.get()
                        + "\" allows releases that require azurerm < 4.0 (9.x and 10.x do), so the provider cannot"
                        + " reach 4.66.0, the first with the in-place Overlay update; with those, keep the code"
                        + " matching the migrated cluster and never apply a plan that replaces it"));
            }
        }

        /** Makes every wanted attribute of {@code body} (inside {@code block}) hold its value. */
        private void apply(HclBody body, Block block, Map<String, String> want) {
            for (Map.Entry<String, String> e : want.entrySet()) {
                Optional<Attribute> a = body.attribute(e.getKey());
                if (a.isPresent()) {
                    set(a.get(), e.getKey(), e.getValue());
                } else if (sharedWith().isPresent()) {
                    insertVariable(body, block, e.getKey(), e.getValue());
                } else {
                    insertLine(body, block.start(), block.closeBrace(), e.getKey(), e.getValue(), null);
                }
            }
        }

        /**
         * The block serves several environments (one .tfvars each): a literal would change them all, so the
         * attribute becomes {@code key = var.key} with a null default (unset, as before, for the others) and the
         * value goes into the .tfvars file that chose this cluster.
         */
        private void insertVariable(HclBody body, Block block, String key, String value) {
            TerraformCode code = hit.code;
            Parsed vars = hit.nameValue.where();
            insertLine(body, block.start(), block.closeBrace(), key, value, "var." + key);
            boolean declared = code.tf.stream().anyMatch(p -> p.body().blocks("variable").stream()
                    .anyMatch(v -> v.label(0).equals(key)));
            if (!declared) {
                String nameVariable = hit.block.body().attribute(hit.kind == Kind.AKS_MODULE ? "cluster_name" : "name")
                        .flatMap(Attribute::variable).orElse("");
                Parsed home = code.tf.stream().filter(p -> p.body().blocks("variable").stream()
                        .anyMatch(v -> v.label(0).equals(nameVariable))).findFirst().orElse(hit.parsed);
                String text = home.file().text();
                String prefix = text.isEmpty() || text.endsWith("\n") ? "\n" : "\n\n";
                edits.add(home.file(), TextEdit.insert(text.length(), prefix + "variable \"" + key + "\" {\n"
                        + "  type    = string\n  default = null\n}\n"));
            }
            Optional<Attribute> inFile = vars.body().attribute(key);
            if (inFile.isPresent()) {
                setIn(vars, inFile.get(), key, value);
                return;
            }
            String text = vars.file().text();
            String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            int column = vars.body().attributes.stream().mapToInt(a -> text.indexOf('=', a.start())
                    - (text.lastIndexOf('\n', a.start() - 1) + 1)).max().orElse(0);
            String name = column > key.length() ? pad(key, column - 1) : key;
            edits.add(vars.file(), TextEdit.insert(text.length(), prefix + name + " = " + quote(value) + "\n"));
        }

        /** Sets an existing attribute: its literal, or the literal behind var.NAME, or a finding. */
        private void set(Attribute a, String key, String value) {
            Optional<String> literal = a.literal();
            if (literal.isPresent()) {
                if (literal.get().equals(value)) {
                    return;
                }
                Optional<String> shared = sharedWith();
                if (shared.isPresent()) {
                    findings.add(finding(a.start(), hit.match.address() + ": " + key + " = \"" + literal.get()
                            + "\" is written here for every environment (" + shared.get() + "); make it a variable"
                            + " set per environment, and set it to \"" + value + "\" for " + target.clusterName()));
                    return;
                }
                if (key.equals("pod_cidr") || key.equals("net_profile_pod_cidr")) {
                    findings.add(podCidrChange(a.start(), literal.get(), value));
                }
                edits.replace(file, a.valueStart(), a.valueEnd(), quote(value));
                return;
            }
            Optional<String> variable = a.variable();
            if (variable.isEmpty()) {
                findings.add(finding(a.start(), hit.match.address() + ": " + key + " is computed ("
                        + TerraformPatcher.text(hit.parsed, a) + "); the patch cannot follow it: make it \"" + value
                        + "\" for " + target.clusterName() + " by hand"));
                return;
            }
            setVariable(variable.get(), key, value, a);
        }

        /** Even with the in-place path, azurerm forces a new cluster when a non-empty pod_cidr changes. */
        IacFinding podCidrChange(int offset, String from, String to) {
            return finding(offset, hit.match.address() + ": the pod CIDR changes from " + from + " to " + to + ";"
                    + " azurerm forces a NEW cluster when a non-empty pod_cidr changes, even from 4.66.0 on (PR"
                    + " #30959): apply this diff only after the migration, when terraform plan's refresh already"
                    + " reads " + to + " from Azure");
        }

        private void setVariable(String variable, String key, String value, Attribute use) {
            TerraformCode code = hit.code;
            if (hit.nameValue != null && !hit.nameValue.autoLoaded()) {
                // the cluster is chosen by this .tfvars file: its values belong there
                Parsed vars = hit.nameValue.where();
                Optional<Attribute> inFile = vars.body().attribute(variable);
                if (inFile.isPresent()) {
                    setIn(vars, inFile.get(), variable, value);
                    return;
                }
                Optional<Value> auto = code.autoValue(variable);
                if (auto.isPresent() && auto.get().value().equals(value)) {
                    return;
                }
                String text = vars.file().text();
                String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
                int column = vars.body().attributes.stream().mapToInt(a -> text.indexOf('=', a.start())
                        - (text.lastIndexOf('\n', a.start() - 1) + 1)).max().orElse(0);
                String name = column > variable.length() ? pad(variable, column - 1) : variable;
                edits.add(vars.file(), TextEdit.insert(text.length(), prefix + name + " = " + quote(value) + "\n"));
                return;
            }
            Optional<Value> source = code.autoValue(variable);
            List<Value> others = code.values(variable).stream().filter(v -> !v.autoLoaded()).toList();
            if (source.isEmpty()) {
                Optional<Attribute> declared = Optional.ofNullable(code.defaults.get(variable));
                findings.add(finding(use.start(), hit.match.address() + ": " + key + " = var." + variable + ", which"
                        + (declared.isPresent() ? " has a computed default" : " has no value in the code (given with"
                        + " -var, -var-file or TF_VAR_" + variable + "?)") + "; set it to \"" + value + "\" for "
                        + target.clusterName()));
                return;
            }
            if (!source.get().value().equals(value)) {
                Value v = source.get();
                edits.replace(v.where().file(), v.attribute().valueStart(), v.attribute().valueEnd(), quote(value));
            }
            if (!others.isEmpty()) {
                findings.add(finding(use.start(), hit.match.address() + ": var." + variable + " is also set in "
                        + String.join(", ", others.stream().map(Value::describe).toList()) + ", which wins when"
                        + " that file is passed with -var-file; the patch edits " + source.get().describe()
                        + " only"));
            }
        }

        private void setIn(Parsed vars, Attribute a, String variable, String value) {
            Optional<String> literal = a.literal();
            if (literal.isEmpty()) {
                findings.add(new IacFinding(vars.file().path(), vars.file().lineOf(a.start()), variable
                        + " is computed here; set it to \"" + value + "\" for " + target.clusterName() + " by hand"));
                return;
            }
            edits.replace(vars.file(), a.valueStart(), a.valueEnd(), quote(value));
        }

        /** Other environments that share a literal in the .tf file, when the name comes from one .tfvars file. */
        private Optional<String> sharedWith() {
            if (hit.nameValue == null || hit.nameValue.autoLoaded()) {
                return Optional.empty();
            }
            Optional<String> variable = hit.block.body().attribute(hit.kind == Kind.AKS_MODULE ? "cluster_name" : "name")
                    .flatMap(Attribute::variable);
            if (variable.isEmpty()) {
                return Optional.empty();
            }
            List<String> others = hit.code.values(variable.get()).stream()
                    .filter(v -> !v.value().equalsIgnoreCase(target.clusterName()))
                    .map(v -> v.where().file().name() + " names " + v.value()).toList();
            return others.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", others));
        }

        private void insertBlock(Map<String, String> want) {
            String indent = indentOf(hit.block.start()) + "  ";
            int width = want.keySet().stream().mapToInt(String::length).max().orElse(0);
            StringBuilder b = new StringBuilder("\n").append(indent).append("network_profile {\n");
            want.forEach((k, v) -> b.append(indent).append("  ").append(pad(k, width)).append(" = ").append(quote(v))
                    .append('\n'));
            b.append(indent).append("}\n");
            int close = hit.block.closeBrace();
            int lineStart = file.text().lastIndexOf('\n', close - 1) + 1;
            edits.add(file, TextEdit.insert(lineStart, b.toString()));
            findings.add(finding(hit.block.start(), hit.match.address() + ": had no network_profile block (the"
                    + " provider's default is kubenet); the patch adds one: check that terraform plan shows no other"
                    + " network_profile change"));
        }

        /** Inserts {@code key = "value"} as the last line of a block or object whose closing brace is at close. */
        private void insertLine(HclBody body, int blockStart, int close, String key, String value, String expression) {
            String text = file.text();
            Attribute last = body.attributes.isEmpty() ? null : body.attributes.get(body.attributes.size() - 1);
            String indent;
            int equalsColumn = -1;
            if (last != null) {
                indent = indentOf(last.start());
                int eq = text.indexOf('=', last.start());
                equalsColumn = eq - (text.lastIndexOf('\n', last.start() - 1) + 1) - indent.length();
            } else {
                indent = indentOf(blockStart) + "  ";
            }
            int lineStart = text.lastIndexOf('\n', close - 1) + 1;
            boolean closeOnOwnLine = text.substring(lineStart, close).isBlank();
            String name = equalsColumn > key.length() ? pad(key, equalsColumn - 1) : key;
            String line = indent + name + " = " + (expression == null ? quote(value) : expression) + "\n";
            if (closeOnOwnLine) {
                edits.add(file, TextEdit.insert(lineStart, line));
            } else {
                findings.add(finding(close, hit.match.address() + ": add " + key + " = " + quote(value)
                        + " by hand (the block is written on one line)"));
            }
        }

        private String indentOf(int offset) {
            String text = file.text();
            int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
            int i = lineStart;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return text.substring(lineStart, i);
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
