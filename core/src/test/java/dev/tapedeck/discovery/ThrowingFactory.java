package dev.tapedeck.discovery;

/** A factory whose construction fails, as a broken provider jar would. */
public class ThrowingFactory extends FakeProviderFactory {
    /** Always throws. */
    public ThrowingFactory() {
        throw new IllegalStateException("cannot start: missing native library");
    }
}
