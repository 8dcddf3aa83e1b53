package io.stormglass.cli;

import io.stormglass.disk.fio.DiskCheck;
import io.stormglass.disk.fio.DiskCheckResult;
import io.stormglass.disk.neighbour.NeighbourSpec;
import io.stormglass.scenario.load.DiskLoader;
import io.stormglass.scenario.model.DeviceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stormglass disk-check}: etcd's fio recipe against a simulated device. */
@Command(name = "disk-check", mixinStandardHelpOptions = true,
        description = {"Replays etcd's fio recipe (--rw=write --ioengine=sync --fdatasync=1 --bs=2300 --size=22m)",
            "against a disk model, neighbours included, and prints fdatasync p50/p99/p99.9/max, IOPS and",
            "the verdict against etcd's guidance (p99 < 10 ms; >= 50 sequential IOPS, >= 500 for heavy load)."})
final class DiskCheckCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--disk", paramLabel = "MODEL", description = "nvme, sata-ssd, hdd, raid5, ceph-rbd, cloud-block or empirical")
        String model;

        @Option(names = "--scenario", paramLabel = "FILE", description = "take the device from a scenario file (with --device)")
        Path scenario;
    }

    @Option(names = "--device", paramLabel = "NAME", description = "the device of --scenario to check (e.g. vm-n1)")
    String device;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a model option, as in a scenario's disks: entry (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", converter = SeedConverter.class, description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--start-after", defaultValue = "0s", paramLabel = "DURATION",
            description = "start the loop this long after the neighbours start (to aim at a burst); default ${DEFAULT-VALUE}")
    String startAfter;

    /** The model {@code --disk} names; a mistake in the name itself is a command-line mistake, said as one. */
    private DeviceSpec fromModel() {
        try {
            return DiskLoader.fromModel(target.model, sets);
        } catch (ScenarioException e) {
            List<ScenarioProblem> problems = e.problems();
            if (problems.size() == 1 && problems.get(0).location().file().equals("--disk")) {
                throw new UserInputException("--disk: " + problems.get(0).message());
            }
            throw e;
        }
    }

    @Override
    public Integer call() {
        DeviceSpec spec;
        if (target.scenario != null) {
            if (device == null) {
                throw new UserInputException("--device: expected the name of a device of the --scenario, found none");
            }
            spec = DiskLoader.fromScenario(target.scenario, device);
        } else {
            if (device != null) {
                throw new UserInputException("--device: expected only with --scenario (it names one of its devices), found it with --disk");
            }
            spec = fromModel();
        }
        long start;
        try {
            start = io.stormglass.scenario.units.Units.durationNanos(startAfter);
        } catch (io.stormglass.scenario.units.UnitException e) {
            throw new UserInputException("--start-after: " + e.getMessage());
        }
        List<NeighbourSpec> neighbours = spec.neighbours().stream().map(DeviceSpec.NamedNeighbour::spec).toList();
        DiskCheck.Options base = DiskCheck.Options.etcdRecipe(spec.disk());
        DiskCheckResult r = DiskCheck.run(new DiskCheck.Options(spec.disk(), neighbours, seed, base.blockBytes(),
                base.sizeBytes(), start));
        System.out.println("disk: " + spec.disk().model() + (neighbours.isEmpty() ? "" : " with " + neighbours.size() + " neighbour(s)"));
        System.out.print(r.render());
        return ExitCodes.OK;
    }
}
