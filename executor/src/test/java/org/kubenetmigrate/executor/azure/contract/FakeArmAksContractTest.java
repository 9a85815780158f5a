package org.kubenetmigrate.executor.azure.contract;

import org.kubenetmigrate.executor.azure.sdk.SdkAgainstFakeArm;
import org.kubenetmigrate.testsupport.FakeArm;
import org.kubenetmigrate.testsupport.ManagedClusterWrites;

/**
 * The AKS contract through the fake ARM over HTTPS, called by the executor's real Azure SDK adapter with the real
 * credential and HTTP pipeline: the same expectations as {@link InMemoryAksContractTest}, one protocol further.
 */
class FakeArmAksContractTest extends AksContract {
    @Override
    FrontEnd start() {
        FakeArm fake = FakeArm.start();
        ManagedClusterWrites writes = ManagedClusterWrites.install(fake).retryAfterSeconds("0");
        return new FrontEnd(SdkAgainstFakeArm.clusterOperations(fake, 1, "contract test"), writes.simulator(),
                fake::close);
    }
}
