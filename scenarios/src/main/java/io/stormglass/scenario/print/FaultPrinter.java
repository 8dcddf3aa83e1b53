package io.stormglass.scenario.print;

import io.stormglass.disk.fault.DeviceFault;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.units.Units;
import java.util.Locale;
import java.util.SortedSet;

/** Prints one fault of the timeline under the keys of {@code faults:}. */
final class FaultPrinter {
    private FaultPrinter() {
    }

    static void fault(YamlWriter w, FaultSpec f) {
        FaultSpec.Timing t = f.timing();
        w.value("at", ScenarioPrinter.duration(t.atNanos())).value("for", ScenarioPrinter.duration(t.forNanos()));
        if (t.everyNanos() > 0) {
            w.value("every", ScenarioPrinter.duration(t.everyNanos()));
            if (t.untilNanos() > 0) {
                w.value("until", ScenarioPrinter.duration(t.untilNanos()));
            }
        }
        if (f instanceof FaultSpec.MemberCrash c) {
            w.value("crash", c.member()).value("crash-mode", mode(c.crashMode()));
        } else if (f instanceof FaultSpec.Campaign c) {
            w.value("campaign", c.member());
        } else if (f instanceof FaultSpec.LeaderCrash c) {
            w.value("crash", "leader").value("crash-mode", mode(c.crashMode()));
        } else if (f instanceof FaultSpec.Partition p) {
            if (p.flapPeriodNanos() > 0) {
                w.value("flap-period", ScenarioPrinter.duration(p.flapPeriodNanos()));
            }
            w.open("partition");
            partition(w, p.fault());
            if (p.sparesClients()) {
                w.value("clients", "connected");
            }
            w.close();
        } else if (f instanceof FaultSpec.Degrade d) {
            if (d.lossPpm() > 0) {
                w.value("packet-loss", d.lossPpm() + "ppm");
            } else if (d.duplicatePpm() > 0) {
                w.value("duplicate", d.duplicatePpm() + "ppm");
            } else {
                w.value("reorder", ScenarioPrinter.duration(d.reorderDelayMaxNanos()));
            }
        } else if (f instanceof FaultSpec.DiskFault d) {
            if (d.fault() instanceof DeviceFault.Slow s) {
                w.open("disk-slow").text("device", d.device()).value("factor", ScenarioPrinter.num(s.factor())).close();
            } else {
                String key = d.fault() instanceof DeviceFault.Stall ? "disk-stall"
                        : d.fault() instanceof DeviceFault.FlushError ? "disk-eio" : "disk-enospc";
                w.text(key, d.device());
            }
        } else if (f instanceof FaultSpec.WithholdAppends a) {
            w.open("withhold-appends");
            if (a.followers() > 0) {
                w.value("followers", a.followers());
            } else {
                w.value("members", a.members());
            }
            w.close();
        } else if (f instanceof FaultSpec.ClockStep c) {
            w.open("clock-step").value("member", c.member()).value("by", Units.formatSignedDuration(c.stepNanos())).close();
        } else if (f instanceof FaultSpec.ClockDrift c) {
            w.open("clock-drift").value("member", c.member()).value("drift", c.driftPpm() + "ppm").close();
        }
    }

    private static void partition(YamlWriter w, NetworkFault fault) {
        if (fault instanceof NetworkFault.Isolate i) {
            w.value("isolate", i.node());
        } else if (fault instanceof NetworkFault.Split s) {
            StringBuilder groups = new StringBuilder("[");
            for (SortedSet<Integer> g : s.groups()) {
                groups.append(groups.length() > 1 ? ", " : "").append(g);
            }
            w.value("split", groups.append(']'));
        } else if (fault instanceof NetworkFault.OneWay o) {
            w.open("one-way").value("from", o.senders()).value("to", o.receivers()).close();
        } else if (fault instanceof NetworkFault.Clog c) {
            w.open("clog").value("from", c.from()).value("to", c.to()).value("delay", ScenarioPrinter.ms(c.delayMs())).close();
        }
    }

    private static String mode(CrashMode m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
