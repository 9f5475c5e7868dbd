package dev.braid.starter.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/compose/docker-compose.yml}, read as data: its braid workers (the services built
 * from the worker image), so that tests check the file and run its topology as processes.
 */
public final class ComposeFile {
  /** The compose file of the braid checkout under test. */
  public static final Path PATH = BraidLauncher.HOME.resolve("deploy/compose/docker-compose.yml");

  /** The image every braid worker service is built from, relative to the build context. */
  public static final String WORKER_DOCKERFILE = "deploy/compose/worker.Dockerfile";

  private final Map<String, Object> root;

  private ComposeFile(Map<String, Object> root) {
    this.root = root;
  }

  /** Parses the file; fails on anything that is not a YAML mapping. */
  public static ComposeFile read(Path file) throws IOException {
    Object parsed = new Yaml().load(Files.readString(file));
    if (!(parsed instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(file + " is not a YAML mapping");
    }
    return new ComposeFile(map(parsed, file.toString()));
  }

  /** Every service, by name, as parsed. */
  public Map<String, Map<String, Object>> services() {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    map(root.get("services"), "services").forEach((name, s) -> services.put(name, map(s, name)));
    return services;
  }

  /** The top-level named volumes. */
  public List<String> volumes() {
    Object volumes = root.get("volumes");
    return volumes == null ? List.of() : List.copyOf(map(volumes, "volumes").keySet());
  }

  /** The services built from {@link #WORKER_DOCKERFILE}, in the file's order. */
  public List<Worker> workers() {
    List<Worker> workers = new ArrayList<>();
    services()
        .forEach(
            (name, service) -> {
              Object build = service.get("build");
              if (build instanceof Map<?, ?> b && WORKER_DOCKERFILE.equals(b.get("dockerfile"))) {
                workers.add(Worker.of(name, service));
              }
            });
    return workers;
  }

  /**
   * One braid worker service.
   *
   * @param service the service's name
   * @param command its command (the arguments after the image's entry point)
   * @param environment its environment, values as written
   * @param mounts its volume mounts, source to target, in order
   * @param stopGracePeriod its {@code stop_grace_period} as written, or null
   */
  public record Worker(
      String service,
      List<String> command,
      Map<String, String> environment,
      Map<String, String> mounts,
      String stopGracePeriod) {

    static Worker of(String name, Map<String, Object> service) {
      List<String> command = new ArrayList<>();
      Object c = service.get("command");
      if (c instanceof List<?> list) {
        list.forEach(a -> command.add(String.valueOf(a)));
      } else if (c != null) {
        command.addAll(List.of(String.valueOf(c).trim().split("\\s+")));
      }
      Map<String, String> environment = new LinkedHashMap<>();
      Object env = service.get("environment");
      if (env != null) {
        map(env, name + ".environment")
            .forEach((k, v) -> environment.put(k, v == null ? null : String.valueOf(v)));
      }
      Map<String, String> mounts = new LinkedHashMap<>();
      Object volumes = service.get("volumes");
      if (volumes instanceof List<?> list) {
        for (Object v : list) {
          String[] parts = String.valueOf(v).split(":");
          mounts.put(parts[0], parts.length > 1 ? parts[1] : parts[0]);
        }
      }
      Object grace = service.get("stop_grace_period");
      return new Worker(
          name, command, environment, mounts, grace == null ? null : String.valueOf(grace));
    }

    /**
     * This service's environment on this machine: its checkout's mount target becomes {@code
     * checkoutRoot}, and {@code TEMPORAL_ADDRESS} the given server's. Only the mount of the volume
     * that holds {@code BRAID_REPO} is translated; every other value is the file's.
     */
    public Map<String, String> environmentOn(Path checkoutRoot, String temporalAddress) {
      Map<String, String> env = new LinkedHashMap<>(environment);
      env.put("TEMPORAL_ADDRESS", temporalAddress);
      String repo = environment.get("BRAID_REPO");
      String mount = checkoutMount();
      env.put(
          "BRAID_REPO", checkoutRoot.resolve(Path.of(mount).relativize(Path.of(repo))).toString());
      return env;
    }

    /** The mount target that holds {@code BRAID_REPO}; fails when there is none. */
    public String checkoutMount() {
      String repo = environment.get("BRAID_REPO");
      if (repo == null) {
        throw new IllegalStateException(service + " sets no BRAID_REPO");
      }
      return mounts.values().stream()
          .filter(target -> Path.of(repo).startsWith(Path.of(target)))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      service + "'s BRAID_REPO " + repo + " is in none of its volumes " + mounts));
    }

    /** The volume mounted at {@link #checkoutMount()}. */
    public String checkoutVolume() {
      String mount = checkoutMount();
      return mounts.entrySet().stream()
          .filter(e -> e.getValue().equals(mount))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElseThrow();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(what + " is not a mapping: " + value);
    }
    return (Map<String, Object>) value;
  }
}
