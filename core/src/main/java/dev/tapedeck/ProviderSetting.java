package dev.tapedeck;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A setting a provider needs besides its API key and base URL, declared in its {@link ProviderMetadata}, e.g.
 * Kataven's {@code account_id}. Its value is read by {@link dev.tapedeck.spi.ProviderConfig#setting(String,
 * ProviderSetting)}: the builder's value first, then the environment variable {@link EnvironmentVariable#nameFor}.
 *
 * @param key         the lower-case key, e.g. {@code account_id}
 * @param description what it is for, for people (and for the error that asks for it)
 * @param secret      whether its value is a credential that must never be shown
 */
public record ProviderSetting(String key, String description, boolean secret) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");

    /** Checks the key's form (lower-case letters, digits, {@code _}) and nulls. */
    public ProviderSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a setting key is 1 to 64 lower-case letters, digits or '_', was '"
                    + key + "'");
        }
    }

    /** A setting whose value may be shown. */
    public static ProviderSetting of(String key, String description) {
        return new ProviderSetting(key, description, false);
    }

    /** The environment variable of this setting for provider {@code providerId}. */
    public String variable(String providerId) {
        return EnvironmentVariable.nameFor(providerId, key);
    }
}
