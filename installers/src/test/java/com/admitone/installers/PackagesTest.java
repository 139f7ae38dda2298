package com.admitone.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the Linux packages that build-packages.sh has just made, as an administrator would after
 * installing them: what each .deb holds, and the programs of an unpacked copy (dpkg-deb -x into a
 * scratch root) started for real. The server, unpacked, prints its version, starts on a scratch
 * data folder, answers /health, and enrols a device with a signed key certificate (so the fat
 * jar's BouncyCastle Ed25519 works unsigned and merged).
 */
class PackagesTest {
    static final String VERSION = System.getProperty("project.version");
    static final Path PACKAGES = Path.of(System.getProperty("packages.dir"));
    static final Pattern VERSION_LINE = Pattern.compile(
            Pattern.quote(VERSION) + " \\(build ([0-9a-f]{7,}|unknown), (\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z|unknown)\\)");
    static final String CLIENT_HOME = "opt/admitone-client";
    static final String SERVER_HOME = "opt/admitone-server";

    @TempDir
    static Path scratch;
    static Path clientRoot;
    static Path serverRoot;
    static Process server;

    @BeforeAll
    static void unpackBothDebs() throws Exception {
        clientRoot = Files.createDirectory(scratch.resolve("client-root"));
        serverRoot = Files.createDirectory(scratch.resolve("server-root"));
        run("dpkg-deb", "-x", one("admitone-client_*.deb").toString(), clientRoot.toString());
        run("dpkg-deb", "-x", one("admitone-server_*.deb").toString(), serverRoot.toString());
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ client

    @Test
    void clientDebHoldsTheLauncherRuntimeEveryJarMenuEntryAndIcon() throws Exception {
        List<String> paths = contents(one("admitone-client_*.deb"));
        assertThat(paths).contains("./" + CLIENT_HOME + "/bin/AdmitOne", "./" + CLIENT_HOME + "/lib/runtime/bin/java",
                "./" + CLIENT_HOME + "/lib/app/desktop-client-" + VERSION + ".jar",
                "./" + CLIENT_HOME + "/lib/admitone-client-AdmitOne.desktop", "./" + CLIENT_HOME + "/lib/AdmitOne.png");
        // every jar the client runs with in development is in the package (JavaFX's Linux jars among them)
        String classpath = Files.readString(Path.of(System.getProperty("client.classpath.file"))).trim();
        List<String> jars = Arrays.stream(classpath.split(":")).map(jar -> Path.of(jar).getFileName().toString()).toList();
        assertThat(jars).contains("javafx-graphics-" + System.getProperty("javafx.version") + "-linux.jar");
        assertThat(paths).containsAll(jars.stream().map(jar -> "./" + CLIENT_HOME + "/lib/app/" + jar).toList());

        String control = run("dpkg-deb", "-f", one("admitone-client_*.deb").toString());
        assertThat(control).contains("Package: admitone-client").containsPattern("Depends: .*libgtk-3-0");
        // the menu entry is registered when the package is installed
        assertThat(run("sh", "-c", "dpkg-deb --ctrl-tarfile \"$0\" | tar -xOf - ./postinst", one("admitone-client_*.deb").toString()))
                .contains("xdg-desktop-menu install /" + CLIENT_HOME + "/lib/admitone-client-AdmitOne.desktop");
    }

    @Test
    void theMenuEntryStartsTheLauncherAndShowsTheIcon() throws IOException {
        Map<String, String> entry = keyValues(clientRoot.resolve(CLIENT_HOME + "/lib/admitone-client-AdmitOne.desktop"));
        assertThat(entry).containsEntry("Name", "AdmitOne").containsEntry("Type", "Application")
                .containsEntry("Exec", "/" + CLIENT_HOME + "/bin/AdmitOne");
        assertThat(entry.get("Categories")).contains("Office");
        assertThat(clientRoot.resolve(entry.get("Exec").substring(1))).isExecutable();
        byte[] icon = Files.readAllBytes(clientRoot.resolve(entry.get("Icon").substring(1)));
        assertThat(Arrays.copyOf(icon, 8)).isEqualTo(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    }

    @Test
    void unpackedClientLauncherPrintsVersionAndBuild() throws Exception {
        String out = run(clientRoot.resolve(CLIENT_HOME + "/bin/AdmitOne").toString(), "--version");
        assertThat(out.trim()).startsWith("AdmitOne desktop client ").containsPattern(VERSION_LINE);
    }

    @Test
    void portableAppImageHoldsTheSameLauncher() throws Exception {
        String listing = run("tar", "-tzf", one("admitone-client-" + VERSION + "-linux-x64.tar.gz").toString());
        assertThat(listing.lines()).contains("AdmitOne/bin/AdmitOne", "AdmitOne/lib/runtime/bin/java",
                "AdmitOne/lib/app/desktop-client-" + VERSION + ".jar");
    }

    @Test
    void clientRpmHoldsTheLauncher() throws Exception {
        assumeTrue(onPath("rpmbuild") && onPath("rpm"), "rpmbuild is not installed: build-packages.sh skipped the .rpm");
        String listing = run("rpm", "-qlp", one("admitone-client-*.rpm").toString());
        assertThat(listing.lines()).contains("/" + CLIENT_HOME + "/bin/AdmitOne", "/" + CLIENT_HOME + "/lib/runtime/bin/java");
    }

    // ------------------------------------------------------------------ server

    @Test
    void serverDebHoldsLauncherJarRuntimeUnitAndConfiguration() throws Exception {
        Path deb = one("admitone-server_*.deb");
        assertThat(contents(deb)).contains("./" + SERVER_HOME + "/bin/admitone-server", "./" + SERVER_HOME + "/lib/admitone-server.jar",
                "./" + SERVER_HOME + "/runtime/bin/java", "./usr/bin/admitone-server", "./lib/systemd/system/admitone-server.service",
                "./etc/admitone/admitone-server.env", "./etc/admitone/admitone-server.properties");
        assertThat(run("dpkg-deb", "-f", deb.toString(), "Package", "Version"))
                .contains("Package: admitone-server").contains("Version: " + VERSION.replace("-SNAPSHOT", ""));
        String conffiles = controlFile(deb, "conffiles");
        assertThat(conffiles.lines()).containsExactlyInAnyOrder("/etc/admitone/admitone-server.env", "/etc/admitone/admitone-server.properties");
        String postinst = controlFile(deb, "postinst");
        assertThat(postinst).contains("adduser --system").contains("install -d -o admitone -g admitone -m 0750 /var/lib/admitone");
    }

    @Test
    void systemdUnitRunsTheUnpackedLauncherAsItsOwnUser() throws IOException {
        Path unit = serverRoot.resolve("lib/systemd/system/admitone-server.service");
        Map<String, String> service = keyValues(unit);
        assertThat(service).containsEntry("User", "admitone").containsEntry("Group", "admitone")
                .containsEntry("StateDirectory", "admitone").containsEntry("WantedBy", "multi-user.target");
        // logs to the journal: nothing sends stdout elsewhere
        assertThat(service).doesNotContainKeys("StandardOutput", "StandardError");
        String launcher = service.get("ExecStart").split(" ")[0];
        assertThat(serverRoot.resolve(launcher.substring(1))).isExecutable();
        assertThat(service.get("ExecStart")).contains("--data ${ADMITONE_DATA}");
        assertThat(serverRoot.resolve(service.get("EnvironmentFile").replaceFirst("^-/", ""))).isRegularFile();
        assertThat(Files.readString(serverRoot.resolve("etc/admitone/admitone-server.env"))).contains("ADMITONE_DATA=/var/lib/admitone");
    }

    @Test
    void unpackedServerLauncherPrintsVersionAndBuild() throws Exception {
        // through /usr/bin's link, as an administrator would type it
        String out = run(serverRoot.resolve("usr/bin/admitone-server").toString(), "--version");
        assertThat(out.trim()).startsWith("AdmitOne server ").containsPattern(VERSION_LINE);
    }

    @Test
    void fatJarPrintsVersionAndBuild() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String out = run(java, "-jar", one("admitone-server-" + VERSION + ".jar").toString(), "--version");
        assertThat(out.trim()).startsWith("AdmitOne server ").containsPattern(VERSION_LINE);
    }

    @Test
    void unpackedServerStartsOnAScratchDataFolderAndAnswersHealth() throws Exception {
        Path data = scratch.resolve("server-data");
        server = new ProcessBuilder(serverRoot.resolve("usr/bin/admitone-server").toString(),
                "--port", "0", "--data", data.toString(), "--demo", "--demo-days", "2")
                .redirectErrorStream(true).start();
        int port = awaitPort(server);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("version").asText()).isEqualTo(VERSION);
        assertThat(data.resolve("admitone-server.db")).isRegularFile();

        // a device enrols with its Ed25519 key and gets a certificate signed by the server's key
        byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        String publicKey = Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        HttpResponse<String> enrol = http.send(HttpRequest.newBuilder(URI.create(base + "/api/devices/enrol"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Package check\",\"username\":\"manager\","
                        + "\"password\":\"manager-demo\",\"publicKey\":\"" + publicKey + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(enrol.statusCode()).as(enrol.body()).isEqualTo(201);
        JsonNode device = new ObjectMapper().readTree(enrol.body());
        assertThat(Base64.getDecoder().decode(device.path("certificate").path("signatureBase64").asText())).hasSize(64);

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Device-Id", device.path("deviceId").asText())
                .header("X-Device-Secret", device.path("deviceSecret").asText())
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"boxoffice\",\"password\":\"boxoffice-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(login.body()).path("role").asText()).isEqualTo("box_office");

        server.destroy(); // SIGTERM, as systemctl stop sends
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isIn(0, 143);
    }

    // ------------------------------------------------------------------ helpers

    /** Reads the server's output until it names its port (it was started with --port 0). */
    private static int awaitPort(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on port (\\d+)");
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = listening.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "server-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the unpacked server stopped before listening:\n" + seen);
    }

    private static List<String> contents(Path deb) throws Exception {
        // dpkg-deb -c prints "perms owner size date time path[ -> target]"
        return run("dpkg-deb", "-c", deb.toString()).lines()
                .map(line -> line.replaceFirst("^(\\S+\\s+){5}", "").replaceFirst(" -> .*$", ""))
                .map(path -> path.endsWith("/") && path.length() > 2 ? path.substring(0, path.length() - 1) : path)
                .collect(Collectors.toList());
    }

    private static String controlFile(Path deb, String name) throws Exception {
        return run("sh", "-c", "dpkg-deb --ctrl-tarfile \"$0\" | tar -xOf - ./" + name, deb.toString());
    }

    /** key=value lines of a systemd unit or a .desktop file (the last one of a key wins). */
    private static Map<String, String> keyValues(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim)
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1),
                        (a, b) -> b));
    }

    private static Path one(String glob) throws IOException {
        try (var files = Files.newDirectoryStream(PACKAGES, glob)) {
            List<Path> found = new java.util.ArrayList<>();
            files.forEach(found::add);
            assertThat(found).as("exactly one %s in %s", glob, PACKAGES).hasSize(1);
            return found.get(0);
        }
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    /** Runs a command to its end and returns its output; fails the test on a non-zero exit. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        assertThat(process.exitValue()).as("exit of %s, output:%n%s", List.of(command), out).isZero();
        return out;
    }
}
