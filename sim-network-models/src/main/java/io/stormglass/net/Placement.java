package io.stormglass.net;

/** Where a node sits: region ⊃ zone (availability zone / datacentre) ⊃ rack. */
public record Placement(String region, String zone, String rack) {
    public Placement {
        if (region == null || zone == null || rack == null || region.isEmpty() || zone.isEmpty() || rack.isEmpty()) {
            throw new IllegalArgumentException("a placement needs a region, a zone and a rack");
        }
    }

    /** The placement of nodes nobody placed: all in one rack. */
    public static Placement local() {
        return new Placement("local", "local", "local");
    }

    /** How far apart two placements are, which picks the default link between them. */
    public Distance distanceTo(Placement other) {
        if (!region.equals(other.region)) {
            return Distance.CROSS_REGION;
        }
        if (!zone.equals(other.zone)) {
            return Distance.CROSS_ZONE;
        }
        return rack.equals(other.rack) ? Distance.SAME_RACK : Distance.SAME_ZONE;
    }

    /** Distance classes, nearest first. */
    public enum Distance {
        SAME_RACK,
        SAME_ZONE,
        CROSS_ZONE,
        CROSS_REGION
    }
}
