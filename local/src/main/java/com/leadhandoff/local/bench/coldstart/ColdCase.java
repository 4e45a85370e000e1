package com.leadhandoff.local.bench.coldstart;

import java.nio.file.Path;
import java.util.Map;

/**
 * One row of {@link ColdStartBenchmark}: a handler started in a fresh JVM.
 *
 * @param name how the row is labelled (the template's logical id, or a baseline's name)
 * @param handlerClass the class the JVM loads and builds
 * @param code the deployment package on the classpath (the function's CodeUri)
 * @param event the event file of each run's first invocation
 * @param environment the function's environment (the template's variables, Lambda's own, the local
 *     endpoints)
 */
record ColdCase(
    String name, String handlerClass, Path code, Fixture event, Map<String, String> environment) {}
