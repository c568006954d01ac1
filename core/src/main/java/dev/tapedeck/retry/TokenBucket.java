package dev.tapedeck.retry;

import java.util.Objects;

/**
 * The tokens left of one connection's {@link RetryBudget}; thread-safe, one per connection, shared by its calls.
 * Starts full.
 */
public final class TokenBucket {

    private final RetryBudget budget;
    private int tokens;

    /** A full bucket of {@code budget}. */
    public TokenBucket(RetryBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.tokens = budget.capacity();
    }

    /**
     * Takes the cost of one retry ({@link RetryBudget#timeoutCost()} when {@code afterTimeout}); returns the tokens
     * taken, or -1 when too few are left, in which case nothing is taken and the retry must not happen.
     */
    public synchronized int take(boolean afterTimeout) {
        int cost = afterTimeout ? budget.timeoutCost() : budget.retryCost();
        if (cost > tokens) {
            return -1;
        }
        tokens -= cost;
        return cost;
    }

    /** A call succeeded after its retries took {@code taken} tokens: they go back, or one token when none were taken. */
    public synchronized void succeeded(int taken) {
        if (taken < 0) {
            throw new IllegalArgumentException("negative token count " + taken);
        }
        tokens = Math.min(budget.capacity(), tokens + (taken == 0 ? 1 : taken));
    }

    /** The tokens left now. */
    public synchronized int available() {
        return tokens;
    }

    @Override
    public synchronized String toString() {
        return "TokenBucket[" + tokens + " of " + budget.capacity() + "]";
    }
}
