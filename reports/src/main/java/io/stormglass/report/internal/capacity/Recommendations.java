package io.stormglass.report.internal.capacity;

import io.stormglass.report.capacity.CapacityStudy;
import io.stormglass.report.capacity.GrowthProjection;
import io.stormglass.report.capacity.ProfileOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Plain-word advice from a capacity study: per profile from its bottleneck, disk verdict and headroom; across profiles. */
final class Recommendations {
    private Recommendations() {
    }

    /** What to do about {@code p}, most important first. */
    static List<String> forProfile(CapacityStudy study, ProfileOutcome p) {
        List<String> out = new ArrayList<>();
        String max = rate(p.maxSustainablePerSecond());
        if (p.rampExhausted()) {
            out.add("Nothing saturated within the ramp (up to " + max + "); the busiest resource at its top was the "
                    + p.bottleneck().label() + ". Raise ramp.max to find the limit.");
            out.add(growth(study, p));
            return out;
        }
        out.add(switch (p.bottleneck()) {
            case WAL_DEVICE -> "The WAL device saturates first (near " + max + "): every write waits for its fdatasync. "
                    + "Separate wal-dir from data-dir onto a dedicated low-latency device, or use a disk with faster "
                    + "fdatasync (NVMe with power-loss protection).";
            case DATA_DEVICE -> "The data device saturates first (backend commits and snapshots): give data-dir its own "
                    + "device, or raise backend-batch-interval/backend-batch-limit so that commits batch more writes.";
            case LEADER_CPU -> "The leader's CPU saturates first: the leader handles every write and every linearizable "
                    + "read. Use faster or dedicated cores (etcd's guide: 8–16 for heavy load); serve reads that tolerate "
                    + "staleness as serializable reads from followers.";
            case NETWORK -> "A network link of the leader saturates first: the leader sends every entry to each "
                    + "follower. Use a faster network (10 GbE, as etcd's guide recommends for large clusters) or smaller values.";
            case THROTTLE -> "An I/O throttle in front of the disk (a QoS IOPS limit or provisioned IOPS) limits the "
                    + "cluster: raise the limit (Ceph rbd_qos_iops_limit, provisioned IOPS) or move etcd to local disks.";
            case NEIGHBOUR -> "Another workload on the same disk takes most of its time: move it (for example Prometheus) "
                    + "off etcd's disks, or put wal-dir on a device of its own.";
            case NONE -> "No resource saturates; per-request latency (fdatasync plus round trips) alone misses the SLO: "
                    + "use a disk with lower fdatasync latency or place members closer together.";
        });
        if (!p.disk().passes()) {
            out.add(String.format(Locale.ROOT, "The WAL disk fails etcd's guidance (fdatasync p99 %.1f ms, %.0f sequential "
                    + "IOPS; needed: p99 < 10 ms and ≥ 50 IOPS): not fit for production etcd.", p.disk().fdatasyncP99Ms(),
                    p.disk().iops()));
        } else if (!p.disk().heavyLoad()) {
            out.add(String.format(Locale.ROOT, "The WAL disk meets etcd's minimum but not the heavy-load bar (%.0f sequential "
                    + "IOPS < 500): fine for small clusters only.", p.disk().iops()));
        }
        out.add(growth(study, p));
        return out;
    }

    /** Comparisons across profiles. */
    static List<String> across(CapacityStudy study) {
        List<String> out = new ArrayList<>();
        List<ProfileOutcome> ranked = new ArrayList<>(study.profiles());
        ranked.sort(Comparator.comparingDouble(ProfileOutcome::maxSustainablePerSecond).reversed()
                .thenComparing(ProfileOutcome::name));
        if (ranked.size() > 1) {
            ProfileOutcome best = ranked.get(0);
            out.add("Highest sustainable load: " + best.name() + " at " + rate(best.maxSustainablePerSecond())
                    + (best.rampExhausted() ? " or more" : "") + "; lowest: " + ranked.get(ranked.size() - 1).name() + " at "
                    + rate(ranked.get(ranked.size() - 1).maxSustainablePerSecond()) + ".");
        }
        for (ProfileOutcome p : study.profiles()) {
            if (p.baseline() == null) {
                continue;
            }
            study.profiles().stream().filter(b -> b.name().equals(p.baseline())).findFirst()
                    .ifPresent(b -> out.add(comparedWithBaseline(p, b)));
        }
        List<String> failing = study.profiles().stream().filter(p -> !p.disk().passes()).map(ProfileOutcome::name).toList();
        if (!failing.isEmpty()) {
            out.add("WAL disks failing etcd's guidance: " + String.join(", ", failing) + ".");
        }
        if (study.currentLoadPerSecond() > 0) {
            List<String> fit = study.profiles().stream()
                    .filter(p -> p.maxSustainablePerSecond() >= study.currentLoadPerSecond()).map(ProfileOutcome::name).toList();
            out.add("Profiles that hold today's load of " + rate(study.currentLoadPerSecond()) + " under the SLO: "
                    + (fit.isEmpty() ? "none" : String.join(", ", fit)) + ".");
        }
        return out;
    }

    private static String comparedWithBaseline(ProfileOutcome p, ProfileOutcome baseline) {
        String head = "Compared with " + baseline.name() + ", " + p.name();
        if (rate(baseline.maxSustainablePerSecond()).equals(rate(p.maxSustainablePerSecond()))) {
            // the same step of the ramp: a difference smaller than one step does not show
            return head + " sustains the same load, " + rate(p.maxSustainablePerSecond())
                    + ", to within one step of the ramp (" + p.bottleneck().label() + " saturates first).";
        }
        return head + " changes the sustainable load from " + rate(baseline.maxSustainablePerSecond()) + " to "
                + rate(p.maxSustainablePerSecond()) + " (" + p.bottleneck().label() + " saturates first).";
    }

    /** Headroom at today's load and the month growth crosses the maximum. */
    static String growth(CapacityStudy study, ProfileOutcome p) {
        double current = study.currentLoadPerSecond();
        if (current <= 0) {
            return "No current load given (current-load): no headroom or growth projection.";
        }
        double headroom = GrowthProjection.headroom(current, p.maxSustainablePerSecond());
        int month = GrowthProjection.monthSloMissed(current, study.monthlyGrowth(), p.maxSustainablePerSecond());
        String head = headroom < 0
                ? String.format(Locale.ROOT, "Today's load of %s already exceeds what %s sustains.", rate(current), p.name())
                : String.format(Locale.ROOT, "Headroom at today's load of %s: %.0f %%.", rate(current), headroom * 100);
        if (month > 0) {
            head += String.format(Locale.ROOT, " At %.0f %% growth a month the SLO is missed in month %d%s.",
                    study.monthlyGrowth() * 100, month, p.rampExhausted() ? " or later" : "");
        } else if (month < 0 && headroom >= 0) {
            head += " Without growth the load stays within the SLO.";
        }
        return head;
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f requests/s", perSecond);
    }
}
