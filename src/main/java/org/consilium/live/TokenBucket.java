package org.consilium.live;

/** A token bucket: {@code rate} tokens per second up to {@code burst}; not thread-safe beyond its lock. */
final class TokenBucket {

    private final double rate;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(double rate, double burst) {
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
    }

    synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * rate / 1e9);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
