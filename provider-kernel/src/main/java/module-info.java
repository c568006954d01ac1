/**
 * The Kernel provider: its factory is the only public type; the Feign interface and the ports stay internal.
 * Its answers are read as Jackson trees, so no package is opened to reflection.
 */
module dev.tapedeck.provider.kernel {
    requires dev.tapedeck.http;

    exports dev.tapedeck.provider.kernel;

    provides dev.tapedeck.spi.ProviderFactory with dev.tapedeck.provider.kernel.KernelProviderFactory;
}
