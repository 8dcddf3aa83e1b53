package io.stormglass.experiment.sweep;

/**
 * One of etcd's tuning rules applied to a setting.
 *
 * @param rule   the rule, such as {@code election-timeout ≥ 5 × heartbeat-interval}
 * @param passed whether the setting follows it ({@code null} when it could not be judged)
 * @param detail the numbers
 */
public record RuleCheck(String rule, Boolean passed, String detail) {
    public String verdict() {
        return passed == null ? "n/a" : passed ? "ok" : "WARN";
    }
}
