package org.kubenetmigrate.planner.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.iac.arm.JsonTree;
import org.kubenetmigrate.planner.iac.bicep.BicepPatcher;

class IacPatcherTest {
    @TempDir
    Path temp;

    private static IacTarget target(String name, String rg, String location, String policy, boolean cilium) {
        return new IacTarget(name, rg, location, "10.244.0.0/16", policy, cilium);
    }

    private IacChange change(IacTarget target, IacInput input) throws Exception {
        return IacPatcher.change(target, List.of(input));
    }

    /** Applies the change like a user, then checks that a second run on the patched files changes nothing. */
    private void appliesAndIsIdempotent(PatchedCode code, IacTarget target, IacChange first,
                                        java.util.function.Function<Path, IacInput> reread) throws Exception {
        code.apply(first.diff());
        IacChange second = change(target, reread.apply(code.dir));
        assertThat(second.diff()).as("second run on the patched files").isEmpty();
    }

    private interface Reader {
        IacInput read(Path dir) throws IacSyntaxException;
    }

    /** A second reading of the patched folder, for the idempotence check. */
    private static java.util.function.Function<Path, IacInput> reading(Reader reader) {
        return dir -> {
            try {
                return reader.read(dir);
            } catch (IacSyntaxException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void aPlainResourceGetsExactlyThePlannedNetworkProfileAndKeepsItsComments() throws Exception {
        PatchedCode code = PatchedCode.copy("tf-plain", temp);
        IacTarget target = target("aks-orders-prod-weu", "rg-orders-prod", "westeurope", "calico", false);
        IacChange change = change(target, IacInputs.terraform(code.dir));

        assertThat(change.matches()).singleElement().satisfies(m -> {
            assertThat(m.address()).isEqualTo("azurerm_kubernetes_cluster.orders");
            assertThat(m.evidence()).contains("name = \"aks-orders-prod-weu\"", "location \"West Europe\" matches",
                    "resource_group_name \"rg-orders-prod\" matches");
        });
        assertThat(PatchedCode.removed(change.diff()))
                .containsExactly("    network_plugin    = \"kubenet\"  // set at creation in 2021");
        assertThat(PatchedCode.added(change.diff())).containsExactly(
                "    network_plugin    = \"azure\"  // set at creation in 2021",
                "    network_plugin_mode = \"overlay\"");
        assertThat(change.changedFiles()).containsExactly("tf-plain/main.tf");
        // ~> 3.117 allows no release with the in-place path, and the lock file pins an old one
        assertThat(change.findings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("tf-plain/versions.tf");
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message()).contains("allows only releases before 4.66.0", "#30959", "REPLACEMENT");
        });
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message()).contains("3.117.1"));

        appliesAndIsIdempotent(code, target, change, reading(IacInputs::terraform));
        String patched = code.read("main.tf");
        assertThat(patched).contains("/*\n * Orders platform: production cluster.", "outbound_type     = \"userDefinedRouting\"")
                .contains("name                = \"aks-orders-dr-neu\"");
        // the other cluster in the same file is untouched
        assertThat(patched.substring(patched.indexOf("orders_dr"))).contains("network_plugin = \"kubenet\"");
    }

    @Test
    void theCiliumStageSetsTheDataPlaneAndPolicy() throws Exception {
        PatchedCode code = PatchedCode.copy("tf-plain", temp);
        IacTarget target = target("aks-orders-prod-weu", "rg-orders-prod", "westeurope", "cilium", true);
        IacChange change = change(target, IacInputs.terraform(code.dir));

        assertThat(PatchedCode.added(change.diff())).containsExactly(
                "    network_plugin    = \"azure\"  // set at creation in 2021",
                "    network_policy    = \"cilium\"",
                "    network_plugin_mode = \"overlay\"",
                "    network_data_plane = \"cilium\"");
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message()).contains("4.58.0", "#30958"));
        appliesAndIsIdempotent(code, target, change, reading(IacInputs::terraform));
    }

    @Test
    void aResourceFedByVariablesIsPatchedInTheTfvarsFileThatChoseTheCluster() throws Exception {
        PatchedCode code = PatchedCode.copy("tf-vars", temp);
        IacTarget target = target("aks-search-prod-eus2", "rg-search-prod", "eastus2", "azure", false);
        IacChange change = change(target, IacInputs.terraform(code.dir));

        assertThat(change.matches()).singleElement().satisfies(m -> assertThat(m.evidence())
                .contains("var.cluster_name", "\"aks-search-prod-eus2\" in prod.tfvars:1",
                        "resource_group_name \"rg-search-prod\" matches"));
        // the default (shared with staging) stays; prod.tfvars gets its own values, and the attribute the resource
        // lacks becomes a variable with a null default, so staging keeps it unset
        assertThat(change.changedFiles()).containsExactly("tf-vars/prod.tfvars", "tf-vars/main.tf",
                "tf-vars/variables.tf");
        assertThat(PatchedCode.removed(change.diff())).isEmpty();
        assertThat(PatchedCode.added(change.diff())).containsExactly(
                "network_plugin      = \"azure\"",
                "network_plugin_mode = \"overlay\"",
                "    network_plugin_mode = var.network_plugin_mode",
                "",
                "variable \"network_plugin_mode\" {",
                "  type    = string",
                "  default = null",
                "}");
        // a value computed through a local and a conditional is reported with its file and line, not edited
        assertThat(change.findings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("tf-vars/main.tf");
            assertThat(f.line()).isEqualTo(23);
            assertThat(f.message()).contains("network_policy is computed", "local.policy");
        });
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("required_providers sets no version for azurerm"));

        appliesAndIsIdempotent(code, target, change, reading(IacInputs::terraform));
        assertThat(code.read("staging.tfvars")).contains("network_plugin      = \"kubenet\"");
        assertThat(code.read("variables.tf")).contains("default = \"kubenet\" # every environment starts on kubenet");
    }

    @Test
    void theAksRegistryModuleCallIsPatchedByItsInputNames() throws Exception {
        PatchedCode code = PatchedCode.copy("tf-module", temp);
        IacTarget target = target("billing-aks", "rg-billing", "westeurope", "cilium", true);
        IacChange change = change(target, IacInputs.terraform(code.dir));

        assertThat(change.matches()).singleElement().satisfies(m -> {
            assertThat(m.address()).isEqualTo("module.aks");
            assertThat(m.evidence()).contains("prefix = \"billing\"");
        });
        assertThat(PatchedCode.removed(change.diff())).containsExactly(
                "  network_plugin       = \"kubenet\"", "  network_policy       = \"calico\"");
        assertThat(PatchedCode.added(change.diff())).containsExactly(
                "  network_plugin       = \"azure\"", "  network_policy       = \"cilium\"",
                "  network_plugin_mode = \"overlay\"", "  ebpf_data_plane = \"cilium\"");
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message()).contains("require azurerm < 4.0"));
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("\">= 3.106.1, < 4.0\" allows only releases before 4.66.0"));
        appliesAndIsIdempotent(code, target, change, reading(IacInputs::terraform));
    }

    @Test
    void theVerifiedModuleGetsItsNetworkProfileObjectPatched() throws Exception {
        PatchedCode code = PatchedCode.copy("tf-avm", temp);
        IacTarget target = target("aks-events-prod-sea", null, "southeastasia", null, true);
        IacChange change = change(target, IacInputs.terraform(code.dir));

        assertThat(PatchedCode.removed(change.diff())).containsExactly("    network_plugin = \"kubenet\"");
        assertThat(PatchedCode.added(change.diff())).containsExactly("    network_plugin = \"azure\"",
                "    network_plugin_mode = \"overlay\"", "    network_dataplane = \"cilium\"");
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message()).contains("azapi", "UNCONFIRMED"));
        appliesAndIsIdempotent(code, target, change, reading(IacInputs::terraform));
    }

    @Test
    void bicepFollowsTheParameterToTheParameterFileThatNamesTheCluster() throws Exception {
        PatchedCode code = PatchedCode.copy("bicep", temp);
        java.nio.file.Files.delete(code.dir.resolve("dev.bicepparam")); // one deployment: the template is its own
        IacTarget target = target("aks-ingest-prod-sea", null, "southeastasia", "cilium", true);
        IacChange change = change(target, IacInputs.bicep(code.dir));

        assertThat(change.matches()).singleElement().satisfies(m -> assertThat(m.evidence())
                .contains("name: clusterName", "'aks-ingest-prod-sea' in prod.bicepparam:3"));
        assertThat(change.changedFiles()).containsExactlyInAnyOrder("bicep/prod.bicepparam", "bicep/main.bicep");
        assertThat(PatchedCode.removed(change.diff())).containsExactly(
                "param networkPlugin = 'kubenet'", "      networkPolicy: 'calico'");
        assertThat(PatchedCode.added(change.diff())).containsExactly(
                "param networkPlugin = 'azure'", "      networkPolicy: 'cilium'",
                "      networkPluginMode: 'overlay'", "      networkDataplane: 'cilium'");
        appliesAndIsIdempotent(code, target, change, reading(IacInputs::bicep));
        assertThat(code.read("main.bicep")).contains("param networkPlugin string = 'kubenet'",
                "/* the network: kubenet until the migration */");
    }

    @Test
    void aBicepTemplateSharedByOtherDeploymentsKeepsItsLiteralsAndSaysWhatToDo() throws Exception {
        PatchedCode code = PatchedCode.copy("bicep", temp);
        IacTarget target = target("aks-ingest-prod-sea", null, "southeastasia", "cilium", true);
        IacChange change = change(target, IacInputs.bicep(code.dir));

        // only the parameter file of this deployment changes; dev keeps its values
        assertThat(change.changedFiles()).containsExactly("bicep/prod.bicepparam");
        assertThat(PatchedCode.added(change.diff())).containsExactly("param networkPlugin = 'azure'");
        assertThat(change.findings()).filteredOn(f -> f.message().contains("dev.bicepparam names aks-ingest-dev-sea"))
                .extracting(f -> f.message().replaceAll(":.*", "") + "@" + f.line())
                .containsExactly("resource aks@28", "resource aks@30", "resource aks@28");
        appliesAndIsIdempotent(code, target, change, reading(IacInputs::bicep));
        assertThat(code.read("dev.bicepparam")).doesNotContain("azure");
    }

    @Test
    void anArmTemplateIsEditedValueByValue() throws Exception {
        PatchedCode code = PatchedCode.copy("arm", temp);
        IacTarget target = target("aks-media-prod-eus2", "rg-media-prod", "eastus2", "azure", false);
        IacChange change = change(target, IacInputs.arm(code.dir));

        assertThat(change.matches()).singleElement().satisfies(m -> {
            assertThat(m.address()).isEqualTo("resources[1]");
            assertThat(m.evidence()).contains("\"aks-media-prod-eus2\" in template.parameters.json:5",
                    "location matches");
        });
        assertThat(PatchedCode.removed(change.diff())).containsExactly(
                "                    \"networkPlugin\": \"kubenet\",",
                "                    \"dnsServiceIP\": \"10.0.0.10\"");
        assertThat(PatchedCode.added(change.diff())).containsExactly(
                "                    \"networkPlugin\": \"azure\",",
                "                    \"dnsServiceIP\": \"10.0.0.10\",",
                "                    \"networkPluginMode\": \"overlay\"");
        appliesAndIsIdempotent(code, target, change, reading(IacInputs::arm));
        JsonTree.parse(new SourceFile("arm/template.json", code.read("template.json")));
    }

    @Test
    void armParametersAreEditedInTheParameterFileThatChoseTheCluster() throws Exception {
        PatchedCode code = PatchedCode.copy("arm", temp);
        IacTarget target = new IacTarget("aks-media-prod-eus2", "rg-media-prod", "eastus2", "10.90.0.0/16", "azure",
                false);
        IacChange change = change(target, IacInputs.arm(code.dir));
        assertThat(change.changedFiles()).containsExactlyInAnyOrder("arm/template.json", "arm/template.parameters.json");
        assertThat(PatchedCode.added(change.diff()))
                .contains("        \"clusterName\": { \"value\": \"aks-media-prod-eus2\" },",
                        "        \"podCidr\": { \"value\": \"10.90.0.0/16\" }");
        appliesAndIsIdempotent(code, target, change, reading(IacInputs::arm));
    }

    @Test
    void hclThatDoesNotParseIsOneLineWithTheFileAndLine() throws Exception {
        PatchedCode code = PatchedCode.copy("bad-hcl", temp);
        assertThatThrownBy(() -> change(target("aks-orders-prod-weu", null, null, null, false),
                IacInputs.terraform(code.dir)))
                .isInstanceOf(IacSyntaxException.class)
                .hasMessage("bad-hcl/main.tf:1: does not parse as HCL: the block opened on this line is never closed"
                        + " (missing })");
    }

    @Test
    void noMatchingResourceIsBadInput() throws Exception {
        PatchedCode code = PatchedCode.copy("tf-plain", temp);
        java.nio.file.Files.writeString(code.dir.resolve("main.tf"), code.read("main.tf")
                .replace("aks-orders-prod-weu", "aks-orders-test-weu"));
        assertThatThrownBy(() -> change(target("aks-orders-prod-weu", null, null, null, false),
                IacInputs.terraform(code.dir)))
                .isInstanceOf(IacSyntaxException.class)
                .hasMessageContaining("no azurerm_kubernetes_cluster resource")
                .hasMessageContaining("names cluster aks-orders-prod-weu")
                .hasMessageNotContaining("\n");
    }

    @Test
    void twoMatchingResourcesAreBadInputNamingBoth() throws Exception {
        PatchedCode code = PatchedCode.copy("tf-two", temp);
        assertThatThrownBy(() -> change(target("aks-orders-prod-weu", null, null, null, false),
                IacInputs.terraform(code.dir)))
                .isInstanceOf(IacSyntaxException.class)
                .hasMessageStartingWith("tf-two/b.tf:1: two declarations describe cluster aks-orders-prod-weu")
                .hasMessageContaining("azurerm_kubernetes_cluster.blue (tf-two/a.tf:1")
                .hasMessageContaining("azurerm_kubernetes_cluster.green");
    }

    @Test
    void aResourceWithoutNetworkProfileGetsOneAndAPodCidrChangeIsFlagged() throws Exception {
        SourceFile bare = new SourceFile("tf/main.tf", "resource \"azurerm_kubernetes_cluster\" \"k\" {\n"
                + "  name = \"aks-bare\"\n  dns_prefix = \"bare\"\n}\n");
        IacTarget target = new IacTarget("aks-bare", null, null, "10.50.0.0/16", null, false);
        IacChange change = IacPatcher.change(target, List.of(new IacInput(IacInput.Format.TERRAFORM, "tf",
                List.of(bare))));
        assertThat(new FilePatch(bare, change.patches().get(0).edits()).patched()).isEqualTo(
                "resource \"azurerm_kubernetes_cluster\" \"k\" {\n  name = \"aks-bare\"\n  dns_prefix = \"bare\"\n"
                        + "\n  network_profile {\n    network_plugin      = \"azure\"\n"
                        + "    network_plugin_mode = \"overlay\"\n    pod_cidr            = \"10.50.0.0/16\"\n  }\n}\n");
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message()).contains("had no network_profile"));

        SourceFile withCidr = new SourceFile("tf/main.tf", "resource \"azurerm_kubernetes_cluster\" \"k\" {\n"
                + "  name = \"aks-bare\"\n  network_profile {\n    network_plugin = \"kubenet\"\n"
                + "    pod_cidr       = \"10.244.0.0/16\"\n  }\n  lifecycle {\n    ignore_changes = [network_profile]\n"
                + "  }\n}\n");
        IacChange changed = IacPatcher.change(target, List.of(new IacInput(IacInput.Format.TERRAFORM, "tf",
                List.of(withCidr))));
        assertThat(changed.findings()).anySatisfy(f -> {
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message()).contains("pod CIDR changes from 10.244.0.0/16 to 10.50.0.0/16", "NEW cluster",
                    "only after the migration");
        });
        assertThat(changed.findings()).anySatisfy(f -> assertThat(f.message()).contains("ignore_changes"));
    }

    @Test
    void dynamicNetworkProfilesAndLocalModulesAreFindingsNotEdits() throws Exception {
        SourceFile dynamic = new SourceFile("tf/main.tf", "resource \"azurerm_kubernetes_cluster\" \"k\" {\n"
                + "  name = \"aks-dyn\"\n  dynamic \"network_profile\" {\n    for_each = [1]\n    content {\n"
                + "      network_plugin = \"kubenet\"\n    }\n  }\n}\n");
        IacTarget target = new IacTarget("aks-dyn", null, null, "10.244.0.0/16", null, false);
        IacChange change = IacPatcher.change(target, List.of(new IacInput(IacInput.Format.TERRAFORM, "tf",
                List.of(dynamic))));
        assertThat(change.diff()).isEmpty();
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message()).contains("dynamic block"));

        SourceFile root = new SourceFile("tf/main.tf", "module \"aks\" {\n  source = \"./modules/aks\"\n"
                + "  name   = \"aks-dyn\"\n}\n");
        assertThatThrownBy(() -> IacPatcher.change(target, List.of(new IacInput(IacInput.Format.TERRAFORM, "tf",
                List.of(root))))).hasMessageContaining("local module ./modules/aks, which is not followed");
    }

    @Test
    void anArmTemplateWithSymbolicNamesAndNoNetworkProfileGetsOne() throws Exception {
        SourceFile template = new SourceFile("arm/main.json", "{\n  \"languageVersion\": \"2.0\",\n"
                + "  \"resources\": {\n    \"aks\": {\n"
                + "      \"type\": \"Microsoft.ContainerService/managedClusters\",\n"
                + "      \"name\": \"aks-sym\",\n      \"properties\": {\n        \"dnsPrefix\": \"sym\"\n      }\n"
                + "    }\n  }\n}\n");
        IacTarget target = new IacTarget("aks-sym", null, null, "10.244.0.0/16", "cilium", true);
        IacChange change = IacPatcher.change(target, List.of(new IacInput(IacInput.Format.ARM, "arm",
                List.of(template))));
        assertThat(change.matches()).singleElement().satisfies(m -> assertThat(m.address()).isEqualTo("resources.aks"));
        String patched = change.patches().get(0).patched();
        assertThat(PatchedCode.added(change.diff())).containsExactly("        \"dnsPrefix\": \"sym\",",
                "        \"networkProfile\": { \"networkPlugin\": \"azure\", \"networkPluginMode\": \"overlay\","
                        + " \"podCidr\": \"10.244.0.0/16\", \"networkPolicy\": \"cilium\", \"networkDataplane\":"
                        + " \"cilium\" }");
        JsonTree.Node profile = JsonTree.parse(new SourceFile("arm/main.json", patched)).get("resources").get()
                .get("aks").get().get("properties").get().get("networkProfile").get();
        assertThat(profile.get("networkDataplane").get().text()).isEqualTo("cilium");
    }
}
