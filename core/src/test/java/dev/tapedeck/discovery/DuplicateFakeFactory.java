package dev.tapedeck.discovery;

/** A second factory claiming the id {@code fake}. */
public class DuplicateFakeFactory extends FakeProviderFactory {
}
