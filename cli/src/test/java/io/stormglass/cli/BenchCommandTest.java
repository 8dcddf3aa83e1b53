package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void selectingNoCasePrintsValidJsonWithTheMachineAndNoCases() throws Exception {
        CliRunner.Result r = CliRunner.run("bench", "--json", "--only", "no-such-case", "--scenarios", "../scenarios");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(0, json.path("cases").size());
        assertTrue(json.path("cores").asInt() >= 1);
        assertTrue(json.has("load_average_before") && json.has("java"), r.out());
    }

    @Test
    void aMissingLibraryIsBadInputOnOneLine() {
        CliRunner.Result r = CliRunner.run("bench", "--scenarios", "no/such/folder");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("--scenarios: expected the scenario library folder"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
