package com.leadhandoff.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use while a phase runs, sampled every 10 ms on a daemon thread, the CPU time the
 * whole process spent meanwhile (every thread: the runtime's, the clients', the JIT's and the
 * GC's), and the process's peak resident set size as Linux reports it ({@code VmHWM}).
 */
final class HeapWatch implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final long cpuAtStart = processCpuNanos();
  private final Thread sampler;
  private volatile boolean running = true;

  HeapWatch() {
    sampler =
        new Thread(
            () -> {
              while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The highest heap use seen so far, in MiB. */
  double peakHeapMib() {
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    return peak.get() / (1024.0 * 1024.0);
  }

  /**
   * The CPU time the process spent since this watch started, in nanoseconds, or -1 where the JVM
   * does not tell it. On a machine shared with other work this is steadier than the wall clock.
   */
  long cpuNanos() {
    long now = processCpuNanos();
    return now < 0 || cpuAtStart < 0 ? -1 : now - cpuAtStart;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * The heap still in use after a full collection, in MiB: what the phase keeps, not its garbage.
   */
  static double liveHeapMib() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** The process's peak resident memory in MiB, or -1 where /proc is not there. */
  static double peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (Exception e) {
      // not Linux: leave it out
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
