package io.stormglass.experiment.fuzz;

import io.stormglass.experiment.exec.ScenarioSource;
import io.stormglass.experiment.exec.UnitJob;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.nio.file.Path;

/**
 * A campaign's unit of work for any engine: one seed run, checked, and if it fails shrunk and
 * replayed, all in the same task (failing seeds shrink in parallel, one task each). The row carries
 * the failure's files; the driver writes them.
 */
final class FuzzJob implements UnitJob<Long, SeedOutcome> {
    @Serial
    private static final long serialVersionUID = 1L;

    private transient FuzzCampaign campaign;
    private final ScenarioSource source;
    private final long firstSeed;
    private final int seeds;
    private final FaultSpace space;
    private final String outDir;
    private final int shrinkRuns;
    private final boolean swarm;

    FuzzJob(FuzzCampaign campaign, ScenarioSource source, FuzzCampaign.Options options) {
        this.campaign = campaign;
        this.source = source;
        this.firstSeed = options.firstSeed();
        this.seeds = options.seeds();
        this.space = options.space();
        this.outDir = options.outDir().toString();
        this.shrinkRuns = options.shrinkRuns();
        this.swarm = options.swarm();
    }

    @Override
    public SeedOutcome run(Long seed) throws Exception {
        if (campaign == null) {
            campaign = new FuzzCampaign(source.load(), new FuzzCampaign.Options(firstSeed, seeds, 1, space, Path.of(outDir), shrinkRuns,
                    swarm));
        }
        return campaign.runSeed(seed);
    }

    @Override
    public SeedOutcome internalError(Long seed, String error) {
        return SeedOutcome.internalError(seed, error);
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws java.io.IOException {
        if (source == null) {
            throw new NotSerializableException("a campaign built from a Scenario object runs on the local engine only");
        }
        out.defaultWriteObject();
    }
}
