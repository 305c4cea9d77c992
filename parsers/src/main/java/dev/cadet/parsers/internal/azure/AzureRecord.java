package dev.cadet.parsers.internal.azure;

import dev.cadet.parsers.internal.entra.EntraRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one Azure Monitor record that the mapping needs, in any of the shapes Azure exports it in:
 * diagnostic settings ({@code time}, {@code resultType}, {@code identity.claims}), the REST API and
 * {@code az monitor activity-log list} ({@code eventTimestamp}, {@code status.value}, {@code claims}) and Log
 * Analytics ({@code TimeGenerated}, {@code ActivityStatusValue}, {@code Claims_d}). Mutable scratch reused
 * record after record by one reader; empty strings are {@code null}.
 */
final class AzureRecord {

    String time;
    String eventTimestamp;
    String timeGenerated;
    String operationName;
    String operationNameValue;
    String operationDisplayName;
    String category;
    String resultType;
    String resultSignature;
    String status;
    String subStatus;
    String resultDescription;
    String callerIp;
    String httpClientIp;
    String caller;
    String identityText;
    String correlationId;
    String eventDataId;
    String resourceId;
    String subscriptionId;
    String tenantId;
    String location;
    String tableType;

    // identity.claims (or claims)
    String upn;
    String email;
    String uniqueName;
    String objectId;
    String appId;
    String claimsTenantId;
    String claimsName;
    String claimsIp;
    String idType;
    String managedIdentity;
    String authMethods;

    // identity.authorization.evidence (or authorization.evidence)
    String evidencePrincipalId;
    String evidencePrincipalType;

    // properties
    String statusCode;
    String statusMessage;

    // properties.requestbody, what a command or role assignment request says
    String bodyCommandId;
    String bodyScriptUri;
    String extensionType;
    String bodyPrincipalId;
    String bodyRoleDefinitionId;
    final List<String> lines = new ArrayList<>();

    /** Sign-in and audit fields of an Entra record carried in the same envelope. */
    final EntraRecord entra = new EntraRecord();

    void reset() {
        time = null;
        eventTimestamp = null;
        timeGenerated = null;
        operationName = null;
        operationNameValue = null;
        operationDisplayName = null;
        category = null;
        resultType = null;
        resultSignature = null;
        status = null;
        subStatus = null;
        resultDescription = null;
        callerIp = null;
        httpClientIp = null;
        caller = null;
        identityText = null;
        correlationId = null;
        eventDataId = null;
        resourceId = null;
        subscriptionId = null;
        tenantId = null;
        location = null;
        tableType = null;
        upn = null;
        email = null;
        uniqueName = null;
        objectId = null;
        appId = null;
        claimsTenantId = null;
        claimsName = null;
        claimsIp = null;
        idType = null;
        managedIdentity = null;
        authMethods = null;
        evidencePrincipalId = null;
        evidencePrincipalType = null;
        statusCode = null;
        statusMessage = null;
        bodyCommandId = null;
        bodyScriptUri = null;
        extensionType = null;
        bodyPrincipalId = null;
        bodyRoleDefinitionId = null;
        lines.clear();
        entra.reset();
    }
}
