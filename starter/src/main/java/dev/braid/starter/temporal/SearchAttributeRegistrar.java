package dev.braid.starter.temporal;

import dev.braid.deploy.DevServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure braid's search attributes exist on a cluster: the run workflow upserts them, and a
 * workflow task that upserts an unknown attribute fails. The embedded dev server gets them at
 * start.
 */
public final class SearchAttributeRegistrar {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private SearchAttributeRegistrar() {}

  /** Adds the missing attributes; says how to add them by hand when not allowed to. */
  public static void ensure(Connection connection) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(connection.stubs().getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      Set<String> existing =
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .build())
              .getCustomAttributesMap()
              .keySet();
      Map<String, IndexedValueType> missing = new HashMap<>();
      Map<String, String> wanted = new HashMap<>(DevServer.SEARCH_ATTRIBUTES);
      wanted.putAll(StarterSearchAttributes.ALL);
      wanted.forEach(
          (name, type) -> {
            if (!existing.contains(name)) {
              missing.put(
                  name,
                  "Int".equalsIgnoreCase(type)
                      ? IndexedValueType.INDEXED_VALUE_TYPE_INT
                      : IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
            }
          });
      if (!missing.isEmpty()) {
        operator
            .blockingStub()
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(connection.namespace())
                    .putAllSearchAttributes(missing)
                    .build());
        log.info("added search attributes {}", missing.keySet());
      }
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.ALREADY_EXISTS) {
        return;
      }
      if (code != Status.Code.PERMISSION_DENIED) {
        // Nothing answered, the namespace is missing, or the credentials were refused: no
        // operator command helps there, and each has its own message.
        throw ConnectionProbe.unusable(e, connection, true);
      }
      throw new IllegalStateException(
          "not allowed to register braid's search attributes in namespace "
              + connection.namespace()
              + " ("
              + code
              + "); ask an operator to run, one attribute per call (the CLI registers only the"
              + " first of several --name): "
              + createCommands(connection.namespace()),
          e);
    } finally {
      operator.shutdown();
    }
  }

  /** The CLI calls that create every attribute braid uses, joined with {@code &&}. */
  static String createCommands(String namespace) {
    Map<String, String> all = new java.util.TreeMap<>(DevServer.SEARCH_ATTRIBUTES);
    all.putAll(StarterSearchAttributes.ALL);
    return all.entrySet().stream()
        .map(
            a ->
                "temporal operator search-attribute create --namespace "
                    + namespace
                    + " --name "
                    + a.getKey()
                    + " --type "
                    + a.getValue())
        .collect(java.util.stream.Collectors.joining(" && "));
  }
}
