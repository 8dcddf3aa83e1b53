package io.stormglass.experiment.capacity;

import io.stormglass.scenario.yaml.YamlNode;
import io.stormglass.scenario.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in hardware profiles ({@code builtin-profiles.yaml} beside this class), each grounded
 * in published figures cited in its description: local NVMe, SATA SSD, 7200 rpm HDD, RAID5 of
 * HDDs, AWS gp3, Ceph RBD capped at 1000 IOPS, and the "small" and "large" example clusters of
 * etcd's hardware guide. A capacity file names one with {@code builtin:} and may override any key.
 */
public final class BuiltinProfiles {
    static final String RESOURCE = "builtin-profiles.yaml";
    private static final Map<String, YamlNode.YamlMap> PROFILES = read();

    private BuiltinProfiles() {
    }

    /** Names of the built-in profiles, in the file's order. */
    public static java.util.List<String> names() {
        return java.util.List.copyOf(PROFILES.keySet());
    }

    /** Built-in names, each standing for itself (for a located choice). */
    static Map<String, String> choices() {
        Map<String, String> out = new LinkedHashMap<>();
        PROFILES.keySet().forEach(n -> out.put(n, n));
        return out;
    }

    /** The profile's keys as written in the resource. */
    static YamlNode.YamlMap tree(String name) {
        YamlNode.YamlMap t = PROFILES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no built-in profile " + name);
        }
        return t;
    }

    private static Map<String, YamlNode.YamlMap> read() {
        try (InputStream in = BuiltinProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            YamlNode root = YamlReader.read(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, YamlNode.YamlMap> out = new LinkedHashMap<>();
            YamlNode profiles = ((YamlNode.YamlMap) root).entries().get("profiles").value();
            for (YamlNode.Entry e : ((YamlNode.YamlMap) profiles).entries().values()) {
                out.put(e.key(), (YamlNode.YamlMap) e.value());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
