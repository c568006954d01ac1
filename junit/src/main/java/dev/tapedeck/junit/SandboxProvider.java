package dev.tapedeck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the emulated provider a parameter of a {@link TapedeckSandbox} test is for: its {@code ClientSettings}, a
 * {@code ProviderConfig} pointed at the sandbox (see {@link SandboxClients#config(String)}), or a {@code Connection}
 * opened with that config and closed after the test.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SandboxProvider {

    /** The provider id, e.g. {@code anchor}. */
    String value();
}
