package dev.momentum.auth.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.zjsonpatch.JsonPatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** deploy/kubernetes, rendered as kustomize renders it, against the API's schema and our rules (ADR-0060). */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = ServiceImage.REPOSITORY.resolve("deploy/kubernetes");

    @Test
    void theBaseAndTheExampleOverlayAreValidAndKeepEveryRule() {
        for (String directory : List.of("base", "overlays/example")) {
            List<ObjectNode> rendering = Kustomize.build(KUBERNETES.resolve(directory));

            assertThat(ManifestRules.check(rendering)).as(directory).isEmpty();
            assertThat(rendering).extracting(resource -> resource.path("kind").asString()).as(directory)
                    .contains("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy",
                            "ConfigMap", "ServiceAccount");
        }
    }

    @Test
    void theOverlaySetsItsNamespaceImageAndSettings() {
        List<ObjectNode> rendering = Kustomize.build(KUBERNETES.resolve("overlays/example"));

        assertThat(rendering).allSatisfy(resource -> assertThat(resource.at("/metadata/namespace").asString()).isEqualTo("auth"));
        JsonNode pod = find(rendering, "Deployment").at("/spec/template/spec");
        assertThat(pod.at("/containers/0/image").asString()).isEqualTo("registry.example.com/auth-service:0.1.0");
        assertThat(pod.at("/initContainers/0/image").asString()).isEqualTo("registry.example.com/auth-service:0.1.0");
        assertThat(find(rendering, "ConfigMap").at("/data/ADMIN_EMAILS").asString()).isEqualTo("ops@example.com");
        assertThat(find(rendering, "Secret").at("/stringData/AUTH_SECRET").asString()).contains("placeholder");
    }

    /** Each rule can fail: one change to the example overlay's rendering, and the problem it must be named by. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "add     | /spec/template/spec/containers/0/resurces | {}    | fields the Kubernetes API does not know: [resurces]",
        "add     | /spec/template/spec/revisionHistoryLimit | 1    | fields the Kubernetes API does not know: [revisionHistoryLimit]",
        "replace | /spec/template/spec/containers/0/securityContext/runAsNonRoot | false | container auth: may run as root",
        "add     | /spec/template/spec/containers/0/securityContext/runAsUser | 0 | container auth: may run as root",
        "replace | /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem | false | its root filesystem is writable",
        "remove  | /spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation | | may escalate privileges",
        "remove  | /spec/template/spec/containers/0/securityContext/capabilities | | keeps Linux capabilities",
        "remove  | /spec/template/spec/containers/0/readinessProbe | | container auth: no readiness probe",
        "remove  | /spec/template/spec/containers/0/livenessProbe | | container auth: no liveness probe",
        "replace | /spec/template/spec/containers/0/startupProbe/httpGet/port | metrics | the startup probe's port is none of the container's",
        "remove  | /spec/template/spec/containers/0/resources/limits | | container auth: no memory limit",
        "remove  | /spec/template/spec/initContainers/0/resources/requests | | container migrate: no cpu request",
        "replace | /spec/template/spec/containers/0/image | auth-service:latest | has no pinned tag",
        "remove  | /spec/template/spec/topologySpreadConstraints | | no topology spread constraint",
        "remove  | /spec/template/spec/automountServiceAccountToken | | mounts a service account token",
        "remove  | /spec/template/spec/initContainers | | no init container runs the same image's migrate",
        "replace | /spec/template/spec/terminationGracePeriodSeconds | 15 | does not cover SHUTDOWN_DELAY and the drain",
        "replace | /spec/template/metadata/annotations/prometheus.io~1port | 3002 | the scrape port is not the management port",
        "replace | /spec/template/metadata/labels/app.kubernetes.io~1name | other | no Service selects its pods",
    })
    void aDeploymentThatBreaksARuleIsNamed(String op, String path, String value, String problem) {
        List<String> problems = ManifestRules.check(changed("Deployment", op, path, value));

        assertThat(problems).anySatisfy(line -> assertThat(line).contains(problem));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PodDisruptionBudget     | /spec/selector/matchLabels/app.kubernetes.io~1name | other | no PodDisruptionBudget covers its pods",
        "HorizontalPodAutoscaler | /spec/minReplicas | 1 | no HorizontalPodAutoscaler keeps two or more",
        "NetworkPolicy           | /spec/policyTypes | [\"Ingress\"] | no NetworkPolicy limits its pods' traffic both ways",
        "Service                 | /spec/ports/0/targetPort | web | no Service selects its pods on a port they serve",
        "ConfigMap               | /metadata/name | renamed | reads ConfigMap auth-service-config, which is not here",
        "HorizontalPodAutoscaler | /spec/maxReplicas | ten | HorizontalPodAutoscaler/auth-service: does not decode",
    })
    void aCompanionThatBreaksARuleIsNamed(String kind, String path, String value, String problem) {
        assertThat(ManifestRules.check(changed(kind, "replace", path, value)))
                .anySatisfy(line -> assertThat(line).contains(problem));
    }

    @Test
    void aKindTheApiDoesNotKnowAndAKustomizeFieldThisCheckDoesNotRenderAreRefused() throws Exception {
        List<ObjectNode> rendering = new ArrayList<>(Kustomize.build(KUBERNETES.resolve("overlays/example")));
        rendering.add((ObjectNode) YAMLMapper.builder().build().readTree("{apiVersion: apps/v1, kind: Deploymnet, metadata: {name: x}}"));
        assertThat(ManifestRules.check(rendering)).anySatisfy(line -> assertThat(line).contains("Deploymnet/x"));

        Path overlay = Files.createTempDirectory("overlay");
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: [" + KUBERNETES.resolve("base") + "]\ncommonLabels: {a: b}\n");
        assertThatThrownBy(() -> Kustomize.build(overlay)).hasMessageContaining("'commonLabels' is not rendered");
    }

    private static List<ObjectNode> changed(String kind, String op, String path, String value) {
        List<ObjectNode> rendering = new ArrayList<>(Kustomize.build(KUBERNETES.resolve("overlays/example")));
        ObjectNode target = find(rendering, kind);
        var mapper = YAMLMapper.builder().build();
        ObjectNode operation = mapper.createObjectNode().put("op", op).put("path", path);
        if (value != null) {
            operation.set("value", mapper.readTree(value));
        }
        JsonNode result = JsonPatch.apply(mapper.createArrayNode().add(operation), target);
        rendering.set(rendering.indexOf(target), (ObjectNode) result);
        return rendering;
    }

    private static ObjectNode find(List<ObjectNode> rendering, String kind) {
        return rendering.stream().filter(resource -> resource.path("kind").asString().equals(kind)).findFirst().orElseThrow();
    }
}
