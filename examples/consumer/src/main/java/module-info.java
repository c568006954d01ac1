/**
 * The example application as a module: it reads Tapedeck's API and its metrics; the AnchorBrowser provider is a
 * runtime dependency only, found through its {@code provides} clause like any provider on the module path.
 */
module com.example.consumer {
    requires dev.tapedeck.core;
    requires dev.tapedeck.micrometer;
}
