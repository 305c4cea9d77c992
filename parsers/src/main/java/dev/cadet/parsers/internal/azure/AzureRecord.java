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

    /**
     * The claims of one claims object, kept by the object's bytes: a caller's token makes call after call. Each
     * claim the object names, even as null, replaces the record's, as reading them one by one would.
     */
    static final class Claims {
        static final int UPN = 0;
        static final int EMAIL = 1;
        static final int UNIQUE_NAME = 2;
        static final int OBJECT_ID = 3;
        static final int APP_ID = 4;
        static final int TENANT_ID = 5;
        static final int NAME = 6;
        static final int IP = 7;
        static final int ID_TYPE = 8;
        static final int MANAGED_IDENTITY = 9;
        static final int AUTH_METHODS = 10;
        static final Claims NONE = new Claims();

        private final String[] values = new String[11];
        private int given;

        void set(int claim, String value) {
            values[claim] = value;
            given |= 1 << claim;
        }

        private boolean has(int claim) {
            return (given & (1 << claim)) != 0;
        }
    }

    /** Takes the claims {@code k} names. */
    void take(Claims k) {
        if (k.given == 0) {
            return;
        }
        String[] v = k.values;
        if (k.has(Claims.UPN)) {
            upn = v[Claims.UPN];
        }
        if (k.has(Claims.EMAIL)) {
            email = v[Claims.EMAIL];
        }
        if (k.has(Claims.UNIQUE_NAME)) {
            uniqueName = v[Claims.UNIQUE_NAME];
        }
        if (k.has(Claims.OBJECT_ID)) {
            objectId = v[Claims.OBJECT_ID];
        }
        if (k.has(Claims.APP_ID)) {
            appId = v[Claims.APP_ID];
        }
        if (k.has(Claims.TENANT_ID)) {
            claimsTenantId = v[Claims.TENANT_ID];
        }
        if (k.has(Claims.NAME)) {
            claimsName = v[Claims.NAME];
        }
        if (k.has(Claims.IP)) {
            claimsIp = v[Claims.IP];
        }
        if (k.has(Claims.ID_TYPE)) {
            idType = v[Claims.ID_TYPE];
        }
        if (k.has(Claims.MANAGED_IDENTITY)) {
            managedIdentity = v[Claims.MANAGED_IDENTITY];
        }
        if (k.has(Claims.AUTH_METHODS)) {
            authMethods = v[Claims.AUTH_METHODS];
        }
    }

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
