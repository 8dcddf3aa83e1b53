package io.stormglass.scenario.model;

/**
 * What the clients do.
 *
 * @param arrival       closed-loop clients or open-loop arrivals
 * @param mix           fractions of each operation (sum 1)
 * @param keys          the key space and how keys are chosen
 * @param valueMinBytes smallest value written
 * @param valueMaxBytes largest value written (uniform in between)
 * @param controlPlane  a control service electing its leader through etcd, as in seed 001; null for none
 */
public record WorkloadSpec(Arrival arrival, OpMix mix, KeySpace keys, long valueMinBytes, long valueMaxBytes,
        ControlPlane controlPlane) {

    /** How requests arrive. */
    public sealed interface Arrival {
        /** {@code clients} clients, each issuing its next request {@code thinkNanos} after the previous one ends. */
        record ClosedLoop(int clients, long thinkNanos) implements Arrival {
        }

        /** Poisson arrivals at {@code ratePerSecond}, spread over {@code clients} client connections. */
        record OpenLoop(double ratePerSecond, int clients) implements Arrival {
        }

        /** No generic load (only the control plane, if any). */
        record None() implements Arrival {
        }
    }

    /**
     * Fractions of operations; they sum to 1. A compare-and-set ({@code cas}) replaces the key's
     * value only if it still holds the value this client last read or wrote there (a put when the
     * client has seen none): the register operation of Jepsen's etcd tests, checkable for
     * linearizability, where {@code txn} is etcd's version-guarded transaction.
     */
    public record OpMix(double put, double getLinearizable, double getSerializable, double delete, double txn, double cas) {
        public OpMix(double put, double getLinearizable, double getSerializable, double delete, double txn) {
            this(put, getLinearizable, getSerializable, delete, txn, 0);
        }

        public OpMix {
            double sum = put + getLinearizable + getSerializable + delete + txn + cas;
            if (put < 0 || getLinearizable < 0 || getSerializable < 0 || delete < 0 || txn < 0 || cas < 0 || Math.abs(sum - 1) > 1e-6) {
                throw new IllegalArgumentException("operation fractions must be non-negative and sum to 1, got " + sum);
            }
        }
    }

    /**
     * Keys {@code key-000000} .. {@code key-<count-1>}, chosen uniformly or by a Zipf law.
     *
     * @param zipfExponent 0 for uniform, else the Zipf exponent (1.0 is classic)
     */
    public record KeySpace(int count, double zipfExponent) {
    }

    /**
     * A control service that elects its own leader through etcd (seed 001): each candidate holds a
     * lease it keeps alive; a candidate campaigns with a transaction that creates the election key
     * only if it does not exist; the holder renews; the others read the key with linearizable reads.
     *
     * @param candidates             instances of the control service
     * @param leaseTtlNanos          the lease's time to live
     * @param keepAliveIntervalNanos how often the holder renews (clientv3: TTL / 3)
     * @param checkIntervalNanos     how often a non-holder reads the election key
     */
    public record ControlPlane(int candidates, long leaseTtlNanos, long keepAliveIntervalNanos, long checkIntervalNanos) {
    }
}
