package dev.tapedeck.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void theDefaultBucketPaysForAHundredRetriesOrFiftyRetriesAfterTimeouts() {
        TokenBucket retries = new TokenBucket(RetryBudget.defaults());
        TokenBucket timeouts = new TokenBucket(RetryBudget.defaults());

        for (int i = 0; i < 100; i++) {
            assertThat(retries.take(false)).isEqualTo(5);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(timeouts.take(true)).isEqualTo(10);
        }

        assertThat(retries.take(false)).isEqualTo(-1);
        assertThat(timeouts.take(false)).isEqualTo(-1);
        assertThat(retries.available()).isZero();
    }

    @Test
    void aRefusedRetryTakesNothing() {
        TokenBucket bucket = new TokenBucket(new RetryBudget(12, 5, 10));

        assertThat(bucket.take(true)).isEqualTo(10);
        assertThat(bucket.take(false)).isEqualTo(-1);
        assertThat(bucket.available()).isEqualTo(2);
    }

    @Test
    void aSuccessPutsBackWhatItsRetriesTookOrOneTokenNeverAboveCapacity() {
        TokenBucket bucket = new TokenBucket(new RetryBudget(20, 5, 10));
        int taken = bucket.take(false) + bucket.take(true);

        bucket.succeeded(0);
        assertThat(bucket.available()).isEqualTo(6);
        bucket.succeeded(taken);
        assertThat(bucket.available()).isEqualTo(20);
        bucket.succeeded(0);
        assertThat(bucket.available()).isEqualTo(20);
    }

    @Test
    void anUnlimitedBudgetNeverRefuses() {
        TokenBucket bucket = new TokenBucket(RetryBudget.unlimited());
        for (int i = 0; i < 10_000; i++) {
            assertThat(bucket.take(i % 2 == 0)).isZero();
        }
    }

    @Test
    void parallelCallsNeverSpendMoreThanTheBucketHolds() throws Exception {
        TokenBucket bucket = new TokenBucket(new RetryBudget(500, 5, 10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int granted = 0;
                    for (int i = 0; i < 100; i++) {
                        if (bucket.take(false) > 0) {
                            granted++;
                        }
                    }
                    return granted;
                });
            }
            int granted = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                granted += result.get();
            }
            assertThat(granted).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void negativeValuesAreRefused() {
        assertThatThrownBy(() -> new RetryBudget(-1, 5, 10)).hasMessageContaining("capacity -1");
        assertThatThrownBy(() -> new TokenBucket(RetryBudget.defaults()).succeeded(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
