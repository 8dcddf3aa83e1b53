package io.stormglass.report.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of {@link OutputDestination}, with a working folder and a home folder of the test's own. */
class OutputDestinationTest {
    @TempDir
    Path root;
    private Path cwd;
    private OutputEnvironment env;

    @BeforeEach
    void setUp() throws Exception {
        cwd = Files.createDirectories(root.resolve("work/project"));
        env = new OutputEnvironment(cwd, Files.createDirectories(root.resolve("home/user")));
    }

    private OutputDestination folder(String path, boolean force) throws OutputRefusal {
        return OutputDestination.folder(Path.of(path), OutputKind.RUN, force, env);
    }

    private OutputRefusal refused(String path, boolean force) {
        return assertThrows(OutputRefusal.class, () -> folder(path, force), path);
    }

    @Test
    void anAbsentFolderAndAnEmptyOneMayBeWritten() throws Exception {
        assertEquals(OutputDestination.State.ABSENT, folder("out/run-1", false).state());
        assertEquals(cwd.resolve("out/run-1"), folder("out/run-1", false).target(), "relative to the working folder");
        Files.createDirectories(root.resolve("empty"));
        assertEquals(OutputDestination.State.EMPTY, folder(root.resolve("empty").toString(), false).state());
    }

    @Test
    void theEmptyPathDotDotDotAndTheRootAreNeverWrittenEvenWithForce() {
        for (String p : new String[] {"", ".", "..", "out/..", "/", cwd.toString(), cwd.getParent().toString(),
            root.resolve("home/user").toString(), root.resolve("home").toString()}) {
            OutputRefusal r = refused(p, true);
            assertFalse(r.forceAllows(), p + ": " + r.getMessage());
            assertTrue(r.getMessage().startsWith("expected "), r.getMessage());
        }
        assertTrue(refused(".", false).getMessage().contains("never replaced, even with --force"));
        assertTrue(refused(cwd.toString(), false).getMessage().contains("the working folder"));
        assertTrue(refused(cwd.getParent().toString(), false).getMessage().contains("a parent of the working folder"));
        assertTrue(refused(root.resolve("home/user").toString(), false).getMessage().contains("your home folder"));
    }

    @Test
    void aLinkToTheWorkingFolderIsTheWorkingFolder() throws Exception {
        Path link = Files.createSymbolicLink(root.resolve("link"), cwd);
        assertFalse(refused(link.toString(), true).forceAllows());
    }

    @Test
    void aForeignFolderIsRefusedAndKeptUnlessForced() throws Exception {
        Path v = Files.createDirectories(root.resolve("v"));
        Files.writeString(v.resolve("k"), "keep");
        OutputRefusal r = refused(v.toString(), false);
        assertTrue(r.forceAllows());
        assertTrue(r.getMessage().contains("holding 1 entry (k) Stormglass did not write"), r.getMessage());
        assertTrue(r.getMessage().endsWith("add --force to replace it"), r.getMessage());
        assertEquals("keep", Files.readString(v.resolve("k")));
        assertEquals(OutputDestination.State.FORCED, folder(v.toString(), true).state());
    }

    @Test
    void aFileIsRefusedUnlessForcedAndADeviceAlways() throws Exception {
        Path f = Files.writeString(root.resolve("f"), "x");
        assertTrue(refused(f.toString(), false).getMessage().startsWith("expected a folder, found the file"));
        assertEquals(OutputDestination.State.FORCED, folder(f.toString(), true).state());
        assertTrue(refused(f.resolve("below").toString(), true).getMessage().contains("whose parent is a folder"));
        assumeTrue(Files.exists(Path.of("/dev/full")));
        assertFalse(refused("/dev/full", true).forceAllows());
    }

    @Test
    void anEarlierOutputOfTheSameKindIsReplacedAndAnotherKindIsRefused() throws Exception {
        Path run = Files.createDirectories(root.resolve("run"));
        Files.writeString(run.resolve("summary.json"), "{}");
        OutputMarker.write(run, OutputKind.RUN, "stormglass run x.yaml");
        assertEquals(OutputDestination.State.SAME_KIND, folder(run.toString(), false).state());
        assertTrue(folder(run.toString(), false).holdsEarlierOutput());
        OutputRefusal r = assertThrows(OutputRefusal.class,
                () -> OutputDestination.folder(run, OutputKind.SWEEP, false, env));
        assertTrue(r.getMessage().contains("expected an empty folder or a sweep written earlier, found a run"), r.getMessage());
        assertEquals(OutputDestination.State.FORCED, OutputDestination.folder(run, OutputKind.SWEEP, true, env).state());
    }

    @Test
    void aMarkerNamingAnUnknownKindIsForeign() throws Exception {
        Path d = Files.createDirectories(root.resolve("d"));
        Files.writeString(d.resolve(OutputMarker.FILE), "kind: something-else\n");
        assertTrue(refused(d.toString(), false).getMessage().contains("Stormglass did not write"));
    }

    @Test
    void pathsInsideAMavenProjectsSourcesOrAGitFolderNeedForce() throws Exception {
        Path project = Files.createDirectories(root.resolve("proj"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("src/main"));
        OutputRefusal r = refused(project.resolve("src/main/out").toString(), false);
        assertTrue(r.forceAllows() && r.getMessage().contains("outside the project's sources"), r.getMessage());
        assertEquals(OutputDestination.State.ABSENT, folder(project.resolve("src/main/out").toString(), true).state());
        assertEquals(OutputDestination.State.ABSENT, folder(project.resolve("target/out").toString(), false).state());
        Files.createDirectories(root.resolve("repo/.git"));
        assertTrue(refused(root.resolve("repo/.git/out").toString(), false).getMessage().contains(".git"));
    }

    @Test
    void aPageMayReplaceOnlyAnEarlierWitnessPage() throws Exception {
        Path page = root.resolve("w.html");
        assertEquals(OutputDestination.State.ABSENT, OutputDestination.file(page, OutputKind.WITNESS, false, env).state());
        Files.writeString(page, "<html><head>" + OutputMarker.HTML_META + "</head></html>");
        assertEquals(OutputDestination.State.SAME_KIND, OutputDestination.file(page, OutputKind.WITNESS, false, env).state());
        Path foreign = Files.writeString(root.resolve("notes.html"), "<html>mine</html>");
        OutputRefusal r = assertThrows(OutputRefusal.class, () -> OutputDestination.file(foreign, OutputKind.WITNESS, false, env));
        assertTrue(r.forceAllows(), r.getMessage());
        assertEquals(OutputDestination.State.FORCED, OutputDestination.file(foreign, OutputKind.WITNESS, true, env).state());
        assertThrows(OutputRefusal.class, () -> OutputDestination.file(root, OutputKind.WITNESS, true, env), "a folder");
        assertThrows(OutputRefusal.class, () -> OutputDestination.file(Path.of(""), OutputKind.WITNESS, true, env));
        assumeTrue(Files.exists(Path.of("/dev/full")));
        assertThrows(OutputRefusal.class, () -> OutputDestination.file(Path.of("/dev/full"), OutputKind.WITNESS, false, env));
        assertEquals(OutputDestination.State.FORCED_SPECIAL_FILE,
                OutputDestination.file(Path.of("/dev/full"), OutputKind.WITNESS, true, env).state());
    }

    @Test
    void longListingsAreCutShort() {
        assertEquals("5 entries (a, b, c, ...)", OutputDestination.describe(java.util.List.of("a", "b", "c", "d", "e")));
        assertEquals("1 entry (x?y)", OutputDestination.describe(java.util.List.of("x\ny")));
    }
}
