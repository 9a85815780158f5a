package org.kubenetmigrate.executor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link StateStore} guarantees; run against the directory store and against Blob Storage (Azurite). */
abstract class StateStoreContract {

    abstract StateStore store();

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    String unique(String name) {
        return "t-" + UUID.randomUUID() + "/" + name;
    }

    @Test
    void aDocumentIsCreatedOnceAndReplacedOnlyAtTheVersionItWasReadAt() throws Exception {
        String name = unique("board.json");
        String v1 = store().create(name, bytes("one"));
        assertThatThrownBy(() -> store().create(name, bytes("again"))).isInstanceOf(ConditionFailedException.class);
        String v2 = store().replace(name, bytes("two"), v1);
        assertThatThrownBy(() -> store().replace(name, bytes("lost update"), v1))
                .isInstanceOf(ConditionFailedException.class);
        StateStore.Versioned read = store().read(name).orElseThrow();
        assertThat(new String(read.content(), StandardCharsets.UTF_8)).isEqualTo("two");
        assertThat(read.etag()).isEqualTo(v2);
        assertThat(store().read(unique("absent.json"))).isEmpty();
    }

    @Test
    void anAppendLandsOnlyAtTheExpectedPositionSoADoubledOrInterleavedRecordIsRefused() throws Exception {
        String log = unique("journal.jsonl");
        assertThat(store().createLog(log)).isTrue();
        assertThat(store().createLog(log)).isFalse();
        long end = store().append(log, bytes("a\n"), 0, null);
        assertThat(end).isEqualTo(2);
        // The same record sent again at the old position (a retry after a lost answer) is not appended twice ...
        assertThat(store().append(log, bytes("a\n"), 0, null)).isEqualTo(2);
        // ... and a different record at a stale position is refused: someone else appended first.
        assertThatThrownBy(() -> store().append(log, bytes("b\n"), 0, null)).isInstanceOf(ConditionFailedException.class);
        store().append(log, bytes("c\n"), 2, null);
        assertThat(new String(store().read(log).orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo("a\nc\n");
    }

    @Test
    void aLeasedLogTakesAppendsOnlyFromTheLeaseHolderAndOneLeaseAtATime() throws Exception {
        String log = unique("journal.jsonl");
        store().createLog(log);
        StateStore.Lease lease = store().acquireLease(log, Duration.ofSeconds(15)).orElseThrow();
        assertThat(store().acquireLease(log, Duration.ofSeconds(15))).isEmpty();
        assertThatThrownBy(() -> store().append(log, bytes("intruder\n"), 0, null))
                .isInstanceOf(ConditionFailedException.class);
        assertThatThrownBy(() -> store().append(log, bytes("intruder\n"), 0, UUID.randomUUID().toString()))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(store().append(log, bytes("mine\n"), 0, lease.id())).isEqualTo(5);
        lease.renew();
        lease.release();
        Optional<StateStore.Lease> next = store().acquireLease(log, Duration.ofSeconds(15));
        assertThat(next).isPresent();
        assertThatThrownBy(lease::renew).isInstanceOf(ConditionFailedException.class);
        assertThatThrownBy(() -> store().append(log, bytes("old holder\n"), 5, lease.id()))
                .isInstanceOf(ConditionFailedException.class);
        next.get().release();
    }

    @Test
    void namesAreListedUnderAPrefix() throws Exception {
        String dir = "t-" + UUID.randomUUID() + "/";
        store().put(dir + "backup/cluster.json", bytes("{}"));
        store().put(dir + "backup/route-tables/rt.json", bytes("{}"));
        store().put(dir + "plan.json", bytes("{}"));
        assertThat(store().list(dir + "backup/")).containsExactly(dir + "backup/cluster.json",
                dir + "backup/route-tables/rt.json");
    }
}
