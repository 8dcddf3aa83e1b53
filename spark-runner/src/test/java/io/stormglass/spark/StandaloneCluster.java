package io.stormglass.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and {@code workers} workers, each a
 * JVM of its own started from Maven's Spark jars (target/spark-classpath.txt), with one core and
 * 1 GiB each. A worker starts its executors from {@code SPARK_HOME/jars}, so the cluster lays out
 * a Spark home of links to those jars. {@link #close} ends every process it started, executors
 * included.
 */
final class StandaloneCluster implements AutoCloseable {
    static final Path TARGET = Path.of("target").toAbsolutePath();

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final int port;

    StandaloneCluster(Path dir, int workers) throws IOException, InterruptedException {
        home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark from Maven's jars (Stormglass test)\n");
        for (String jar : sparkClassPath().split(":")) {
            Path link = home.resolve("jars").resolve(Path.of(jar).getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, Path.of(jar));
            }
        }
        port = freePort();
        // a test JVM that is killed (Surefire's timeout, Ctrl-C) still ends the cluster's processes
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroyAll, "spark-cluster-cleanup"));
        try {
            start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", "0");
            awaitPort(port, 90);
            for (int i = 1; i <= workers; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                start(dir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), master());
            }
            awaitWorkers(dir.resolve("master.log"), workers, 120);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close(); // a cluster that did not come up leaves no process behind
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String master() {
        return "spark://127.0.0.1:" + port;
    }

    /** Spark's jars, as the build listed them. */
    static String sparkClassPath() throws IOException {
        return Files.readString(TARGET.resolve("spark-classpath.txt")).strip();
    }

    /** The JVM options Spark needs on Java 17, as the build wrote them. */
    static List<String> jvmOptions() throws IOException {
        return Arrays.asList(Files.readString(TARGET.resolve("classes/spark-jvm-options.txt")).strip().split("\\s+"));
    }

    /** A JVM running {@code mainClass} on Spark's class path (plus {@code extraClassPath}), output to {@code log}. */
    Process java(Path log, String extraClassPath, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", (extraClassPath.isEmpty() ? "" : extraClassPath + ":") + sparkClassPath(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        synchronized (this) {
            Process p = pb.start();
            processes.add(p);
            return p;
        }
    }

    private synchronized void destroyAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly); // a worker's executors
            p.destroyForcibly();
        }
    }

    private void start(Path log, String mainClass, String... args) throws IOException {
        java(log, "", mainClass, args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the master did not listen on " + port + " within " + seconds + " s");
    }

    private static void awaitWorkers(Path masterLog, int workers, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            long registered = Files.readAllLines(masterLog).stream().filter(l -> l.contains("Registering worker")).count();
            if (registered >= workers) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(workers + " workers did not register within " + seconds + " s:\n" + Files.readString(masterLog));
    }

    @Override
    public void close() {
        destroyAll();
        for (Process p : List.copyOf(processes)) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
