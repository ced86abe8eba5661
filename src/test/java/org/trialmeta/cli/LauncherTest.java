package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./trialmeta}): the JVM options it chooses, read by running a copy of it with a stand-in
 * {@code java} first on the path that prints its arguments (a jar is present, so it builds nothing; no trials
 * directory, so it records no archive), and the JVM's own warnings kept off standard output, checked with the real
 * JVM and those options.
 */
class LauncherTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(List<String> command, Path bin, String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (bin != null) {
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        }
        pb.environment().remove("TRIALMETA_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("TRIALMETA_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 60 s: " + command);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The arguments the launcher gives {@code java} for {@code trialmeta --version}. */
    private List<String> jvmArguments(String javaOpts) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path launcher = home.resolve("trialmeta");
        if (!Files.exists(launcher)) {
            Files.copy(Path.of("trialmeta"), launcher);
            Files.createDirectories(home.resolve("target"));
            Files.writeString(home.resolve("target/trialmeta.jar"), "");
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
            Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Run r = run(List.of("bash", launcher.toString(), "--version"), dir.resolve("bin"), javaOpts);
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().toList();
    }

    @Test
    void defaultsCapTheYoungGenerationAndUseOneCompilerThread() throws IOException, InterruptedException {
        List<String> args = jvmArguments(null);
        assertThat(args).contains("-XX:+UseParallelGC", "-XX:MaxNewSize=64m", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-Xlog:disable", "-Xlog:all=warning:stderr");
        assertThat(args.subList(args.size() - 4, args.size())).containsExactly("-cp",
                dir.resolve("home/target/trialmeta.jar").toString(), "org.trialmeta.cli.Main", "--version");
    }

    @Test
    void aHeapGivenByTheUserIsSizedByTheJvm() throws IOException, InterruptedException {
        for (String opts : List.of("-Xmx48m", "-XX:MaxRAMPercentage=50", "-Xmn16m", "-XX:NewRatio=3")) {
            List<String> args = jvmArguments(opts);
            assertThat(args).as(opts).contains(opts).doesNotContain("-XX:MaxNewSize=64m");
            assertThat(args.indexOf(opts)).as("the user's options come after the launcher's")
                    .isGreaterThan(args.indexOf("-XX:+UseParallelGC"));
        }
        List<String> jit = jvmArguments("-XX:TieredStopAtLevel=4");
        assertThat(jit).contains("-XX:MaxNewSize=64m").doesNotContain("-XX:CICompilerCount=1");
    }

    /**
     * With the launcher's logging options a JVM warning goes to standard error, not before the output: here the
     * parallel GC's warning about a young generation larger than the heap, which a user's -Xmx48m used to print at
     * the top of the JSON.
     */
    @Test
    void jvmWarningsStayOffStandardOutput() throws IOException, InterruptedException {
        List<String> launcher = jvmArguments("-Xmx48m -XX:MaxNewSize=64m");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (int i = 0; i < launcher.size(); i++) {
            String a = launcher.get(i);
            if (a.equals("-cp")) {
                command.add(a);
                command.add(System.getProperty("java.class.path"));
                i++;
            } else if (a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare")) {
                continue;
            } else {
                command.add(a);
            }
        }
        Run r = run(command, null, null);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("trialmeta ").doesNotContain("warning");
        // the warning itself must be there (on standard error), or this test no longer provokes one
        assertThat(r.err()).contains("[warning]");
    }

    /**
     * The jar is rebuilt when a source, at any depth under src/main, or pom.xml is newer than it, and only then (the
     * check walks the tree with bash's recursive glob, not a find in a subshell). A stand-in {@code mvn} records that
     * it was called.
     */
    @Test
    void theJarIsRebuiltExactlyWhenASourceIsNewer() throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("project"));
        Files.copy(Path.of("trialmeta"), home.resolve("trialmeta"));
        Path deep = Files.createDirectories(home.resolve("src/main/java/org/example/deep"));
        Path source = Files.writeString(deep.resolve("A.java"), "class A {}\n");
        Path resource = Files.writeString(Files.createDirectories(home.resolve("src/main/resources")).resolve("r.txt"),
                "r\n");
        Path pom = Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        Path jar = Files.writeString(Files.createDirectories(home.resolve("target")).resolve("trialmeta.jar"), "");
        Path bin = Files.createDirectories(dir.resolve("bin-build"));
        Path called = dir.resolve("mvn-called");
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nexit 0\n");
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho called >> '" + called + "'\n");
        for (String tool : List.of("java", "mvn")) {
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        java.nio.file.attribute.FileTime built = java.nio.file.attribute.FileTime.fromMillis(1_100_000_000_000L);
        java.nio.file.attribute.FileTime later = java.nio.file.attribute.FileTime.fromMillis(1_200_000_000_000L);
        List<Path> all = List.of(source, resource, pom, deep, deep.getParent(), home.resolve("src/main/java/org"),
                home.resolve("src/main/java"), home.resolve("src/main/resources"), home.resolve("src/main"));
        for (Path changed : List.of(source, resource, pom)) {
            for (Path p : all) {
                Files.setLastModifiedTime(p, old);
            }
            Files.setLastModifiedTime(jar, built);
            Files.deleteIfExists(called);
            Run fresh = run(List.of("bash", home.resolve("trialmeta").toString(), "--version"), bin, null);
            assertThat(fresh.code()).as(fresh.err()).isZero();
            assertThat(Files.exists(called)).as("nothing newer than the jar: no build").isFalse();
            Files.setLastModifiedTime(changed, later);
            Run stale = run(List.of("bash", home.resolve("trialmeta").toString(), "--version"), bin, null);
            assertThat(Files.exists(called)).as(home.relativize(changed) + " newer than the jar").isTrue();
            assertThat(stale.err()).contains("building");
        }
    }
}
