package dev.braid.starter.transcript;

/** Plan messages in the format Contextune's /ctx:plan has the model write. */
public final class PlanTexts {
  private PlanTexts() {}

  /** A two-task plan, b depending on a, with the template's sections around it. */
  public static String twoTasks(String name) {
    return """
        # Implementation Plan: %s

        **Type:** Plan
        **Status:** Ready
        **Created:** 20261202-001500

        ---

        ## Overview

        Two small tasks.

        ---

        ## Plan Structure

        ```yaml
        metadata:
          name: "%s"
          created: "20261202-001500"
          status: "ready"

        # Task index
        tasks:
          - id: "task-0"
            name: "Write a"
            file: "tasks/task-0.md"
            priority: "blocker"
            dependencies: []
          - id: "task-1"
            name: "Write b"
            file: "tasks/task-1.md"
            priority: "high"
            dependencies: ["task-0"]
        success_criteria:
          - "All tasks complete"
        ```

        ---

        ## Task Details

        ### Task 0: Write a

        ```yaml
        id: task-0
        priority: blocker
        status: pending
        dependencies: []
        labels: [parallel-execution]
        ```

        ## 🎯 Objective

        Write a.txt.

        ```python
        # Task 9: not a heading, a comment in code
        print("a")
        ```

        ---

        ### Task 1: Write b

        ```yaml
        id: task-1
        priority: high
        status: pending
        dependencies:
          - task-0
        ```

        ## 🎯 Objective

        Write b.txt after a.

        ---

        ## References

        - docs/ARCHITECTURE.md
        """
        .formatted(name, name);
  }
}
