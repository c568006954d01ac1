package dev.tapedeck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the builders of {@link Session} and {@link Recording} collect of a provider's fields without a neutral home:
 * the provider data, in the order given (a later value of the same name wins), and the names of those whose values
 * were unread.
 *
 * @param <B> the builder, returned for chaining
 */
abstract class ProviderFields<B extends ProviderFields<B>> {

    private JsonValue.ObjectValue.Builder data = JsonValue.ObjectValue.builder();
    /** The data as last built, shared with what was built until the next change (so a build copies nothing). */
    private JsonValue.ObjectValue built;
    private final List<String> unread = new ArrayList<>();

    /** This builder. */
    abstract B self();

    /** Keeps a provider field without a neutral home under its wire name; a later one of the same name wins. */
    public B providerData(String name, JsonValue value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (built != null) {
            data = JsonValue.ObjectValue.builder();
            built.members().forEach(data::put);
            built = null;
        }
        data.put(name, value);
        return self();
    }

    /** Keeps every member of {@code fields} as {@link #providerData(String, JsonValue)} does. */
    public B providerData(JsonValue.ObjectValue fields) {
        fields.members().forEach(this::providerData);
        return self();
    }

    /**
     * Keeps field {@code name}, whose value {@code raw} its neutral field could not read, in the provider data, and
     * lists it among the unread fields.
     */
    public B unreadField(String name, JsonValue raw) {
        providerData(name, raw);
        if (!unread.contains(name)) {
            unread.add(name);
        }
        return self();
    }

    JsonValue.ObjectValue providerData() {
        if (built == null) {
            built = data.build();
            data = null;
        }
        return built;
    }

    List<String> unreadNames() {
        return unread;
    }
}
