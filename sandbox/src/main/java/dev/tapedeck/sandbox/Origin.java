package dev.tapedeck.sandbox;

/**
 * The two origins a sandbox listens on: the providers' APIs (one server, one base URL per provider) and the media
 * host that serves presigned recordings from another port, so that cross-origin handling is exercised for real.
 */
public enum Origin {
    /** The server that answers AnchorBrowser, Notte and Kataven API calls. */
    API("api"),
    /** The credential-free server that serves presigned media. */
    MEDIA("media");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    /** The lower-case name used by {@link Counters}, {@code "api"} or {@code "media"}. */
    public String label() {
        return label;
    }
}
