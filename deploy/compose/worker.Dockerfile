# A braid worker image. Build from the root of a braid checkout whose jar is built
# (mvn -B -DskipTests package); see deploy/README.md.
#
# It holds git and python3, which the scripted agent and the demo need. A real agent (Claude Code,
# say) and its login are yours to add, in an image built FROM this one.
FROM eclipse-temurin:17-jre

RUN apt-get update \
  && apt-get install -y --no-install-recommends git python3 \
  && rm -rf /var/lib/apt/lists/*

ENV BRAID_HOME=/opt/braid
COPY starter/target/braid.jar /opt/braid/braid.jar
COPY agents/ /opt/braid/agents/

# The repositories the worker's tasks run in; a volume, so worktrees survive a restart.
WORKDIR /work
ENTRYPOINT ["java", "-jar", "/opt/braid/braid.jar"]
CMD ["worker"]
