package dev.cadet.parsers.internal.azure;

import dev.cadet.model.EventKind;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static dev.cadet.model.EventKind.COMMAND_EXECUTION;
import static dev.cadet.model.EventKind.COMMAND_RECON;
import static dev.cadet.model.EventKind.CREDENTIAL_CHANGE;
import static dev.cadet.model.EventKind.INTERACTIVE_SESSION;
import static dev.cadet.model.EventKind.OTHER;
import static dev.cadet.model.EventKind.PRIVILEGE_CHANGE;

/**
 * What each Azure Activity Log operation means for T1651: the Azure column of the architecture's kind table,
 * in one place. Operations are matched without case (diagnostic exports write them in capitals, the REST
 * API as documented); a known operation is reported in its documented spelling. An operation not listed is
 * {@link EventKind#OTHER}.
 */
final class AzureKinds {

    /** Where a command's document and text sit in the request body and resource id. */
    enum Shape {
        /** {@code runCommand/action}: body {@code {"commandId", "script": [...]}}. */
        RUN_COMMAND,
        /** Managed run commands {@code runCommands/write}: the resource name, body {@code properties.source}. */
        MANAGED_RUN_COMMAND,
        /** {@code extensions/write}: the handler type and its {@code settings}. */
        EXTENSION,
        /** Gallery application versions: install and remove commands, the package link. */
        GALLERY_APPLICATION,
        /** AKS {@code managedClusters/runCommand/action}: body {@code {"command": "kubectl ..."}}. */
        CLUSTER_COMMAND,
        NONE
    }

    /** The operation as documented, its kind, and where its command details are. */
    record Rule(String operation, EventKind kind, Shape shape) {
    }

    private static final Map<String, Rule> RULES = new HashMap<>();
    /** English display names ({@code localizedValue}) of the operations above, for exports that carry only those. */
    private static final Map<String, String> DISPLAY_NAMES = new HashMap<>();

    static {
        on(COMMAND_EXECUTION, Shape.RUN_COMMAND, "Microsoft.Compute/virtualMachines/runCommand/action",
                "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action");
        on(COMMAND_EXECUTION, Shape.MANAGED_RUN_COMMAND, "Microsoft.Compute/virtualMachines/runCommands/write",
                "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommands/write",
                "Microsoft.HybridCompute/machines/runCommands/write");
        on(COMMAND_EXECUTION, Shape.EXTENSION, "Microsoft.Compute/virtualMachines/extensions/write",
                "Microsoft.Compute/virtualMachineScaleSets/extensions/write",
                "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/extensions/write",
                "Microsoft.HybridCompute/machines/extensions/write");
        on(COMMAND_EXECUTION, Shape.GALLERY_APPLICATION, "Microsoft.Compute/galleries/applications/versions/write");
        on(COMMAND_EXECUTION, Shape.CLUSTER_COMMAND, "Microsoft.ContainerService/managedClusters/runCommand/action");

        on(INTERACTIVE_SESSION, Shape.NONE, "Microsoft.SerialConsole/serialPorts/connect/action");

        on(COMMAND_RECON, Shape.NONE, "Microsoft.Compute/virtualMachines/extensions/read",
                "Microsoft.Compute/virtualMachines/runCommands/read",
                "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommands/read",
                "Microsoft.HybridCompute/machines/extensions/read", "Microsoft.HybridCompute/machines/runCommands/read");

        on(PRIVILEGE_CHANGE, Shape.NONE, "Microsoft.Authorization/roleAssignments/write",
                "Microsoft.Authorization/elevateAccess/action", "Microsoft.Authorization/roleDefinitions/write");

        on(CREDENTIAL_CHANGE, Shape.NONE,
                "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/write");

        display("Run Command on Virtual Machine", "Microsoft.Compute/virtualMachines/runCommand/action");
        display("Create or Update Virtual Machine Extension", "Microsoft.Compute/virtualMachines/extensions/write");
        display("Create role assignment", "Microsoft.Authorization/roleAssignments/write");
    }

    private AzureKinds() {
    }

    /** The rule of an operation, or {@code null} for one not listed (its kind is {@link EventKind#OTHER}). */
    static Rule rule(String operation) {
        return RULES.get(operation.toLowerCase(Locale.ROOT));
    }

    static EventKind kindOf(String operation) {
        Rule rule = rule(operation);
        return rule == null ? OTHER : rule.kind();
    }

    /** The operation a known English display name stands for, or {@code null}. */
    static String byDisplayName(String displayName) {
        return displayName == null ? null : DISPLAY_NAMES.get(displayName.strip().toLowerCase(Locale.ROOT));
    }

    private static void on(EventKind kind, Shape shape, String... operations) {
        for (String operation : operations) {
            if (RULES.put(operation.toLowerCase(Locale.ROOT), new Rule(operation, kind, shape)) != null) {
                throw new IllegalStateException("operation listed twice in the kind table: " + operation);
            }
        }
    }

    private static void display(String displayName, String operation) {
        DISPLAY_NAMES.put(displayName.toLowerCase(Locale.ROOT), operation);
    }
}
