package org.consilium.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart in {@code helm/consilium}, linted and rendered by real Helm (helm-java's native library), with
 * the provincial example values; the manifests are read back as Kubernetes objects.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm/consilium");
    private static final Path PROVINCE = CHART.resolve("examples/province.yaml");
    private static final Set<String> SECRET_VALUES = Set.of("example-db-password", "example-keycloak-admin-secret",
            "example-s3-access-key", "example-s3-secret-key");
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static List<HasMetadata> rendered;

    @BeforeAll
    static void render() throws Exception {
        rendered = parse(new Helm(CHART).template().withName("mdt").withNamespace("consilium")
                .withValuesFile(PROVINCE).call());
    }

    @Test
    void lintsCleanWithTheProvincialValues() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        // lint uses values.yaml alone, whose required settings are empty: helm reports them, nothing else
        List<String> problems = lint.getMessages().stream()
                .filter(m -> !m.contains("is required") && !m.contains("1 chart(s) linted"))
                .filter(m -> m.contains("[ERROR]") || m.contains("[WARNING]")).toList();
        assertTrue(problems.isEmpty(), String.join("\n", lint.getMessages()));
    }

    @Test
    void renderingWithoutARequiredSettingFailsNamingIt() {
        Exception e = assertThrows(Exception.class, () -> new Helm(CHART).template().withName("mdt")
                .set("database.password", "p").set("keycloak.adminClientSecret", "k").call());
        assertTrue(e.getMessage().contains("database.url is required"), e.getMessage());
    }

    @Test
    void theDeploymentRunsReplicasWithHealthProbesAsNonRootOnAReadOnlyRoot() {
        Deployment d = one(Deployment.class);
        assertEquals("mdt-consilium", d.getMetadata().getName());
        assertEquals(null, d.getSpec().getReplicas(), "the autoscaler owns the replica count");
        assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(), "one replica at a time");
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertTrue(pod.getSecurityContext().getRunAsUser() > 0);
        assertFalse(pod.getAutomountServiceAccountToken());
        assertEquals(2, pod.getTopologySpreadConstraints().size());
        Container c = pod.getContainers().get(0);
        assertEquals("harbor.zj-cancer.example/consilium/consilium:0.1.0", c.getImage());
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
        assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals(Map.of("http", 8080, "dicom", 11112, "dicom-tls", 2762), c.getPorts().stream()
                .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort())));
        assertEquals(Set.of("/data", "/tmp"), c.getVolumeMounts().stream().filter(m -> !Boolean.TRUE.equals(m.getReadOnly()))
                .map(m -> m.getMountPath()).collect(Collectors.toSet()), "the only writable paths");
        assertEquals("zj-consilium-dicom-tls", pod.getVolumes().stream().filter(v -> v.getName().equals("dicom-tls"))
                .findFirst().orElseThrow().getSecret().getSecretName(), "the DICOM TLS key pair from its Secret");
        assertNotNull(c.getLifecycle().getPreStop().getSleep(), "a pause before SIGTERM while endpoints drop the pod");
    }

    @Test
    void theServersDrainFitsInThePodsGraceAfterThePreStopPause() {
        PodSpec pod = one(Deployment.class).getSpec().getTemplate().getSpec();
        long podGrace = pod.getTerminationGracePeriodSeconds();
        long pause = pod.getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds();
        String drain = serverSettings().getData().get("CONSILIUM_SHUTDOWN_GRACE");
        assertEquals((podGrace - pause - 10) + "s", drain, "associations may run until 10 s before SIGKILL");
    }

    @Test
    void secretsReachTheServerOnlyThroughTheSecret() throws Exception {
        Container c = one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        Secret secret = one(Secret.class);
        for (String variable : List.of("CONSILIUM_DB_PASSWORD", "CONSILIUM_KEYCLOAK_ADMIN_SECRET",
                "CONSILIUM_S3_ACCESS_KEY", "CONSILIUM_S3_SECRET_KEY")) {
            EnvVar env = c.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst().orElseThrow();
            assertEquals(secret.getMetadata().getName(), env.getValueFrom().getSecretKeyRef().getName(), variable);
            assertTrue(secret.getStringData().containsKey(env.getValueFrom().getSecretKeyRef().getKey()), variable);
        }
        assertEquals(SECRET_VALUES, Set.copyOf(secret.getStringData().values()));
        String everythingElse = JSON.writeValueAsString(rendered.stream().filter(o -> !(o instanceof Secret)).toList());
        for (String value : SECRET_VALUES) {
            assertFalse(everythingElse.contains(value), value + " appears outside the Secret");
        }
        ConfigMap config = serverSettings();
        assertEquals("s3", config.getData().get("CONSILIUM_BLOB_STORE"));
        assertEquals("consilium-blobs", config.getData().get("CONSILIUM_S3_BUCKET"));
        assertEquals("https://id.zj-cancer.example/realms/consilium", config.getData().get("CONSILIUM_OIDC_URL"));
        assertEquals("ZJ_CONSILIUM", config.getData().get("CONSILIUM_AE_TITLE"));
        assertEquals("/etc/consilium/dicom-tls/tls.key", config.getData().get("CONSILIUM_DICOM_TLS_KEY"));
    }

    @Test
    void anExistingSecretReplacesTheChartsOwn() throws Exception {
        List<HasMetadata> objects = parse(new Helm(CHART).template().withName("mdt").withValuesFile(PROVINCE)
                .set("existingSecret", "zj-consilium-credentials").call());
        assertTrue(objects.stream().noneMatch(o -> o instanceof Secret));
        Container c = objects.stream().filter(o -> o instanceof Deployment).map(Deployment.class::cast).findFirst()
                .orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .allMatch(e -> e.getValueFrom().getSecretKeyRef().getName().equals("zj-consilium-credentials")));
    }

    @Test
    void httpGoesThroughTheIngressWithWebSocketTimeoutsAndDicomThroughItsOwnService() {
        Ingress ingress = one(Ingress.class);
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"));
        assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout"));
        assertEquals("0", annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"), "STOW-RS bodies are streamed");
        assertEquals("mdt.zj-cancer.example", ingress.getSpec().getRules().get(0).getHost());
        assertEquals("mdt-zj-cancer-tls", ingress.getSpec().getTls().get(0).getSecretName());

        Map<String, Service> services = all(Service.class).stream()
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        ServicePort http = services.get("mdt-consilium").getSpec().getPorts().get(0);
        assertEquals("http", http.getTargetPort().getStrVal());
        Service dicom = services.get("mdt-consilium-dicom");
        assertEquals("LoadBalancer", dicom.getSpec().getType());
        assertEquals(List.of(11112, 2762), dicom.getSpec().getPorts().stream().map(ServicePort::getPort).toList());
        assertEquals(List.of("10.20.0.0/16"), dicom.getSpec().getLoadBalancerSourceRanges());
    }

    @Test
    void disruptionsAndScalingKeepAtLeastTwoReplicas() {
        assertEquals(1, one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal());
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertEquals(3, hpa.getSpec().getMinReplicas());
        assertEquals(8, hpa.getSpec().getMaxReplicas());
        assertEquals("mdt-consilium", hpa.getSpec().getScaleTargetRef().getName());
    }

    @Test
    void theNetworkPolicyAdmitsHttpFromTheIngressControllerAndDicomFromTheCounties() {
        NetworkPolicy policy = one(NetworkPolicy.class);
        assertEquals(2, policy.getSpec().getIngress().size());
        assertEquals("ingress-nginx", policy.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector()
                .getMatchLabels().get("kubernetes.io/metadata.name"));
        assertEquals("10.20.0.0/16", policy.getSpec().getIngress().get(1).getFrom().get(0).getIpBlock().getCidr());
        assertEquals(List.of("dicom", "dicom-tls"), policy.getSpec().getIngress().get(1).getPorts().stream()
                .map(p -> p.getPort().getStrVal()).toList());
    }

    @Test
    void theServiceMonitorScrapesTheMetricsEndpoint() {
        GenericKubernetesResource monitor = all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("ServiceMonitor")).findFirst().orElseThrow();
        var endpoint = JSON.valueToTree(monitor).path("spec").path("endpoints").path(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertEquals("http", endpoint.path("port").asText());
    }

    @Test
    void logsAreJsonAndTracesGoToTheCollectorNamedInTheValues() {
        ConfigMap config = serverSettings();
        assertEquals("true", config.getData().get("CONSILIUM_LOG_JSON"));
        assertEquals("false", config.getData().get("CONSILIUM_OTEL_SDK_DISABLED"));
        assertEquals("http://otel-collector.monitoring:4317", config.getData().get("CONSILIUM_OTEL_ENDPOINT"));
    }

    @Test
    void theGrafanaDashboardChartsOnlyMetricsTheServerDocuments() throws Exception {
        ConfigMap dashboard = all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("mdt-consilium-dashboard")).findFirst().orElseThrow();
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
        var json = JSON.readTree(dashboard.getData().get("consilium.json"));
        Set<String> charted = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("consilium_[a-z_]+").matcher(json.toString());
        while (m.find()) {
            charted.add(m.group().replaceAll("_(total|bucket|count|sum)$", ""));
        }
        String operations = java.nio.file.Files.readString(Path.of("docs/operations.md"));
        assertTrue(charted.size() >= 10, "charted: " + charted);
        for (String metric : charted) {
            assertTrue(operations.contains("`" + metric), metric + " is documented in docs/operations.md");
        }
    }

    /** The ConfigMap the server reads its environment from (the dashboard has its own). */
    private static ConfigMap serverSettings() {
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("mdt-consilium"))
                .findFirst().orElseThrow();
    }

    private static <T> T one(Class<T> type) {
        List<T> found = all(type);
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return found.get(0);
    }

    private static <T> List<T> all(Class<T> type) {
        return rendered.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "Secret", Secret.class, "Ingress", Ingress.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "NetworkPolicy", NetworkPolicy.class);

    /** Every document of {@code helm template}, as the model class of its kind (unknown kinds generic). */
    static List<HasMetadata> parse(String yaml) throws Exception {
        List<HasMetadata> out = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> docs = new YAMLMapper().readerForMapOf(Object.class).readValues(yaml)) {
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc == null || doc.isEmpty()) {
                    continue;
                }
                Class<? extends HasMetadata> type = KINDS.getOrDefault((String) doc.get("kind"), GenericKubernetesResource.class);
                out.add(JSON.convertValue(doc, type));
            }
        }
        return out;
    }
}
