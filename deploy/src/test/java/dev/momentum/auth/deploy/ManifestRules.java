package dev.momentum.auth.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a rendering of deploy/kubernetes must satisfy (ADR-0060): every object is one the
 * Kubernetes API knows, with no field it does not know (fabric8's model, generated from the
 * API's schema, decoded as strictly as the API server's field validation), and the rules that keep
 * the service safe and available. {@link #check} answers every problem, one line each.
 */
final class ManifestRules {

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    /** The longest the server takes for requests in flight once it stops accepting (application.properties). */
    private static final Duration DRAIN = Duration.ofSeconds(8);

    private final List<String> problems = new ArrayList<>();
    private final List<HasMetadata> objects = new ArrayList<>();

    private ManifestRules() {
    }

    static List<String> check(List<ObjectNode> rendering) {
        ManifestRules rules = new ManifestRules();
        rendering.forEach(rules::decode);
        rules.checkObjects();
        return rules.problems;
    }

    private void decode(ObjectNode document) {
        String name = document.path("kind").asString() + "/" + document.path("metadata").path("name").asString();
        try {
            Object decoded = KUBERNETES.unmarshal(document.toString());
            if (!(decoded instanceof HasMetadata object) || decoded.getClass().getSimpleName().equals("GenericKubernetesResource")) {
                problems.add(name + ": not a kind the Kubernetes API knows (" + document.path("apiVersion").asString() + ")");
                return;
            }
            unknownFields(decoded, name);
            objects.add(object);
        } catch (RuntimeException e) {
            problems.add(name + ": does not decode as the Kubernetes API's schema: " + e.getMessage());
        }
    }

    /** fabric8's classes keep a field the schema lacks in additionalProperties: there, it is a typo or a wrong level. */
    private void unknownFields(Object node, String path) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]");
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": fields the Kubernetes API does not know: " + extra.keySet());
                    }
                } else {
                    unknownFields(value, path + "." + Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private <T> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private void checkObjects() {
        List<Deployment> deployments = all(Deployment.class);
        if (deployments.isEmpty()) {
            problems.add("no Deployment");
        }
        deployments.forEach(this::checkDeployment);
    }

    private void checkDeployment(Deployment deployment) {
        String name = "Deployment/" + deployment.getMetadata().getName();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        if (!selects(deployment.getSpec().getSelector(), podLabels)) {
            problems.add(name + ": its selector does not select its own pods");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(name + ": mounts a service account token it never uses");
        }
        if (pod.getTopologySpreadConstraints().isEmpty()) {
            problems.add(name + ": no topology spread constraint (replicas may share one node)");
        }
        Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                .forEach(container -> checkContainer(name, pod, container));
        pod.getContainers().forEach(container -> checkProbes(name, container));
        checkMigration(name, pod);
        checkShutdown(name, pod);
        checkConfiguration(name, pod);
        checkScrape(name, deployment);
        checkCompanions(name, deployment, podLabels);
    }

    private void checkContainer(String deployment, PodSpec pod, Container container) {
        String name = deployment + " container " + container.getName();
        SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
        boolean nonRoot = Boolean.TRUE.equals(security.getRunAsNonRoot())
                || (security.getRunAsNonRoot() == null && pod.getSecurityContext() != null
                && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()));
        if (!nonRoot || Long.valueOf(0).equals(security.getRunAsUser())) {
            problems.add(name + ": may run as root (runAsNonRoot)");
        }
        if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation()) || Boolean.TRUE.equals(security.getPrivileged())) {
            problems.add(name + ": may escalate privileges");
        }
        if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            problems.add(name + ": its root filesystem is writable");
        }
        if (security.getCapabilities() == null || !security.getCapabilities().getDrop().contains("ALL")
                || !security.getCapabilities().getAdd().isEmpty()) {
            problems.add(name + ": keeps Linux capabilities (drop ALL, add none)");
        }
        var resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
            if (resources == null || !resources.getRequests().containsKey(resource)) {
                problems.add(name + ": no " + resource + " request");
            }
            if (resources == null || !resources.getLimits().containsKey(resource)) {
                problems.add(name + ": no " + resource + " limit");
            }
        }
        String image = Objects.requireNonNullElse(container.getImage(), "");
        if (!image.contains(":") || image.endsWith(":latest")) {
            problems.add(name + ": image '" + image + "' has no pinned tag");
        }
    }

    private void checkProbes(String deployment, Container container) {
        String name = deployment + " container " + container.getName();
        Map<String, Probe> probes = new java.util.LinkedHashMap<>();
        probes.put("readiness", container.getReadinessProbe());
        probes.put("liveness", container.getLivenessProbe());
        probes.put("startup", container.getStartupProbe());
        probes.forEach((kind, probe) -> {
            if (probe == null || probe.getHttpGet() == null) {
                problems.add(name + ": no " + kind + " probe");
            } else if (!namesAPort(container, probe.getHttpGet().getPort().getStrVal(), probe.getHttpGet().getPort().getIntVal())) {
                problems.add(name + ": the " + kind + " probe's port is none of the container's");
            }
        });
        if (container.getReadinessProbe() != null && container.getReadinessProbe().getHttpGet() != null
                && !"/readyz".equals(container.getReadinessProbe().getHttpGet().getPath())) {
            problems.add(name + ": readiness is not asked of /readyz");
        }
    }

    private static boolean namesAPort(Container container, String name, Integer number) {
        return container.getPorts().stream().anyMatch(port -> port.getName() != null && port.getName().equals(name)
                || port.getContainerPort().equals(number));
    }

    /** The image's own migrate runs before the server, which then skips it. */
    private void checkMigration(String deployment, PodSpec pod) {
        Container server = pod.getContainers().getFirst();
        boolean migrates = pod.getInitContainers().stream().anyMatch(init -> init.getArgs().equals(List.of("migrate"))
                && Objects.equals(init.getImage(), server.getImage()));
        if (!migrates) {
            problems.add(deployment + ": no init container runs the same image's migrate");
        }
        if (!"true".equals(env(server, "AUTH_SKIP_MIGRATIONS"))) {
            problems.add(deployment + ": the server migrates again at start (AUTH_SKIP_MIGRATIONS)");
        }
    }

    /** SHUTDOWN_DELAY, then the drain, both within the grace period: otherwise the kubelet kills requests in flight. */
    private void checkShutdown(String deployment, PodSpec pod) {
        String delay = env(pod.getContainers().getFirst(), "SHUTDOWN_DELAY");
        if (delay == null || !delay.matches("\\d+s")) {
            problems.add(deployment + ": no SHUTDOWN_DELAY in seconds: a rolling update sends requests to a stopping pod");
            return;
        }
        long grace = Optional.ofNullable(pod.getTerminationGracePeriodSeconds()).orElse(30L);
        long needed = Long.parseLong(delay.replace("s", "")) + DRAIN.toSeconds();
        if (grace <= needed) {
            problems.add(deployment + ": terminationGracePeriodSeconds " + grace + " does not cover SHUTDOWN_DELAY and the drain ("
                    + needed + " s)");
        }
    }

    private void checkConfiguration(String deployment, PodSpec pod) {
        List<String> configMaps = all(ConfigMap.class).stream().map(map -> map.getMetadata().getName()).toList();
        pod.getContainers().getFirst().getEnvFrom().forEach(source -> {
            if (source.getConfigMapRef() != null && !configMaps.contains(source.getConfigMapRef().getName())) {
                problems.add(deployment + ": reads ConfigMap " + source.getConfigMapRef().getName() + ", which is not here");
            }
        });
        boolean fromSecret = pod.getContainers().getFirst().getEnvFrom().stream().anyMatch(source -> source.getSecretRef() != null);
        if (!fromSecret) {
            problems.add(deployment + ": takes no configuration from a Secret");
        }
    }

    private void checkScrape(String deployment, Deployment object) {
        Map<String, String> annotations = object.getSpec().getTemplate().getMetadata().getAnnotations();
        Container server = object.getSpec().getTemplate().getSpec().getContainers().getFirst();
        if (!"true".equals(annotations.get("prometheus.io/scrape")) || !"/metrics".equals(annotations.get("prometheus.io/path"))) {
            problems.add(deployment + ": Prometheus is not told to scrape /metrics");
        }
        String port = annotations.get("prometheus.io/port");
        if (port == null || !port.equals(env(server, "MANAGEMENT_PORT"))
                || !namesAPort(server, null, Integer.valueOf(port))) {
            problems.add(deployment + ": the scrape port is not the management port the container serves");
        }
    }

    private void checkCompanions(String deployment, Deployment object, Map<String, String> podLabels) {
        String name = object.getMetadata().getName();
        Container server = object.getSpec().getTemplate().getSpec().getContainers().getFirst();
        if (all(Service.class).stream().noneMatch(service -> selects(service.getSpec().getSelector(), podLabels)
                && service.getSpec().getPorts().stream().allMatch(port -> namesAPort(server,
                port.getTargetPort().getStrVal(), port.getTargetPort().getIntVal())))) {
            problems.add(deployment + ": no Service selects its pods on a port they serve");
        }
        if (all(PodDisruptionBudget.class).stream().noneMatch(budget -> selects(budget.getSpec().getSelector(), podLabels))) {
            problems.add(deployment + ": no PodDisruptionBudget covers its pods");
        }
        if (all(HorizontalPodAutoscaler.class).stream().noneMatch(scaler -> "Deployment".equals(scaler.getSpec().getScaleTargetRef().getKind())
                && name.equals(scaler.getSpec().getScaleTargetRef().getName()) && scaler.getSpec().getMinReplicas() != null
                && scaler.getSpec().getMinReplicas() >= 2)) {
            problems.add(deployment + ": no HorizontalPodAutoscaler keeps two or more of it");
        }
        if (all(NetworkPolicy.class).stream().noneMatch(policy -> selects(policy.getSpec().getPodSelector(), podLabels)
                && policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))) {
            problems.add(deployment + ": no NetworkPolicy limits its pods' traffic both ways");
        }
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && selector.getMatchExpressions().isEmpty() && selects(selector.getMatchLabels(), labels);
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(variable -> variable.getName().equals(name))
                .map(EnvVar::getValue).findFirst().orElse(null);
    }
}
