package org.kubenetmigrate.planner.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class HclReadersTest {
    @Test
    void hcl4jReadsCodeWithoutEvaluatingHttpDataSources() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String code = "data \"http\" \"ip\" {\n  url = \"http://127.0.0.1:" + server.getLocalPort() + "/\"\n}\n"
                    + "resource \"azurerm_kubernetes_cluster\" \"a\" {\n  name = \"aks-1\"\n"
                    + "  tags = { ip = data.http.ip.response_body }\n}\n";
            Hcl4jReader.Parsed parsed = Hcl4jReader.read(code);

            assertThat(parsed.at("resource", "azurerm_kubernetes_cluster", "a", "name")).contains("aks-1");
            server.setSoTimeout(300);
            assertThatThrownBy(server::accept).as("reading code must not reach the network")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void thePositionReaderKeepsExactRangesThroughCommentsTemplatesAndHeredocs() throws Exception {
        String code = "locals {\n  # a comment with \"quotes\" and {braces}\n  x = \"${var.a}-${\"}\"}\"\n"
                + "  doc = <<-EOT\n    not = \"an attribute\"\n    }\n  EOT\n  y = \"lit\\\"eral\" // trailing\n}\n";
        HclBody body = HclBody.parse(code);
        HclBody.Attribute y = body.block("locals").orElseThrow().body().attribute("y").orElseThrow();

        assertThat(y.literal()).contains("lit\"eral");
        assertThat(code.substring(y.valueStart(), y.valueEnd())).isEqualTo("\"lit\\\"eral\"");
        assertThat(body.block("locals").orElseThrow().body().attribute("x").orElseThrow().literal()).isEmpty();
        assertThat(body.block("locals").orElseThrow().body().attribute("not")).isEmpty();
    }

    @Test
    void malformedHclIsRejectedWithItsLine() {
        assertThatThrownBy(() -> HclBody.parse("a = 1\nb = \"open\nc = 2\n"))
                .isInstanceOf(HclSyntaxException.class).hasMessageContaining("never closed")
                .satisfies(e -> assertThat(((HclSyntaxException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> HclBody.parse("x {\n}\n}\n")).hasMessageContaining("unexpected }");
        assertThatThrownBy(() -> HclBody.parse("resource \"a\" \"b\" \"c\"\n")).hasMessageContaining("expected = or {");
    }
}
