package dev.cadet.parsers.internal.aws;

import dev.cadet.parsers.internal.csv.CsvLayout;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static dev.cadet.parsers.internal.csv.CsvColumn.json;
import static dev.cadet.parsers.internal.csv.CsvColumn.struct;
import static dev.cadet.parsers.internal.csv.CsvColumn.text;
import static dev.cadet.parsers.internal.csv.CsvColumn.time;

/**
 * CloudTrail as a table: Log Analytics / Sentinel {@code AWSCloudTrail} exports ({@code TimeGenerated [UTC]},
 * {@code UserIdentityArn}, JSON columns), and Athena or CloudTrail Lake query results ({@code eventtime},
 * {@code useridentity} as a {@code {key=value}} struct, {@code requestparameters} as JSON). Each row becomes the
 * CloudTrail record those columns came from and is read by {@link CloudTrailReader}, like any other CloudTrail.
 */
public final class CloudTrailCsv {

    /** CloudTrail's own spelling of the {@code userIdentity} keys Athena writes in lower case. */
    private static final Map<String, String> IDENTITY_KEYS = new HashMap<>();

    static {
        for (String key : new String[] {"type", "principalId", "arn", "accountId", "accessKeyId", "userName",
                "invokedBy", "sessionContext", "attributes", "mfaAuthenticated", "creationDate", "sessionIssuer",
                "webIdFederationData", "sourceIdentity", "ec2RoleDelivery", "onBehalfOf", "userId",
                "identityStoreArn", "credentialId", "inScopeOf"}) {
            IDENTITY_KEYS.put(key.toLowerCase(Locale.ROOT), key);
        }
    }

    private static final CsvLayout LAYOUT = CsvLayout.builder("cloudtrail-csv",
                    "a CloudTrail table export (Log Analytics AWSCloudTrail, Athena, CloudTrail Lake)")
            .require("TimeGenerated", "eventTime")
            .require("EventSource")
            .require("EventName")
            .column(time("eventTime", "eventTime", "TimeGenerated"))
            .column(text("eventSource", "EventSource"))
            .column(text("eventName", "EventName"))
            .column(text("eventID", "eventID", "AwsEventId"))
            .column(text("eventVersion", "EventVersion"))
            .column(text("awsRegion", "AWSRegion"))
            .column(text("sourceIPAddress", "SourceIpAddress"))
            .column(text("userAgent", "UserAgent"))
            .column(text("errorCode", "ErrorCode"))
            .column(text("errorMessage", "ErrorMessage"))
            .column(text("requestID", "requestID", "AwsRequestId"))
            .column(text("recipientAccountId", "RecipientAccountId"))
            .column(json("requestParameters", "RequestParameters"))
            .column(json("responseElements", "ResponseElements"))
            .column(json("additionalEventData", "AdditionalEventData"))
            .column(json("serviceEventDetails", "ServiceEventDetails"))
            .column(struct("userIdentity", "userIdentity"))
            .column(text("userIdentity.type", "UserIdentityType", "userIdentity.type"))
            .column(text("userIdentity.principalId", "UserIdentityPrincipalid", "userIdentity.principalId"))
            .column(text("userIdentity.arn", "UserIdentityArn", "userIdentity.arn"))
            .column(text("userIdentity.accountId", "UserIdentityAccountId", "userIdentity.accountId"))
            .column(text("userIdentity.accessKeyId", "UserIdentityAccessKeyId", "userIdentity.accessKeyId"))
            .column(text("userIdentity.userName", "UserIdentityUserName", "userIdentity.userName"))
            .column(text("userIdentity.invokedBy", "UserIdentityInvokedBy", "userIdentity.invokedBy"))
            .column(text("userIdentity.sessionContext.attributes.mfaAuthenticated", "SessionMfaAuthenticated",
                    "userIdentity.sessionContext.attributes.mfaAuthenticated"))
            .column(text("userIdentity.sessionContext.sessionIssuer.arn", "SessionIssuerArn",
                    "userIdentity.sessionContext.sessionIssuer.arn"))
            .column(text("userIdentity.sessionContext.sessionIssuer.userName", "SessionIssuerUserName",
                    "userIdentity.sessionContext.sessionIssuer.userName"))
            .column(text("userIdentity.onBehalfOf.userId", "UserIdentityUserId", "userIdentity.onBehalfOf.userId"))
            .column(text("userIdentity.onBehalfOf.identityStoreArn", "UserIdentityStoreArn",
                    "userIdentity.onBehalfOf.identityStoreArn"))
            .structKeys(key -> IDENTITY_KEYS.getOrDefault(key.toLowerCase(Locale.ROOT), key))
            .reader(CloudTrailReader::new)
            .build();

    private CloudTrailCsv() {
    }

    public static CsvLayout layout() {
        return LAYOUT;
    }
}
