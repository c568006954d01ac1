package dev.tapedeck.retry;

/**
 * How many retries one connection may spend, as the AWS SDK v2's standard retry mode counts them: a bucket of
 * {@code capacity} tokens, shared by every call of the connection; a retry takes {@code retryCost} tokens, a retry
 * after a timeout {@code timeoutCost}; a call that succeeds puts back what its retries took, or one token when it
 * needed none. When the bucket cannot pay for a retry, the call fails with the error it had. The first try of a
 * call never needs a token, so an empty bucket slows nothing that works; it only stops a parallel archive from
 * hammering a provider that keeps failing.
 *
 * @param capacity    the tokens in a full bucket
 * @param retryCost   the tokens one retry takes
 * @param timeoutCost the tokens one retry after a timeout takes
 */
public record RetryBudget(int capacity, int retryCost, int timeoutCost) {

    /** Checks that no value is negative. */
    public RetryBudget {
        if (capacity < 0 || retryCost < 0 || timeoutCost < 0) {
            throw new IllegalArgumentException("a retry budget takes no negative values, was capacity " + capacity
                    + ", retryCost " + retryCost + ", timeoutCost " + timeoutCost);
        }
    }

    /** 500 tokens, 5 a retry, 10 a retry after a timeout: 100 retries in a row before the bucket is empty. */
    public static RetryBudget defaults() {
        return new RetryBudget(500, 5, 10);
    }

    /** Retries cost nothing: only the {@link RetryPolicy} limits them. */
    public static RetryBudget unlimited() {
        return new RetryBudget(0, 0, 0);
    }
}
