package org.kubenetmigrate.executor.azure.contract;

import org.kubenetmigrate.executor.testing.InMemoryClusterOperations;

/** The AKS contract through the in-memory front-end (the executor's and the CLI's fast tests). */
class InMemoryAksContractTest extends AksContract {
    @Override
    FrontEnd start() {
        InMemoryClusterOperations azure = new InMemoryClusterOperations();
        return new FrontEnd(azure, azure.simulator(), () -> { });
    }
}
