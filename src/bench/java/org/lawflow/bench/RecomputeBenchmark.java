package org.lawflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.lawflow.ScratchDatabase;
import org.lawflow.TestSmtp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark for issue #25: how long {@code PUT /api/calendar/years/2027} takes to recompute the open deadlines that
 * were counted on the provisional 2027. Seeds N open tasks (default 10,000), each with a due date and a reminder timer
 * from {@code deadlines.due('PUBLICATION', from)} counted from a December 2026 day (so 2 logged deadlines each), then
 * enters a complete 2027 notice through REST as the administrator and prints the figures. Target: under 30 s at
 * 10,000 open tasks. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.lawflow.bench.RecomputeBenchmark -Dexec.args="10000"}
 */
public final class RecomputeBenchmark {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://lawflow/bench">
              <bpmn:process id="bench-provisional" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="Start"/>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Publish"/>
                <bpmn:userTask id="Task_Publish" name="确认公示内容" camunda:candidateGroups="officer"
                    camunda:dueDate="${deadlines.due('PUBLICATION', from)}"/>
                <bpmn:boundaryEvent id="Timer_Publish" attachedToRef="Task_Publish" cancelActivity="false">
                  <bpmn:timerEventDefinition>
                    <bpmn:timeDate>${deadlines.due('PUBLICATION', from)}</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="F2" sourceRef="Task_Publish" targetRef="End"/>
                <bpmn:endEvent id="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    private RecomputeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        var db = ScratchDatabase.create("lawflow_bench_recompute");
        try (var lawflow = LawFlowInProcess.start(db, TestSmtp.port(),
                Map.of("camunda.bpm.job-execution.enabled", "false"))) {
            ProcessEngine engine = lawflow.context().getBean(ProcessEngine.class);
            engine.getRepositoryService().createDeployment().name("bench-provisional")
                    .addString("bench-provisional.bpmn", PROCESS).deploy();
            ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-20T10:00:00+08:00").toInstant()));
            long seed = System.nanoTime();
            for (int i = 0; i < tasks; i++) {
                LocalDate from = LocalDate.of(2026, 12, 1).plusDays(i % 31);
                engine.getRuntimeService().startProcessInstanceByKey("bench-provisional", "BENCH-" + i,
                        Map.of("from", from.toString()));
            }
            double seedSeconds = (System.nanoTime() - seed) / 1e9;
            long openTasks = engine.getTaskService().createTaskQuery().processDefinitionKey("bench-provisional").count();
            String port = lawflow.context().getEnvironment().getProperty("local.server.port");

            long t = System.nanoTime();
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/calendar/years/2027"))
                    .timeout(Duration.ofMinutes(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "admin:demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(notice2027())).build(),
                    HttpResponse.BodyHandlers.ofString());
            double putSeconds = (System.nanoTime() - t) / 1e9;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("PUT 2027 -> " + response.statusCode() + " " + response.body());
            }
            JsonNode summary = new ObjectMapper().readTree(response.body()).get("recomputation");
            System.out.printf("""
                    recompute benchmark (issue #25), PostgreSQL %s
                      open tasks seeded          %d (seeding %.1f s)
                      logged deadlines           %d
                      tasks changed              %d
                      timers changed             %d
                      failed                     %d
                      PUT /api/calendar/years/2027   %.1f s   (target < 30 s)   %.2f ms per logged deadline
                    """, ScratchDatabase.serverVersion(db.server(), db.user()), openTasks, seedSeconds,
                    summary.get("recomputed").asInt(), summary.get("tasksChanged").asInt(),
                    summary.get("timersChanged").asInt(), summary.get("failed").asInt(), putSeconds,
                    1000 * putSeconds / Math.max(1, summary.get("recomputed").asInt()));
        } finally {
            ClockUtil.reset();
            db.drop();
        }
    }

    /** A complete 2027 year (statutory days only; test data, not the real notice). */
    private static String notice2027() throws Exception {
        List<Map<String, String>> holidays = new ArrayList<>();
        holidays.add(Map.of("name", "元旦", "from", "2027-01-01", "to", "2027-01-01"));
        holidays.add(Map.of("name", "春节", "from", "2027-02-05", "to", "2027-02-08"));
        holidays.add(Map.of("name", "清明节", "from", "2027-04-05", "to", "2027-04-05"));
        holidays.add(Map.of("name", "劳动节", "from", "2027-05-01", "to", "2027-05-02"));
        holidays.add(Map.of("name", "端午节", "from", "2027-06-09", "to", "2027-06-09"));
        holidays.add(Map.of("name", "中秋节", "from", "2027-09-15", "to", "2027-09-15"));
        holidays.add(Map.of("name", "国庆节", "from", "2027-10-01", "to", "2027-10-03"));
        return new ObjectMapper().writeValueAsString(Map.of("notice", "基准测试用：2027年（仅法定节假日）",
                "holidays", holidays));
    }
}
