package org.kubenetmigrate.executor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.testing.FakeTime;

class LocalStateStoreTest extends StateStoreContract {
    @TempDir
    Path dir;

    FakeTime time = FakeTime.at("2026-12-01T12:00:00Z");
    LocalStateStore store;

    @BeforeEach
    void open() {
        store = new LocalStateStore(dir, time);
    }

    @Override
    StateStore store() {
        return store;
    }

    @Test
    void anExpiredLeaseCanBeTakenByAnotherWorkerAndTheOldHolderCanNoLongerAppendOrRenew() throws Exception {
        store.createLog("j.jsonl");
        StateStore.Lease first = store.acquireLease("j.jsonl", Duration.ofSeconds(15)).orElseThrow();
        time.sleep(Duration.ofSeconds(14));
        assertThat(store.acquireLease("j.jsonl", Duration.ofSeconds(15))).isEmpty();
        time.sleep(Duration.ofSeconds(2));
        StateStore.Lease second = store.acquireLease("j.jsonl", Duration.ofSeconds(15)).orElseThrow();
        assertThatThrownBy(first::renew).isInstanceOf(ConditionFailedException.class);
        assertThatThrownBy(() -> store.append("j.jsonl", bytes("late\n"), 0, first.id()))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(store.append("j.jsonl", bytes("new owner\n"), 0, second.id())).isEqualTo(10);
    }
}
