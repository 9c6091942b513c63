package org.lawflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lawflow.IntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the benchmark command from rotting: runs {@link LawFlowBenchmark} at tiny scale in its own JVM (-Xmx512m,
 * the test classpath, as {@code mvn -Pbench ... exec:exec} does) on the PostgreSQL of the tests, and checks that it
 * succeeded and that target/benchmark-smoke.json holds every figure with a plausible value. The figures of such a
 * tiny run mean nothing; only that they are there and sane.
 */
@IntegrationTest
class LawFlowBenchmarkSmokeTest {

    static final int FLOWS = 2;

    @Test
    void theBenchmarkRunsAndWritesEveryFigure() throws Exception {
        String server = System.getenv().getOrDefault("LAWFLOW_TEST_PG", "127.0.0.1:5432");
        boolean postgres;
        try (var c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", "")) {
            postgres = true;
        } catch (Exception e) {
            postgres = false;
        }
        if (!postgres && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI needs PostgreSQL at " + server + " for the benchmark smoke test");
        }
        assumeTrue(postgres, "the benchmark runs on PostgreSQL only");

        File json = new File("target/benchmark-smoke.json");
        json.delete();
        File log = new File("target/benchmark-smoke.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), LawFlowBenchmark.class.getName(), "--quick",
                "--server=" + server, "--flows=" + FLOWS, "--users=2", "--package-runs=5", "--open-tasks=50",
                "--historic-rows=500", "--out=" + json.getPath()));
        Process bench = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        boolean finished = bench.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            bench.destroyForcibly().waitFor();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(finished).as("benchmark finished; output in " + log).isTrue();
        assertThat(bench.exitValue()).as("exit code; output:\n" + tail(output)).isZero();

        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode f = root.get("figures");
        assertThat(f.get("baselineFlowsCompleted").asInt()).isEqualTo(f.get("baselineFlowsStarted").asInt())
                .isEqualTo(FLOWS);
        assertThat(f.get("lawflowFlowsCompleted").asInt()).isEqualTo(f.get("lawflowFlowsStarted").asInt())
                .isEqualTo(FLOWS);
        int verified = FLOWS + f.get("warmUpFlowsPerSide").asInt();
        assertThat(f.get("lawflowFlowsVerified").asInt()).as("documents, package, mails of every flow")
                .isEqualTo(verified);
        assertThat(f.get("mailsReceivedBySmtpSink").asInt()).isEqualTo(LawFlowBenchmark.MAILS_PER_FLOW * verified);
        assertThat(f.get("baselineNoOpDelegateCalls").asLong()).as("the baseline passed its service tasks")
                .isGreaterThanOrEqualTo(FLOWS * 10L);
        for (String positive : List.of("baselineFlowsPerSecond", "lawflowFlowsPerSecond", "flowRatioLawflowToBaseline",
                "baselineFlowP50Ms", "lawflowFlowP50Ms", "lawflowFlowP95Ms", "inFlowDocumentJobP50Ms",
                "inFlowPackageJobP50Ms", "packageP50Ms", "packageP95Ms", "startupToHealthySeconds",
                "springStartedInSeconds", "childJvmPeakHeapMb", "benchJvmPeakHeapMb", "benchJvmPeakLiveAfterGcMb")) {
            assertThat(f.get(positive)).as(positive).isNotNull();
            assertThat(f.get(positive).asDouble()).as(positive).isPositive();
        }
        for (String side : List.of("baseline", "lawflow")) {
            // each flow has 9 tasks and an end to wait for, each seen by at least one look at the task list
            assertThat(f.get(side + "PollsPerFlow").asDouble()).as(side + " looks per flow").isGreaterThanOrEqualTo(10);
            assertThat(f.get(side + "JvmCpuMsPerFlow").asDouble()).as(side + " JVM CPU per flow").isPositive();
            assertThat(f.get(side + "MachineCpuMsPerFlow").asDouble()).as(side + " machine CPU per flow (Linux)")
                    .isGreaterThanOrEqualTo(f.get(side + "JvmCpuMsPerFlow").asDouble() * 0.5);
            // the split by thread: the users drive both sides; its parts cannot exceed the JVM's whole
            double split = 0;
            for (var group : ThreadCpu.Group.values()) {
                String name = side + "CpuMsPerFlow." + group.name().toLowerCase(Locale.ROOT);
                assertThat(f.get(name)).as(name).isNotNull();
                split += f.get(name).asDouble();
            }
            assertThat(f.get(side + "CpuMsPerFlow.users").asDouble()).as(side + " users' CPU").isPositive();
            assertThat(f.get(side + "CpuMsPerFlow.job_executor").asDouble()).as(side + " job CPU").isPositive();
            assertThat(split).as(side + " CPU split by thread").isLessThanOrEqualTo(
                    f.get(side + "JvmCpuMsPerFlow").asDouble() * 1.05 + 1);
        }
        // LawFlow's registrations and review starts go over its REST API; the baseline has no web layer
        assertThat(f.get("lawflowCpuMsPerFlow.web").asDouble()).isPositive();
        assertThat(f.get("baselineCpuMsPerFlow.web").asDouble()).isZero();
        assertThat(f.get("flowRatioLawflowToBaseline").asDouble()).isCloseTo(
                f.get("lawflowFlowsPerSecond").asDouble() / f.get("baselineFlowsPerSecond").asDouble(),
                org.assertj.core.data.Offset.offset(0.02));
        assertThat(f.get("packageP95Ms").asDouble()).isGreaterThanOrEqualTo(f.get("packageP50Ms").asDouble());
        assertThat(f.get("lawflowFlowP95Ms").asDouble()).isGreaterThanOrEqualTo(f.get("lawflowFlowP50Ms").asDouble());
        assertThat(f.get("startupToHealthySeconds").asDouble()).as("health UP comes after Spring's 'Started'")
                .isGreaterThanOrEqualTo(f.get("springStartedInSeconds").asDouble());
        assertThat(f.get("benchJvmPeakHeapMb").asDouble()).isLessThanOrEqualTo(512);
        assertThat(f.get("benchJvmGcSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(f.get("childJvmPeakHeapMb").asDouble()).isLessThanOrEqualTo(512);
        assertThat(f.get("benchJvmOutOfMemoryError").asBoolean()).isFalse();
        assertThat(f.get("childJvmOutOfMemoryError").asBoolean()).isFalse();
        assertThat(f.has("taskQuery") || f.has("taskQueryP95Ms")).as("the task-list query section").isTrue();
        assertThat(root.get("targets").get("flowRatioLawflowToBaseline").get("target").asText()).isEqualTo(">= 0.7");
        JsonNode machine = root.get("machine");
        assertThat(machine.get("cores").asInt()).isPositive();
        assertThat(machine.get("maxHeapMb").asInt()).isLessThanOrEqualTo(512);
        assertThat(machine.get("postgresql").asText()).isNotBlank();
        assertThat(output).as("the table is printed").contains("flowRatioLawflowToBaseline", "PASS");
    }

    private static String tail(String output) {
        return output.length() < 4000 ? output : output.substring(output.length() - 4000);
    }
}
