package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.testkit.E;
import dev.cadet.detectors.testkit.F;
import dev.cadet.model.Answer;
import dev.cadet.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class AnalysisTest {

    private final Context context = new Context(Approvals.of(List.of("*:user/ci"), List.of("10.0.0.0/8")),
            History.none(), false, 0);

    @Test
    void everyQuestionAndCheckIsAnsweredInThePlaybooksWordsAndOrder() {
        Finding f = F.from("F-0001", "command-execution", E.command(user("dev")).ip("203.0.113.5").build());
        List<Answer> q = Analysis.questions(List.of(f), context);
        assertThat(q).extracting(Answer::question).containsExactly(Analysis.Q_TAKEOVER, Analysis.Q_TRUSTED,
                Analysis.Q_GEO, Analysis.Q_INTEL);
        assertThat(q.get(0).answer()).isEqualTo(Answer.NO_EVIDENCE);
        assertThat(q.get(1).answer()).isEqualTo("Not all: " + user("dev") + " is not approved automation (no baseline"
                + " to say what it usually does).");
        assertThat(q.get(1).findingIds()).containsExactly("F-0001");
        assertThat(q.get(2).answer()).startsWith("Could not check: the supplied logs give no location")
                .endsWith("no GeoIP database was given (geoip in the configuration file).");
        assertThat(q.get(3).answer()).startsWith(Answer.NO_EVIDENCE).contains("no threat-intelligence indicators");
        List<Answer> l1 = Analysis.l1Checks(List.of(f), context);
        assertThat(l1).extracting(Answer::question).containsExactly(Analysis.L1_IAM, Analysis.L1_IPS, Analysis.L1_ALERTS);
        assertThat(l1.get(1).answer()).isEqualTo("203.0.113.5: not approved (no baseline to compare with).");
        assertThat(l1.get(2).answer()).startsWith("Outside the supplied logs");
    }

    @Test
    void evidenceIsNamedWithItsFindings() {
        Finding iam = F.from("F-0001", "iam-then-command",
                E.createKey(user("eve"), user("eve"), "AKIAEXAMPLEKEY000001").at("10:00").build(),
                E.command(user("eve")).key("AKIAEXAMPLEKEY000001").at("10:30").build());
        Finding geo = F.from("F-0002", "geo-anomaly", E.login(user("eve")).country("DE").at("09:00").build(),
                E.command(user("eve")).country("AU").at("10:30").build());
        Finding ioc = F.from("F-0003", "ioc-match", E.command(user("eve")).at("10:30").build());
        List<Answer> q = Analysis.questions(List.of(iam, geo, ioc), context);
        assertThat(q.get(0).findingIds()).containsExactly("F-0001", "F-0002");
        assertThat(q.get(0).answer()).startsWith("Yes.").contains("iam:CreateAccessKey by " + user("eve"));
        assertThat(q.get(2).findingIds()).containsExactly("F-0002");
        assertThat(q.get(3).findingIds()).containsExactly("F-0003");
        assertThat(Analysis.l1Checks(List.of(iam, geo, ioc), context).get(0).findingIds()).containsExactly("F-0001");
    }
}
