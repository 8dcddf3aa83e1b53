package io.stormglass.engine.exec;

/**
 * The processors of one simulated machine, as a cloud VM presents them.
 *
 * <p>A cloud vCPU is one hardware thread: "each vCPU is implemented as a single hardware
 * hyper-thread" (Google Compute Engine, CPU platforms,
 * https://cloud.google.com/compute/docs/cpu-platforms; AWS documents the same for its instances).
 * Two busy threads on one core share its execution units and together do more than one thread
 * alone, but much less than two: Intel rates Hyper-Threading at "up to 30 %" more throughput
 * (https://www.intel.com/content/www/us/en/gaming/resources/hyper-threading.html). So once more
 * threads are busy than the machine has cores, some share a core and run at {@code smtGain / 2} of
 * their solo speed ({@link CpuPool} gives each burst the mean speed over the busy threads). Costs elsewhere
 * are stated for a thread alone on its core.
 *
 * @param cpus           hardware threads the process may run on at once (Go's {@code GOMAXPROCS}, a VM's vCPUs), at least 1
 * @param threadsPerCore hardware threads per physical core: 2 with Hyper-Threading (cloud vCPUs), 1 without
 * @param smtGain        throughput of a core with all its threads busy over one thread alone (1.3 per Intel's
 *                       "up to 30 %"); ignored when {@code threadsPerCore} is 1
 */
public record CpuSpec(int cpus, int threadsPerCore, double smtGain) {
    /** Intel's "up to 30 %" for Hyper-Threading. */
    public static final double INTEL_SMT_GAIN = 1.3;

    public CpuSpec {
        if (cpus < 1 || threadsPerCore < 1 || threadsPerCore > cpus || !(smtGain >= 1) || smtGain > threadsPerCore) {
            throw new IllegalArgumentException("a CPU needs cpus >= threadsPerCore >= 1 and 1 <= smtGain <= threadsPerCore, got "
                    + this);
        }
    }

    /** {@code vcpus} cloud vCPUs: two hyper-threads per core, Intel's gain. */
    public static CpuSpec cloudVcpus(int vcpus) {
        return vcpus == 1 ? new CpuSpec(1, 1, 1) : new CpuSpec(vcpus, 2, INTEL_SMT_GAIN);
    }

    /** Physical cores: {@code cpus} threads that never share a core. */
    public int physicalCores() {
        return (cpus + threadsPerCore - 1) / threadsPerCore;
    }
}
