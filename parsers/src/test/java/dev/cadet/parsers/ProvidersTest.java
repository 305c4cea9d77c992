package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.model.Provider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.cadet.parsers.Reads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour shared by the providers: one identity per person, locations in messages, CSV structure errors. */
class ProvidersTest {

    private static final LogReader STRICT = LogReader.builder().badRecords(BadRecordPolicy.FAIL).build();

    private static CloudEvent first(String golden) throws IOException {
        return Reads.read(LogReader.create(), golden, GoldenTest.resource(golden)).events().get(0);
    }

    @Test
    void onePersonIsOnePrincipalInEntraAzureAndGcp() throws IOException {
        // Written Mallory.Admin@contoso.com, MALLORY.ADMIN@CONTOSO.COM and mallory.admin@contoso.com in the logs.
        List<CloudEvent> events = List.of(first("entra/signins-value.json"), first("entra/signins-records.json"),
                first("azure/records.json"), first("gcp/gcloud-array.json"), first("csv/sentinel-azureactivity.csv"));

        assertThat(events).extracting(CloudEvent::principal).containsOnly("mallory.admin@contoso.com");
        assertThat(events).extracting(CloudEvent::provider).containsExactly(Provider.ENTRA, Provider.ENTRA,
                Provider.AZURE, Provider.GCP, Provider.AZURE);
    }

    @Test
    void strictReadingNamesTheRecordAndItsPlaceInEveryProvider() {
        assertThatThrownBy(() -> Reads.read(STRICT, "activity.json", utf8("{\"records\": [\n"
                + "{\"operationName\": \"Microsoft.Compute/virtualMachines/runCommand/action\", \"category\": \"x\", "
                + "\"resultType\": \"Start\"}]}")))
                .isInstanceOf(InputException.class)
                .hasMessage("Azure record #1 (file activity.json, line 2, column 1): missing required field 'time' "
                        + "(or 'eventTimestamp')")
                .extracting(e -> ((InputException) e).origin()).isEqualTo(new Origin("activity.json", 1, 2, 1));
        assertThatThrownBy(() -> Reads.read(STRICT, "gcp.json", utf8("{\"insertId\": \"a\", \"logName\": "
                + "\"projects/p/logs/cloudaudit.googleapis.com%2Factivity\", \"protoPayload\": {\"methodName\": \"x\"}}")))
                .hasMessage("GCP log entry #1 (file gcp.json, line 1, column 1): missing required field 'timestamp'");
        assertThatThrownBy(() -> Reads.read(STRICT, "audit.json", utf8("{\"activityDisplayName\": \"Add member to role\"}")))
                .hasMessage("Entra ID record #1 (file audit.json, line 1, column 1): missing required field "
                        + "'activityDateTime'");
        assertThatThrownBy(() -> Reads.read(STRICT, "trail.csv", utf8("eventTime,eventSource,eventName\n"
                + "2024-05-01T10:00:00Z,ssm.amazonaws.com,SendCommand\n"
                + "yesterday,ssm.amazonaws.com,SendCommand\n")))
                .hasMessage("CSV row #2 (file trail.csv, line 3, column 1): column 'eventTime' is not a timestamp: "
                        + "'yesterday'; expected a date and time such as 21/04/2025, 09:45:54.000 or 2025-04-21T09:45:54Z");
    }

    @Test
    void csvRowsThatDoNotFitTheHeaderAreQuarantinedAndABrokenFileStops() {
        Reads.Outcome out = Reads.read("trail.csv", "eventTime,eventSource,eventName\n"
                + "2024-05-01T10:00:00Z,ssm.amazonaws.com\n"
                + "\"2024-05-01T10:01:00Z\",\"ssm.amazonaws.com\",\"Send\"\"Command\"\n"
                + "2024-05-01T10:02:00Z,ssm.amazonaws.com,\"SendCommand\n");

        assertThat(out.report().format()).isEqualTo("cloudtrail-csv");
        assertThat(out.result().rejects()).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(new Origin("trail.csv", 1, 2, 1));
            assertThat(r.reason()).isEqualTo("row has 2 fields but the header has 3 columns; expected one field per column");
            assertThat(r.excerpt()).isEqualTo("2024-05-01T10:00:00Z,ssm.amazonaws.com");
        });
        assertThat(out.only().action()).isEqualTo("ssm:Send\"Command");
        assertThat(out.report().error()).startsWith("malformed CSV at line ").endsWith("(after 2 records)");
        assertThat(out.report().records()).isEqualTo(2);
    }

    @Test
    void aCellThatShouldHoldJsonButDoesNotIsTheRowsProblem() {
        Reads.Outcome out = Reads.read("trail.csv", "eventTime,eventSource,eventName,requestParameters\n"
                + "2024-05-01T10:00:00Z,ssm.amazonaws.com,SendCommand,\"{\"\"instanceIds\"\": [\"\"i-1\"\"\"\n");

        assertThat(out.result().rejects()).singleElement().satisfies(r -> assertThat(r.reason())
                .startsWith("column 'requestParameters' is not valid JSON (at column "));
    }
}
