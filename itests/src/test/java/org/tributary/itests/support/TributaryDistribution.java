package org.tributary.itests.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Assert;
import org.junit.Assume;
import org.junit.rules.ExternalResource;

/**
 * One running Tributary server made from the distribution tar.gz: unpacked into its own folder
 * under {@code target/dist}, given free ports, started with {@code bin/karaf server} and ready
 * once {@code DESCRIBE sample.mp4} answers 200. Use it as a JUnit {@code @ClassRule} shared by
 * the tests of one class, or with try-with-resources.
 *
 * <p>The tar.gz is named by the system property {@code tributary.distribution} (set by
 * failsafe). When it does not exist the tests are skipped, except on CI ({@code CI=true}),
 * where they fail. When stopped, the unpacked folder is deleted and its logs kept beside it,
 * unless {@code -Dtributary.keepDist=true}.
 */
public final class TributaryDistribution extends ExternalResource implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path archive;
    private Path unpacked;
    private Path home;
    private Process karaf;
    private int rtspPort;
    private int rtspsPort;
    private boolean rtsps;
    private int sshPort;
    private int httpPort;
    private int rmiRegistryPort;
    private int rmiServerPort;
    private int rtpRangeSize = FreePorts.RTP_RANGE_SIZE;
    private int rtpBase;
    private final Map<String, Map<String, String>> configEdits = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> commandPrefix = new ArrayList<>();
    private final List<Integer> extraPorts = new ArrayList<>();
    private String jvmOptions = "";

    /** A server from the tar.gz named by the system property {@code tributary.distribution}. */
    public TributaryDistribution() {
        this(Path.of(System.getProperty("tributary.distribution",
                "../assembly/target/tributary-0.1.0-SNAPSHOT.tar.gz")));
    }

    /** A server from the given tar.gz. */
    public TributaryDistribution(Path archive) {
        this.archive = archive.toAbsolutePath().normalize();
    }

    /**
     * Gives the server {@code size} RTP/RTCP ports instead of 2000 (a load test needs four per
     * session); call before {@link #start()}.
     */
    public TributaryDistribution withRtpPortRange(int size) {
        this.rtpRangeSize = size;
        return this;
    }

    /**
     * Sets {@code key = value} lines in {@code etc/<cfgFile>} (e.g. {@code org.tributary.access.cfg})
     * before the server starts, after the ports are configured; call before {@link #start()}.
     * Repeated calls for one file add up, a later value winning.
     */
    public TributaryDistribution withConfig(String cfgFile, Map<String, String> values) {
        configEdits.computeIfAbsent(cfgFile, name -> new LinkedHashMap<>()).putAll(values);
        return this;
    }

    /**
     * Writes {@code text} to {@code relativePath} (e.g. {@code etc/qtusers}) in the unpacked
     * distribution before the server starts, replacing the file; call before {@link #start()}.
     */
    public TributaryDistribution withFile(String relativePath, String text) {
        files.put(relativePath, text);
        return this;
    }

    /**
     * Serves RTSPS too, on a free port, with a self-signed keystore made at start as
     * {@code etc/rtsps.p12} (configured by that relative path); call before {@link #start()}.
     */
    public TributaryDistribution withRtsps() {
        this.rtsps = true;
        return this;
    }

    /**
     * Runs {@code bin/karaf} under {@code prefix} (e.g. {@code setpriv --inh-caps=-dac_override ...}, to take a
     * capability from a root server); call before {@link #start()}.
     */
    public TributaryDistribution withCommandPrefix(String... prefix) {
        commandPrefix.addAll(List.of(prefix));
        return this;
    }

    /** Adds {@code options} (e.g. {@code -Xmx64m}) to the server's JVM options; call before {@link #start()}. */
    public TributaryDistribution withJvmOptions(String options) {
        jvmOptions = (jvmOptions + " " + options).strip();
        return this;
    }

    /**
     * Lists {@code port} among the RTSP ports after the one the server is checked on ({@link #rtspPort()}),
     * e.g. one a test holds so that it cannot be bound at start; call before {@link #start()}.
     */
    public TributaryDistribution withExtraRtspPort(int port) {
        extraPorts.add(port);
        return this;
    }

    @Override
    protected void before() throws Throwable {
        start();
    }

    @Override
    protected void after() {
        close();
    }

    /** Unpacks, configures and starts the server, and returns once it serves sample.mp4. */
    public void start() throws IOException {
        if (!Files.isRegularFile(archive)) {
            String why = "distribution " + archive + " does not exist: build the assembly first";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assert.fail(why);
            }
            Assume.assumeTrue(why, false);
        }
        home = unpack();
        configure();
        launch();
    }

    /**
     * Kills the server's Java process with SIGKILL, as a crash would, and starts the server again in the same
     * folder on the same ports (as a service manager does); returns once it serves sample.mp4 again.
     */
    public void killAndRestart() throws IOException {
        ProcessHandle java = ProcessHandle.of(pid()).orElseThrow(() -> new IOException("the server is not running"));
        java.destroyForcibly();
        await("bin/karaf ends with its killed JVM").atMost(Duration.ofSeconds(30)).until(() -> !karaf.isAlive());
        launch();
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(List.of(home.resolve("bin/karaf").toString(), "server"));
        ProcessBuilder server = new ProcessBuilder(command);
        // -Dtributary.serverJvmOptions="-XX:StartFlightRecording=…" reaches the server through Karaf's bin/inc
        String options = (System.getProperty("tributary.serverJvmOptions", "") + " " + jvmOptions).strip();
        if (!options.isEmpty()) {
            server.environment().merge("EXTRA_JAVA_OPTS", options, (inherited, added) -> inherited + " " + added);
        }
        karaf = server
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                .start();
        try {
            await("Tributary serving rtsp://127.0.0.1:" + rtspPort + "/sample.mp4")
                    .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(this::serves);
        } catch (RuntimeException | Error notReady) {
            String logs = diagnostics();
            close();
            throw new IllegalStateException("Tributary did not start in " + home + logs, notReady);
        }
    }

    /** Returns the RTSP port the server listens on (127.0.0.1). */
    public int rtspPort() {
        return rtspPort;
    }

    /** @return the JMX service URL of Karaf's MBean server (user karaf/karaf) */
    public String jmxServiceUrl() {
        return "service:jmx:rmi://127.0.0.1:" + rmiServerPort + "/jndi/rmi://127.0.0.1:" + rmiRegistryPort
                + "/karaf-root";
    }

    /** @return the HTTP port of Karaf's web server (the Felix Web Console, /tributary/api, /tributary/metrics) */
    public int httpPort() {
        return httpPort;
    }

    /** @return the first and last UDP port of the server's RTP/RTCP range */
    public int[] rtpPortRange() {
        return new int[] {rtpBase, rtpBase + rtpRangeSize - 1};
    }

    /** Returns {@code rtsp://127.0.0.1:PORT/path} (a leading slash in {@code path} is optional). */
    public String url(String path) {
        return "rtsp://127.0.0.1:" + rtspPort + (path.startsWith("/") ? path : "/" + path);
    }

    /** Returns the RTSPS port ({@link #withRtsps()}). */
    public int rtspsPort() {
        return rtspsPort;
    }

    /** Returns {@code rtsps://127.0.0.1:PORT/path} on the RTSPS port ({@link #withRtsps()}). */
    public String rtspsUrl(String path) {
        return "rtsps://127.0.0.1:" + rtspsPort + (path.startsWith("/") ? path : "/" + path);
    }

    /** Returns the unpacked distribution's folder. */
    public Path home() {
        return home;
    }

    /** Returns the media folder the server serves (files copied there are served while it runs). */
    public Path mediaDir() {
        return home.resolve("media");
    }

    /** Returns the pid of the server's Java process (the karaf script may run Java as a child). */
    public long pid() {
        return await("the karaf script's Java process").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessTree.findJava(karaf.toHandle()), java -> java.isPresent())
                .orElseThrow().pid();
    }

    /**
     * Runs one Karaf shell command through {@code bin/client} and returns what it printed. Its
     * standard input stays open: with /dev/null the client prints "Closed" and exits 1 before
     * the command's output.
     */
    public ProcessResult client(String command) {
        return ExternalCommand.of(home.resolve("bin/client").toString(), "-h", "127.0.0.1",
                        "-a", Integer.toString(sshPort), "-u", "karaf", "-p", "karaf", "-r", "10", command)
                .directory(home).openStdin().timeout(Duration.ofSeconds(60)).run();
    }

    /** Returns the text of {@code data/log/karaf.log} (empty before the server wrote it). */
    public String logText() {
        return readIfPresent(home.resolve("data/log/karaf.log"));
    }

    /** Returns the last lines of the server's log above DEBUG, to explain a client's failure in its message. */
    public String recentLog() {
        List<String> lines = logText().lines().filter(line -> !line.contains("| DEBUG |")).toList();
        return "\n--- the server's recent log ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Stops the server with {@code bin/stop}, then ends the process tree it started if it is
     * still alive after 20 s. Only processes this object started are touched.
     */
    @Override
    public void close() {
        if (karaf == null) {
            return;
        }
        if (karaf.isAlive()) {
            List<ProcessHandle> tree = ProcessTree.withDescendants(karaf.toHandle());
            ExternalCommand.of(home.resolve("bin/stop").toString()).directory(home)
                    .timeout(STOP_GRACE).run();
            if (!ProcessTree.awaitExit(tree, STOP_GRACE)) {
                ProcessTree.destroy(tree, Duration.ofSeconds(5));
            }
        }
        karaf = null;
        if (!Boolean.getBoolean("tributary.keepDist")) {
            keepLogsAndDelete();
        }
    }

    private boolean serves() {
        if (!karaf.isAlive()) {
            throw new IllegalStateException("bin/karaf ended with exit code " + karaf.exitValue());
        }
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort)) {
            RtspResponse response = client.request("DESCRIBE", url("sample.mp4"), "Accept: application/sdp");
            return response.status() == 200 && response.body().contains("m=");
        } catch (IOException notYet) {
            return false;
        }
    }

    private Path unpack() throws IOException {
        Path root = Files.createDirectories(Path.of(System.getProperty("tributary.work", "target"), "dist"));
        Path target = Files.createTempDirectory(root.toAbsolutePath(), "tributary-");
        unpacked = target;
        ProcessResult tar = ExternalCommand.of("tar", "-xzf", archive.toString(), "-C", target.toString())
                .timeout(Duration.ofSeconds(120)).run();
        if (tar.exitCode() != 0) {
            throw new IOException("cannot unpack " + archive + tar.describe());
        }
        try (Stream<Path> found = Files.find(target, 3, (path, attrs) -> path.endsWith("bin/karaf"))) {
            return found.findFirst().map(script -> script.getParent().getParent())
                    .orElseThrow(() -> new IOException(archive + " has no bin/karaf"));
        }
    }

    private void configure() throws IOException {
        int[] ports = FreePorts.tcp(6);
        rtspPort = ports[0];
        sshPort = ports[1];
        rtpBase = FreePorts.rtpRangeBase(rtpRangeSize);
        Path etc = home.resolve("etc");
        CfgFile.put(etc.resolve("org.tributary.rtsp.cfg"), Map.of(
                "ports", Stream.concat(Stream.of(rtspPort), extraPorts.stream()).map(String::valueOf)
                        .collect(Collectors.joining(",")),
                "bindAddress", "127.0.0.1",
                "rtpPortMin", Integer.toString(rtpBase),
                "rtpPortMax", Integer.toString(rtpBase + rtpRangeSize - 1)));
        if (rtsps) {
            rtspsPort = ports[5];
            SelfSignedKeystore.create(etc.resolve("rtsps.p12"));
            CfgFile.put(etc.resolve("org.tributary.rtsp.cfg"), Map.of("tlsPorts", Integer.toString(rtspsPort),
                    "tlsKeystore", "rtsps.p12", "tlsKeystorePassword", SelfSignedKeystore.PASSWORD));
        }
        CfgFile.put(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort", Integer.toString(sshPort)));
        CfgFile.put(etc.resolve("org.ops4j.pax.web.cfg"),
                Map.of("org.osgi.service.http.port", Integer.toString(ports[2])));
        httpPort = ports[2];
        rmiRegistryPort = ports[3];
        rmiServerPort = ports[4];
        CfgFile.put(etc.resolve("org.apache.karaf.management.cfg"), Map.of(
                "rmiRegistryPort", Integer.toString(ports[3]),
                "rmiServerPort", Integer.toString(ports[4])));
        for (Map.Entry<String, Map<String, String>> edit : configEdits.entrySet()) {
            CfgFile.put(inside(etc, edit.getKey()), edit.getValue());
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = inside(home, file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Resolves a test-given relative path, refusing one that leaves {@code folder}. */
    private static Path inside(Path folder, String relativePath) {
        Path resolved = folder.resolve(relativePath).normalize();
        if (!resolved.startsWith(folder)) {
            throw new IllegalArgumentException("'" + relativePath + "' is outside " + folder);
        }
        return resolved;
    }

    /**
     * Deletes the unpacked distribution (~50 MB each) but keeps its two logs beside it as
     * {@code <folder>.console.log} and {@code <folder>.karaf.log} for post-mortems.
     */
    private void keepLogsAndDelete() {
        Path folder = unpacked;
        try {
            for (String log : new String[] {"console.log", "data/log/karaf.log"}) {
                Path source = home.resolve(log);
                if (Files.exists(source)) {
                    Files.copy(source, folder.resolveSibling(folder.getFileName() + "." + source.getFileName()));
                }
            }
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + folder, e);
        }
    }

    private String diagnostics() {
        return "\n--- console.log ---\n" + tail(readIfPresent(home.resolve("console.log")))
                + "\n--- data/log/karaf.log ---\n" + tail(logText());
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
