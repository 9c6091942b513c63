package org.lawflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form from the top-level {@code bpmn/} and {@code forms/} folders as
 * one deployment with classpath-relative resource names ({@code bpmn/x.bpmn}, {@code forms/y.form}).
 *
 * <p>Why not the starter's pattern deployment: it names resources by absolute file path when the classpath
 * is exploded and by bare file name inside the jar, so every way of running created new versions. Here the
 * names are the same in the IDE, in tests and in the fat jar, duplicate filtering makes restarts no-ops, and
 * because forms share the deployment with the processes {@code formRefBinding="deployment"} works.
 */
@Component
class ProcessResourceDeployer {

    static final String DEPLOYMENT_NAME = "lawflow";
    private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);
    private static final Map<String, String> FOLDERS_AND_PATTERNS = Map.of(
            "bpmn/", "**/*.{bpmn,dmn}",
            "forms/", "**/*.form");

    private final RepositoryService repositoryService;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ProcessResourceDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Runs once the context is up (order 0), before demo data, filters and authorizations (higher orders). */
    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void deploy() {
        Map<String, Resource> resources = findResources();
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("lawflow")
                .enableDuplicateFiltering(true);
        resources.forEach((name, resource) -> deployment.addInputStream(name, open(resource)));
        var result = deployment.deployWithResult();
        log.info("Deployment '{}' ({} resources): {}", DEPLOYMENT_NAME, resources.size(),
                result.getDeployedProcessDefinitions() == null || result.getDeployedProcessDefinitions().isEmpty()
                        ? "unchanged" : "new version " + result.getId());
    }

    /** Resource name = folder + path below the folder's classpath root, identical for files and jar entries. */
    Map<String, Resource> findResources() {
        Map<String, Resource> byName = new TreeMap<>();
        try {
            for (var entry : FOLDERS_AND_PATTERNS.entrySet()) {
                String folder = entry.getKey();
                for (Resource root : resolver.getResources("classpath*:" + folder)) {
                    String rootUrl = root.getURL().toString();
                    for (Resource file : resolver.getResources(rootUrl + entry.getValue())) {
                        String url = file.getURL().toString();
                        if (url.startsWith(rootUrl) && file.isReadable()) {
                            byName.putIfAbsent(folder + url.substring(rootUrl.length()), file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan bpmn/ and forms/ on the classpath", e);
        }
        return byName;
    }

    private static InputStream open(Resource resource) {
        try {
            return resource.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
