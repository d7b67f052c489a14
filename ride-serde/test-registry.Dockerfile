# syntax=docker/dockerfile:1
#
# Image of FakeSchemaRegistry (ride-serde's tests), the stand-in for Confluent's Schema Registry in the project's
# container test (compose.podman.yaml), on machines that cannot pull Confluent's image. It speaks the registry's REST
# protocol and enforces its compatibility rules for JSON Schema; schemas live in memory. Not for users: compose.yaml
# runs Confluent's registry. Built from the repository root:
#   docker build -f ride-serde/test-registry.Dockerfile -t ride-stream/test-schema-registry .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl ride-serde -am -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
    && mkdir -p /registry \
    && cp -r ride-serde/target/classes ride-serde/target/test-classes ride-serde/target/dependency /registry/

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 registry \
    && useradd --system --uid 10001 --gid registry --no-create-home --shell /usr/sbin/nologin registry
WORKDIR /app
COPY --from=build /registry/ ./
USER 10001:10001
EXPOSE 8081
ENTRYPOINT ["java", "-cp", "/app/classes:/app/test-classes:/app/dependency/*", "io.ridestream.serde.registry.FakeSchemaRegistry", "8081"]
