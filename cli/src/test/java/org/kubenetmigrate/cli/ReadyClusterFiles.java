package org.kubenetmigrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cluster of the example fleet that is READY on its own (aks-payments-prod-weu), for tests in which only what they
 * change about the input may change the verdict: its virtual network and route table, and its subscription's lock
 * list, network security groups and regional compute usages (without which the lock, NSG and quota checks stay
 * unverified), are copied into a folder; the cluster is returned for the test to write (as it is, changed, or in a
 * listing).
 */
final class ReadyClusterFiles {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String NAME = "aks-payments-prod-weu";
    private static final Path PAYMENTS = Path.of(ExampleFleetReportTest.FLEET, "sub-a001-payments", "arm");

    private ReadyClusterFiles() {
    }

    /** Copies the cluster's network into {@code dir} and returns the cluster resource. */
    static ObjectNode networkInto(Path dir) throws IOException {
        Files.copy(PAYMENTS.resolve("network/vnet-payments-prod-weu.json"), dir.resolve("vnet.json"));
        Files.copy(PAYMENTS.resolve("network/rt-aks-payments-prod-weu.json"), dir.resolve("rt.json"));
        Files.copy(PAYMENTS.resolve("authorization/locks.json"), dir.resolve("locks.json"));
        Files.copy(PAYMENTS.resolve("network/network-security-groups.json"), dir.resolve("nsgs.json"));
        Files.copy(PAYMENTS.resolve("compute/usages-westeurope.json"), dir.resolve("usages-westeurope.json"));
        return (ObjectNode) MAPPER.readTree(PAYMENTS.resolve("managedClusters/" + NAME + ".json").toFile());
    }
}
