package dev.tapedeck.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Run in a child JVM with a small heap by {@link CliDownloadMemoryTest}: runs {@code tapedeck} in-process with the
 * arguments it was given and the process's real environment (so keys and base URLs come from the variables a user
 * would export), then prints the exit code and the peak heap use, and exits with the command's code.
 */
public final class CliDownloadMemoryProbe {

    private CliDownloadMemoryProbe() {
    }

    public static void main(String[] args) {
        int code = Main.run(args, System.out, System.err);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("exit=" + code + " peakHeapBytes=" + peakHeap + " peakHeapMiB=" + (peakHeap >> 20)
                + " maxHeapMiB=" + (Runtime.getRuntime().maxMemory() >> 20));
        System.exit(code);
    }
}
