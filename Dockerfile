# syntax=docker/dockerfile:1
#
# Image of either service, built from the repository root as a user would:
#   docker build --build-arg SERVICE=ride-producer-service -t ride-stream/ride-producer-service .
#   docker build --build-arg SERVICE=ride-consumer-service -t ride-stream/ride-consumer-service .
# (compose.yaml does this.) Configuration comes from the environment, e.g. SPRING_KAFKA_BOOTSTRAP_SERVERS.
#
# The build stage takes the whole repository (.dockerignore leaves out builds and logs), so that no list of modules
# here can drift from the parent pom's. The run stage holds Spring Boot's layers (dependencies change less often
# than the application, so image updates ship less) and a class data sharing archive recorded at build time, which
# halves the start-up; it runs as a non-root user with java as PID 1.

FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /workspace
COPY . .
# The Maven repository survives between builds (BuildKit and podman cache mounts), so only what changed is
# downloaded again. Tests are compiled (they are part of the reactor) but not run: the build of the image is not
# the place for them.
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" || { echo "Set --build-arg SERVICE=ride-producer-service or ride-consumer-service" >&2; exit 1; }; \
    ./mvnw -B -q -pl "$SERVICE" -am -DskipTests package \
    && java -Djarmode=tools -jar "$SERVICE"/target/"$SERVICE"-*-exec.jar extract --layers --destination /workspace/layers \
    && mv /workspace/layers/application/"$SERVICE"-*-exec.jar /workspace/layers/application/application.jar

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN groupadd --system --gid 10001 ridestream \
    && useradd --system --uid 10001 --gid ridestream --no-create-home --shell /usr/sbin/nologin ridestream
WORKDIR /app
COPY --from=build /workspace/layers/dependencies/ ./
COPY --from=build /workspace/layers/spring-boot-loader/ ./
COPY --from=build /workspace/layers/snapshot-dependencies/ ./
COPY --from=build /workspace/layers/application/ ./
# A training run records the classes the service loads up to a refreshed context (Spring Boot's documented way);
# Kafka is not needed: nothing connects before the context is ready.
RUN java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar \
      --server.port=0 --spring.kafka.bootstrap-servers=127.0.0.1:1 --spring.kafka.admin.auto-create=false \
      --spring.kafka.listener.auto-startup=false >/tmp/training.log 2>&1 \
    || { cat /tmp/training.log >&2; exit 1; }; \
    test -s application.jsa && rm /tmp/training.log
USER 10001:10001
# The services listen on 127.0.0.1 by default; in a container that would be unreachable through a published port.
ENV SERVER_ADDRESS=0.0.0.0
# java is PID 1, so "docker stop" (SIGTERM) reaches Spring Boot's graceful shutdown. JVM flags: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/application.jsa", "-XX:MaxRAMPercentage=75", "-jar", "/app/application.jar"]
