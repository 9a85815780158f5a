package org.kubenetmigrate.executor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kubenetmigrate.executor.azure.blob.BlobStateStore;
import org.kubenetmigrate.executor.commands.StateStores;
import org.kubenetmigrate.testsupport.Azurite;

/** The same contract against real Blob Storage semantics: Azurite over HTTP, through the Azure SDK. */
@Tag("slow")
@ExtendWith(Azurite.class)
class BlobStateStoreTest extends StateStoreContract {
    static BlobStateStore store;

    @BeforeAll
    static void open(Azurite azurite) throws Exception {
        StateLocation location = StateLocation.parse(azurite.containerUrl("state") + "/team-a");
        store = (BlobStateStore) StateStores.open(location, Map.of(StateStores.CONNECTION_STRING,
                azurite.connectionString()), () -> {
                    throw new AssertionError("a connection string is given: no sign-in");
                }, Clock.systemUTC());
        store.createIfMissing();
    }

    @Override
    StateStore store() {
        return store;
    }

    @Test
    void theDescriptionNamesTheContainerAndPrefixButNoKey() {
        assertThat(store.describe()).endsWith("/devstoreaccount1/state/team-a").doesNotContain(Azurite.accountKey());
    }

    @Test
    void aConditionalAppendToALogThatMovedIsA412FromTheServiceNotALocalCheck() throws Exception {
        String log = unique("journal.jsonl");
        store.createLog(log);
        store.append(log, bytes("first\n"), 0, null);
        long before = store.requestCount();
        assertThatThrownBy(() -> store.append(log, bytes("second\n"), 0, null))
                .isInstanceOf(ConditionFailedException.class).hasMessageContaining("AppendPositionConditionNotMet");
        assertThat(store.requestCount() - before).as("the append was sent, refused, then the log read once").isEqualTo(2);
    }
}
