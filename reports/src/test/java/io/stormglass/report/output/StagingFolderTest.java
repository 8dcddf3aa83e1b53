package io.stormglass.report.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging, publishing, atomic files and the removal of what killed processes left behind. */
class StagingFolderTest {
    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aPublishedFolderIsMarkedAndReplacesTheEarlierOneWithNothingLeftBeside() throws Exception {
        Path target = dir.resolve("run");
        try (StagingFolder s = StagingFolder.create(target)) {
            assertTrue(s.dir().getFileName().toString().startsWith(".run.partial-" + ProcessHandle.current().pid() + "-"));
            assertTrue(Files.readString(s.dir().resolve(ProcessOwner.FILE)).startsWith("pid: " + ProcessHandle.current().pid()));
            assertTrue(StagingRegistry.isLive(s.dir()));
            Files.writeString(s.dir().resolve("a.txt"), "first");
            s.publish(OutputKind.RUN, "stormglass run x");
        }
        try (StagingFolder s = StagingFolder.create(target)) {
            Files.writeString(s.dir().resolve("b.txt"), "second");
            s.publish(OutputKind.RUN, "stormglass run y");
        }
        assertEquals(List.of("run"), names());
        assertEquals(Optional.of(OutputKind.RUN), OutputMarker.read(target));
        assertTrue(Files.readString(target.resolve(OutputMarker.FILE)).contains("command: stormglass run y"));
        assertFalse(Files.exists(target.resolve("a.txt")));
        assertFalse(Files.exists(target.resolve(ProcessOwner.FILE)), "the owner file is not published");
    }

    @Test
    void anUnpublishedFolderIsRemovedOnClose() throws Exception {
        Path staged;
        try (StagingFolder s = StagingFolder.create(dir.resolve("run"))) {
            staged = s.dir();
            Files.writeString(staged.resolve("half.csv"), "x");
        }
        assertFalse(Files.exists(staged));
        assertFalse(StagingRegistry.isLive(staged));
        assertEquals(List.of(), names());
    }

    @Test
    void theRegistryRemovesWhatIsStillStaged() throws Exception {
        StagingFolder s = StagingFolder.create(dir.resolve("run"));
        assertTrue(StagingRegistry.removeAll().contains(s.dir()));
        assertFalse(Files.exists(s.dir()));
    }

    @Test
    void leftoversOfDeadProcessesAreRemovedAndThoseOfLiveOnesKept() throws Exception {
        long dead = deadPid();
        Path stale = Files.createDirectories(dir.resolve(".run.partial-" + dead + "-abc"));
        Files.writeString(stale.resolve("metrics.csv"), "half");
        Path staleOld = Files.createDirectories(dir.resolve(".run.old-" + dead + "-def"));
        Path other = Files.createDirectories(dir.resolve(".other.partial-" + dead + "-abc"));
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path alive = Files.createDirectories(dir.resolve(".run.partial-" + live + "-xyz"));
        Path unowned = Files.createDirectories(dir.resolve(".run.partial-legacy"));
        Files.createDirectories(dir.resolve("run"));
        StaleStaging.cleanFor(dir.resolve("run"));
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleOld));
        assertTrue(Files.exists(other), "another destination's leftovers are not this one's business");
        assertTrue(Files.exists(alive), "a live process's staging folder is kept");
        assertTrue(Files.exists(unowned), "an unowned leftover is kept while it may still be in use");
    }

    @Test
    void aPidReusedByAnotherProcessDoesNotKeepALeftoverAlive() throws Exception {
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path reused = Files.createDirectories(dir.resolve(".run.partial-" + live + "-xyz"));
        Files.writeString(reused.resolve(ProcessOwner.FILE), "pid: " + live + "\nstarted: 2001-01-01T00:00:00Z\n");
        StaleStaging.cleanFor(dir.resolve("run"));
        assertFalse(Files.exists(reused));
    }

    @Test
    void anOldFolderWhoseTargetIsMissingIsMovedBack() throws Exception {
        Path old = Files.createDirectories(dir.resolve(".run.old-" + deadPid() + "-q"));
        Files.writeString(old.resolve("summary.json"), "{}");
        StaleStaging.cleanFor(dir.resolve("run"));
        assertEquals(List.of("run"), names());
        assertTrue(Files.exists(dir.resolve("run/summary.json")));
    }

    @Test
    void anAtomicFileLeavesNoTemporaryFileAndStaleOnesAreCleanedInsideAFolder() throws Exception {
        Path page = dir.resolve("sweep-report.html");
        AtomicFile.writeString(page, "one");
        AtomicFile.writeString(page, "two");
        assertEquals("two", Files.readString(page));
        assertEquals(List.of("sweep-report.html"), names());
        Path stale = Files.writeString(dir.resolve(".pareto.png.partial-" + deadPid() + "-z"), "half");
        StaleStaging.cleanInside(dir);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(page));
    }

    @Test
    void aFailedBodyLeavesTheEarlierFileAndNoTemporaryOne() throws Exception {
        Path page = dir.resolve("p.html");
        AtomicFile.writeString(page, "earlier");
        try {
            AtomicFile.write(page, f -> {
                Files.writeString(f, "half");
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException expected) {
            // as thrown
        }
        assertEquals("earlier", Files.readString(page));
        assertEquals(List.of("p.html"), names());
    }
}
