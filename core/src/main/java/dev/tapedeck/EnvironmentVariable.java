package dev.tapedeck;

import java.util.Locale;
import java.util.Objects;

/**
 * An environment variable a provider reads, derived from its {@link ProviderMetadata}: {@code <ID>_API_KEY},
 * {@code <ID>_BASE_URL} and {@code <ID>_<SETTING>} for each declared {@link ProviderSetting}.
 *
 * @param name    the variable, e.g. {@code KATAVEN_ACCOUNT_ID}
 * @param purpose what it is for, for people
 * @param secret  whether its value is a credential that must never be shown
 */
public record EnvironmentVariable(String name, String purpose, boolean secret) {

    /** Checks for nulls. */
    public EnvironmentVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
    }

    /**
     * The one rule that names a provider's variables: {@code <ID>_<KEY>} upper-cased, {@code -} and {@code .} as
     * {@code _}; e.g. {@code ("kataven", "account_id")} is {@code KATAVEN_ACCOUNT_ID}.
     */
    public static String nameFor(String providerId, String key) {
        return (providerId + "_" + key).toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
