package io.stormglass.cli;

import io.stormglass.report.explorer.ExplorerWriter;
import io.stormglass.report.output.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stormglass explore RUN_DIR}: (re)writes the run's explorer page from its explorer data. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Writes RUN_DIR/explorer.html again, with this version's page, from the explorer data inlined in it",
            "(or an earlier version's RUN_DIR/explorer.json):",
            "one zoomable time axis with the members' roles, leader changes and their stories, elections, faults,",
            "neighbour bursts, warnings, heartbeats, fdatasyncs, disks and clients. Self-contained: open it offline.",
            "Exit codes: 0 written, 2 RUN_DIR is not a run's folder with explorer data, 74 it could not be written."})
final class ExploreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run's output folder")
    Path dir;

    @Override
    public Integer call() throws IOException {
        RunFolders.require(dir, Files.isRegularFile(dir.resolve(ExplorerWriter.EXPLORER_JSON))
                ? ExplorerWriter.EXPLORER_JSON : ExplorerWriter.EXPLORER_HTML);
        Path page = dir.resolve(ExplorerWriter.EXPLORER_HTML);
        AtomicFile.write(page, tmp -> ExplorerWriter.renderFromFolder(dir, tmp));
        System.out.println("explorer: " + page.toAbsolutePath().toUri());
        return ExitCodes.OK;
    }
}
