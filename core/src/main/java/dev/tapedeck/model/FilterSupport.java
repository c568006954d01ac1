package dev.tapedeck.model;

/** How a provider supports one {@link SessionFilter}; a filter absent from the capabilities is unsupported. */
public enum FilterSupport {
    /** The provider applies it in its API. */
    SERVER,
    /** The provider cannot, but its sessions carry the data, so core applies it to each session it receives. */
    CLIENT
}
