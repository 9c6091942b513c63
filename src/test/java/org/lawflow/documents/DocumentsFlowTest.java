package org.lawflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A tiny BPMN (bpmn-test/documents-mail-test.bpmn, tenant xining) with the three delegates: three documents,
 * the filing package, mails with the package and the decision; then REST access of documents and packages.
 */
@LawFlowSpringTest
class DocumentsFlowTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Documents documents;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void deploy() {
        repositoryService.createDeployment().name("documents-test").tenantId("xining").enableDuplicateFiltering(true)
                .addClasspathResource("bpmn-test/documents-mail-test.bpmn").deploy();
    }

    static String registerCase(ApiClient api) {
        var created = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static void runJobs(ManagementService managementService, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            var jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
    }

    byte[] download(String user, String path) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getBody();
    }

    @Test
    void processGeneratesDocumentsPackageAndMailsItWithTheZipAttached() throws Exception {
        var api = new ApiClient(rest);
        String caseId = registerCase(api);
        Map<String, Object> vars = new HashMap<>(Map.of("caseId", caseId, "agencyId", "xining", "formKind",
                "FILING_FORM", "extraRecipient", "wangfang", "decidedOn", "2026-12-01", "reviewOpinion", "APPROVE"));
        String pi = runtimeService.createProcessInstanceByKey("documents-mail-test").processDefinitionTenantId("xining")
                .setVariables(vars).execute().getId();
        runJobs(managementService, pi);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

        // three documents and one package, each once
        var docs = documents.forCase(UUID.fromString(caseId));
        assertThat(docs).extracting(DocumentInfo::kind).containsExactlyInAnyOrder(DocumentKind.PENALTY_DECISION,
                DocumentKind.FILING_REPORT, DocumentKind.FILING_FORM);
        var pkg = documents.packagesForCase(UUID.fromString(caseId));
        assertThat(pkg).hasSize(1);

        // the ZIP from the API: manifest hashes and sizes match the entries
        byte[] zip = download("zhangwei", "/api/packages/" + pkg.get(0).id());
        assertThat(DocumentRendering.sha256(zip)).isEqualTo(pkg.get(0).sha256());
        Map<String, byte[]> entries = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
                methods.put(e.getName(), e.getMethod());
            }
        }
        // the PDFs are compressed inside already, so they are stored; the manifest is text and deflated
        assertThat(methods).hasSize(4).containsEntry("manifest.json", java.util.zip.ZipEntry.DEFLATED);
        methods.forEach((name, method) -> assertThat(method).as(name)
                .isEqualTo(name.endsWith(".pdf") ? java.util.zip.ZipEntry.STORED : java.util.zip.ZipEntry.DEFLATED));
        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("caseId").asText()).isEqualTo(caseId);
        assertThat(manifest.get("kind").asText()).isEqualTo("FILING");
        assertThat(manifest.get("agency").asText()).isEqualTo("西宁市交通运输综合行政执法支队");
        assertThat(manifest.get("legalBasis").asText()).isNotBlank();
        assertThat(manifest.get("files")).hasSize(3);
        for (JsonNode file : manifest.get("files")) {
            byte[] content = entries.get(file.get("name").asText());
            assertThat(content).as(file.toString()).isNotNull();
            assertThat(DocumentRendering.sha256(content)).isEqualTo(file.get("sha256").asText());
            assertThat(content.length).isEqualTo(file.get("size").asInt());
        }
        assertThat(manifest.get("files").get(0).get("kind").asText()).isEqualTo("FILING_REPORT");
        assertThat(DocumentRenderingTest.text(entries.get(manifest.get("files").get(1).get("name").asText())))
                .contains("行政处罚决定书", "马建国");

        // mails: package to superior and justice bureau, decision to the party and to wangfang (var: token)
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(4);
        MimeMessage toSuperior = java.util.Arrays.stream(received)
                .filter(m -> recipients(m).contains("jiaotongting@qinghai.example")).findFirst().orElseThrow();
        assertThat(toSuperior.getSubject()).contains("备案材料", "宁交执罚");
        assertThat(toSuperior.getMessageID()).startsWith("<" + caseId + "." + pi + ".Task_SendPackage.")
                .endsWith("@lawflow>");
        assertThat(attachmentNames(toSuperior)).singleElement().asString().endsWith(".zip").contains("备案材料");
        assertThat(java.util.Arrays.stream(received).map(DocumentsFlowTest::recipients))
                .anyMatch(r -> r.contains("majianguo@party.example")).anyMatch(r -> r.contains("wangfang@lawflow.example"));

        // case details: documents, packages and mails sections
        var details = api.get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.get("documents")).hasSize(3);
        assertThat(details.get("packages")).hasSize(1);
        assertThat(details.get("mails")).hasSize(4);
        assertThat(details.at("/mails/0/status").asText()).isEqualTo("SENT");
        var list = api.get("zhangwei", "/api/cases/" + caseId + "/documents");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(3);
    }

    @Test
    void onlyTheCasesAgencySeesDocumentsAndRestrictedKindsOnlyHeadAndSupervisor() {
        var api = new ApiClient(rest);
        String caseId = registerCase(api);
        UUID id = UUID.fromString(caseId);
        var decision = documents.generate(id, DocumentKind.PENALTY_DECISION, Map.of(), null, "test");
        var clue = documents.generate(id, DocumentKind.CLUE_TRANSFER_LETTER, Map.of("personInvolved", "某某"), null, "test");

        var pdf = api.get("zhangwei", "/api/documents/" + decision.id());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(api.get("zhoujie", "/api/documents/" + decision.id()).status()).isEqualTo(404);
        assertThat(api.get("zhoujie", "/api/cases/" + caseId + "/documents").status()).isEqualTo(404);
        assertThat(api.get("zhoujie", "/api/packages/" + UUID.randomUUID()).status()).isEqualTo(404);

        assertThat(api.get("zhangwei", "/api/documents/" + clue.id()).status()).isEqualTo(403);
        assertThat(api.get("zhaomin", "/api/documents/" + clue.id()).status()).isEqualTo(200);
        assertThat(api.get("sunli", "/api/documents/" + clue.id()).status()).isEqualTo(200);
        assertThat(api.get("zhangwei", "/api/cases/" + caseId).json().get("documents").toString())
                .contains("PENALTY_DECISION").doesNotContain("CLUE_TRANSFER_LETTER");
        assertThat(api.get("zhaomin", "/api/cases/" + caseId).json().get("documents").toString())
                .contains("CLUE_TRANSFER_LETTER");
        assertThat(api.get("zhangwei", "/api/cases/" + caseId + "/documents").json().toString())
                .doesNotContain("CLUE_TRANSFER_LETTER");
    }

    @Test
    void generatingTheSameStepOrPackageTwiceStoresItOnce() {
        String caseId = registerCase(new ApiClient(rest));
        UUID id = UUID.fromString(caseId);
        var first = documents.generate(id, DocumentKind.VIOLATION_NOTICE, Map.of("hearingRights", true), "pi-1", "Task_X");
        var again = documents.generate(id, DocumentKind.VIOLATION_NOTICE, Map.of("hearingRights", true), "pi-1", "Task_X");
        assertThat(again.id()).isEqualTo(first.id());
        var loop = documents.generate(id, DocumentKind.VIOLATION_NOTICE, Map.of(), "pi-1", "Task_X#2");
        assertThat(loop.id()).isNotEqualTo(first.id());
        assertThat(documents.latest(id, DocumentKind.VIOLATION_NOTICE)).map(DocumentInfo::id).contains(loop.id());

        var pkg = documents.buildPackage(id, PackageKind.CRIMINAL_TRANSFER, List.of(DocumentKind.VIOLATION_NOTICE),
                "pi-1", "Task_P");
        var pkgAgain = documents.buildPackage(id, PackageKind.CRIMINAL_TRANSFER, List.of(DocumentKind.VIOLATION_NOTICE),
                "pi-1", "Task_P");
        assertThat(pkgAgain.id()).isEqualTo(pkg.id());
        assertThat(jdbc.sql("select count(*) from document where case_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from filing_package where case_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    static String recipients(MimeMessage m) {
        try {
            return String.join(",", m.getHeader("To"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> attachmentNames(MimeMessage m) throws Exception {
        var names = new java.util.ArrayList<String>();
        if (m.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).getFileName() != null) {
                    names.add(MimeUtility.decodeText(mp.getBodyPart(i).getFileName()));
                }
            }
        }
        return names;
    }
}
