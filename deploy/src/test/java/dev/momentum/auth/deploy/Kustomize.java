package dev.momentum.auth.deploy;

import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The part of kustomize that deploy/kubernetes uses, to render it where no kustomize binary can
 * be installed (ADR-0060): {@code resources} (files and directories), {@code namespace},
 * {@code images} and JSON 6902 {@code patches} with a kind and name target, applied in
 * kustomize's order. A kustomization with any other field is refused rather than half-rendered,
 * so a new feature in the manifests cannot slip past the checks unrendered.
 */
final class Kustomize {

    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Kustomize() {
    }

    static List<ObjectNode> build(Path directory) {
        JsonNode kustomization = read(directory.resolve("kustomization.yaml")).getFirst();
        kustomization.propertyNames().forEach(field -> {
            if (!UNDERSTOOD.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomization field '" + field
                        + "' is not rendered by this check; teach Kustomize.java first");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asString()).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(build(resource));
            } else {
                read(resource).forEach(document -> resources.add((ObjectNode) document));
            }
        }
        if (kustomization.hasNonNull("namespace")) {
            resources.forEach(resource -> ((ObjectNode) resource.path("metadata"))
                    .put("namespace", kustomization.get("namespace").asString()));
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(resource -> setImage(resource, image));
        }
        List<ObjectNode> patched = new ArrayList<>();
        for (ObjectNode resource : resources) {
            JsonNode result = resource;
            for (JsonNode patch : kustomization.path("patches")) {
                if (targets(patch.path("target"), resource)) {
                    JsonNode operations = patch.hasNonNull("path")
                            ? read(directory.resolve(patch.get("path").asString())).getFirst()
                            : YAML.readTree(patch.get("patch").asString());
                    result = JsonPatch.apply(operations, result);
                }
            }
            patched.add((ObjectNode) result);
        }
        return patched;
    }

    private static boolean targets(JsonNode target, JsonNode resource) {
        return target.path("kind").asString().equals(resource.path("kind").asString())
                && target.path("name").asString().equals(resource.path("metadata").path("name").asString());
    }

    /** kustomize's images transformer: a container image named {@code name}, with or without a tag, gets the new name and tag. */
    private static void setImage(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            JsonNode current = node.get("image");
            if (current != null && current.isString() && nameOf(current.asString()).equals(image.path("name").asString())) {
                String name = image.hasNonNull("newName") ? image.get("newName").asString() : nameOf(current.asString());
                String tag = image.hasNonNull("newTag") ? ":" + image.get("newTag").asString() : "";
                ((ObjectNode) node).put("image", name + tag);
            }
        }
        node.forEach(child -> setImage(child, image));
    }

    private static String nameOf(String image) {
        int digest = image.indexOf('@');
        String withoutDigest = digest < 0 ? image : image.substring(0, digest);
        int tag = withoutDigest.lastIndexOf(':');
        return tag > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, tag) : withoutDigest;
    }

    static List<JsonNode> read(Path file) {
        try (var parser = YAML.createParser(Files.readString(file))) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
