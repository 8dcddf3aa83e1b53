package io.stormglass.raft.confchange;

import io.stormglass.raft.harness.ConfChangeOps;
import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.tracker.ProgressTracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the {@link Changer} scripts under {@code src/test/resources/confchange}. Commands:
 * {@code simple OPS...}, {@code enter-joint [autoleave=true] OPS...}, {@code leave-joint}, with OPS in
 * etcd's short form ({@code v2 l3 r1 u4}). Each prints the new configuration and one progress line per
 * member, or the refusal. As in etcd-io/raft's datadriven test, the log grows by one entry per command,
 * so a member's {@code next} tells which command added it; the inflight limit is 10.
 */
final class ChangerInterpreter {
    private final ProgressTracker tracker = new ProgressTracker(10, 0);
    private long lastIndex;

    String run(String line) {
        try {
            return execute(line);
        } catch (InvalidConfChangeException e) {
            return e.getMessage();
        } finally {
            lastIndex++;
        }
    }

    private String execute(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
        String command = words.remove(0);
        boolean autoLeave = false;
        if (!words.isEmpty() && words.get(0).startsWith("autoleave=")) {
            autoLeave = Boolean.parseBoolean(words.remove(0).substring("autoleave=".length()));
        }
        List<ConfChangeSingle> ops = ConfChangeOps.parse(words);
        Changer changer = new Changer(tracker, lastIndex);
        Changer.Result result = switch (command) {
            case "simple" -> changer.simple(ops);
            case "enter-joint" -> changer.enterJoint(autoLeave, ops);
            case "leave-joint" -> {
                if (!ops.isEmpty()) {
                    throw new IllegalArgumentException("leave-joint takes no changes");
                }
                yield changer.leaveJoint();
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
        tracker.switchTo(result.config(), result.progress());
        StringBuilder out = new StringBuilder().append(tracker.config());
        tracker.progress().forEach((id, p) -> out.append('\n').append(id).append(": ").append(p)
                .append(tracker.isLearner(id) ? " learner" : ""));
        return out.toString();
    }
}
