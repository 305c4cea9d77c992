package dev.cadet.parsers.internal.azure;

import dev.cadet.parsers.internal.csv.CsvLayout;

import static dev.cadet.parsers.internal.csv.CsvColumn.json;
import static dev.cadet.parsers.internal.csv.CsvColumn.text;
import static dev.cadet.parsers.internal.csv.CsvColumn.time;

/**
 * The Activity Log as a table. Each row becomes the Azure record its columns came from and is read by
 * {@link AzureReader}, like any other Azure export.
 */
public final class AzureCsv {

    /** Log Analytics / Sentinel {@code AzureActivity} table exports; {@code TenantId} there is the workspace, left out. */
    private static final CsvLayout LOG_ANALYTICS = CsvLayout.builder("azure-activity-csv",
                    "a Log Analytics AzureActivity table export")
            .require("TimeGenerated")
            .require("OperationNameValue")
            .column(time("time", "TimeGenerated"))
            .column(text("operationNameValue", "OperationNameValue"))
            .column(text("operationName", "OperationName"))
            .column(text("status", "ActivityStatusValue", "ActivityStatus"))
            .column(text("subStatus", "ActivitySubstatusValue", "ActivitySubstatus"))
            .column(text("caller", "Caller"))
            .column(text("callerIpAddress", "CallerIpAddress"))
            .column(text("correlationId", "CorrelationId"))
            .column(text("eventDataId", "EventDataId"))
            .column(text("resourceId", "ResourceId", "_ResourceId"))
            .column(text("subscriptionId", "SubscriptionId", "_SubscriptionId"))
            .column(text("category", "CategoryValue", "Category"))
            .column(json("properties", "Properties_d", "Properties"))
            .column(json("claims", "Claims_d", "Claims"))
            .column(json("authorization", "Authorization_d", "Authorization"))
            .column(json("httpRequest", "HTTPRequest"))
            .reader(AzureReader::new)
            .build();

    /**
     * The CSV the Azure portal's Activity log blade downloads: display columns only, the operation as its English
     * display name. Written from the portal's column names; no such download is among the public samples.
     */
    private static final CsvLayout PORTAL = CsvLayout.builder("azure-portal-csv", "an Azure portal activity log download")
            .require("Operation name")
            .require("Status")
            .require("Event initiated by")
            .require("Time stamp", "Time")
            .column(time("time", "Time stamp", "Time", "Event timestamp"))
            .column(text("operationName", "Operation name"))
            .column(text("status", "Status"))
            .column(text("caller", "Event initiated by"))
            .column(text("resourceId", "Resource id", "Resource"))
            .column(text("subscriptionId", "Subscription id", "Subscription"))
            .column(text("category", "Event category"))
            .column(text("correlationId", "Correlation id"))
            .reader(AzureReader::new)
            .build();

    private AzureCsv() {
    }

    public static CsvLayout logAnalytics() {
        return LOG_ANALYTICS;
    }

    public static CsvLayout portal() {
        return PORTAL;
    }
}
