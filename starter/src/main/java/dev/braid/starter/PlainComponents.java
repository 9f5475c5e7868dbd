package dev.braid.starter;

import jakarta.annotation.PreDestroy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * braid's components wired by hand, for the commands that only read: starting Spring Boot's context
 * costs more than such a command's whole work (see docs/BENCHMARKS.md). It honours the same
 * annotations Spring does, so both wirings build the same objects: a {@code @Component} is made
 * once through its constructor, anything else (commands, mixins) anew each time, and the
 * components' {@code @PreDestroy} methods run on {@link #close()}, newest first.
 */
public final class PlainComponents implements CommandLine.IFactory, AutoCloseable {
  private final Map<Class<?>, Object> components = new LinkedHashMap<>();

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (!type.isAnnotationPresent(Component.class)) {
      return construct(type);
    }
    Object made = components.get(type);
    if (made == null) {
      made = construct(type);
      components.put(type, made);
    }
    return type.cast(made);
  }

  private <K> K construct(Class<K> type) throws Exception {
    Constructor<?>[] constructors = type.getConstructors();
    if (!type.getName().startsWith("dev.braid.") || constructors.length != 1) {
      // picocli's own types, and braid's with a no-argument constructor.
      return CommandLine.defaultFactory().create(type);
    }
    Constructor<?> constructor = constructors[0];
    Object[] arguments = new Object[constructor.getParameterCount()];
    Class<?>[] parameters = constructor.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      arguments[i] = create(parameters[i]);
    }
    return type.cast(constructor.newInstance(arguments));
  }

  /** Closes the components the way Spring would at the end of its context. */
  @Override
  public void close() {
    List<Object> made = new ArrayList<>(components.values());
    Collections.reverse(made);
    for (Object component : made) {
      for (Method method : component.getClass().getDeclaredMethods()) {
        if (method.isAnnotationPresent(PreDestroy.class)) {
          try {
            method.setAccessible(true);
            method.invoke(component);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot close " + component.getClass().getName(), e);
          }
        }
      }
    }
    components.clear();
  }
}
