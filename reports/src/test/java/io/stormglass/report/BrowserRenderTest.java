package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the synthetic incident's report in Debian's headless chromium and checks the screenshot.
 * Opt-in, because it needs the {@code chromium} package:
 * {@code mvn -B -q -pl reports -am verify -Dstormglass.browser=true}.
 */
@EnabledIfSystemProperty(named = "stormglass.browser", matches = "true")
class BrowserRenderTest {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 3000;

    @Test
    void chromiumRendersTheReport(@TempDir Path dir) throws Exception {
        Path html = ReportWriter.write(SyntheticRun.incident().build(), dir.resolve("run"));
        Path shot = dir.resolve("shot.png");
        Path profile = Files.createDirectory(dir.resolve("profile"));
        Process chromium = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--screenshot=" + shot, "--window-size=" + WIDTH + "," + HEIGHT,
                html.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium finishes");
        assertEquals(0, chromium.exitValue(), Files.readString(dir.resolve("chromium.log")));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertNotNull(image, "the screenshot decodes");
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        // text, tables and the first charts (with their colours) are on screen, not a blank or error page
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < HEIGHT; y += 3) {
            for (int x = 0; x < WIDTH; x += 3) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.size() > 200, "a rendered page has many colours, got " + colours.size());
        assertTrue(colours.contains(0x2e7d32) || colours.stream().anyMatch(BrowserRenderTest::leaderGreen),
                "the leader timeline's green lanes are visible");
    }

    private static boolean leaderGreen(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return Math.abs(r - 0x2e) < 12 && Math.abs(g - 0x7d) < 12 && Math.abs(b - 0x32) < 12;
    }
}
